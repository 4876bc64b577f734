import type { XmlElement } from '../../xml/parse.js';
import type { AuthMode } from '../model.js';
import { faultReply, type AuthDecision, type SoapReply } from '../soap/dispatch.js';
import { notAuthorized } from '../soap/fault.js';
import { soapEnvelope, soapFault } from '../../soap/envelope.js';
import type { DigestAuthority } from './digest-authority.js';
import { checkUsernameToken, type NonceCache } from './ws-security.js';

export interface SoapAuthInput {
  mode: AuthMode;
  username: string;
  password: string;
  cameraNow: number;
  nonces: NonceCache;
  /** A reused nonce is accepted (a replay-tolerant persona). */
  replayTolerant: boolean;
  digest: DigestAuthority;
  authorization: string | undefined;
  method: string;
  url: string;
}

function challenge(digest: DigestAuthority, stale: boolean): SoapReply {
  const body = soapEnvelope(soapFault({ code: 'env:Sender', subcodes: ['ter:NotAuthorized'], reason: 'Sender not Authorized' }));
  return { status: 401, headers: { 'WWW-Authenticate': digest.challenges(stale) }, body };
}

/**
 * ONVIF Core's rules for a device that may offer both schemes: a WS-Security UsernameToken, when
 * present, decides alone (400 + ter:NotAuthorized when wrong); otherwise HTTP Digest is expected and a
 * request without valid Digest credentials gets 401 with a challenge per algorithm.
 */
export function authenticateSoap(header: XmlElement | undefined, input: SoapAuthInput): AuthDecision {
  if (input.mode === 'none') return { allowed: true };
  const wsse = input.mode === 'ws-security' || input.mode === 'both';
  const digest = input.mode === 'digest' || input.mode === 'both';

  if (wsse) {
    const token = checkUsernameToken(
      header,
      input.username,
      input.password,
      input.cameraNow,
      input.replayTolerant ? undefined : input.nonces,
    );
    if (token.kind === 'ok') return { allowed: true };
    if (token.kind === 'invalid') return { allowed: false, reply: faultReply(notAuthorized()) };
  }
  if (digest) {
    const check = input.digest.verify(input.authorization, input.method, input.url, input.username, input.password);
    if (check === 'ok') return { allowed: true };
    return { allowed: false, reply: challenge(input.digest, check === 'stale') };
  }
  return { allowed: false, reply: faultReply(notAuthorized()) };
}
