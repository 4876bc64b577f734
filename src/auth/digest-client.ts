import { randomBytes } from 'node:crypto';
import type { Credentials } from '../credentials/secret.js';
import { digestAlgorithm, digestResponse, parseAuthParams, splitScheme } from './http-digest.js';

/**
 * The Authorization header answering a 401's challenges: Digest (the strongest algorithm offered) when
 * the server offers it, else Basic when `allowBasic`. Undefined when nothing offered can be answered.
 */
export function answerChallenges(
  challenges: string[],
  method: string,
  uri: string,
  credentials: Credentials,
  allowBasic = false,
): string | undefined {
  const parsed = challenges
    .map((c) => splitScheme(c))
    .filter(([scheme]) => scheme === 'digest')
    .map(([, rest]) => parseAuthParams(rest))
    .filter((p) => p.nonce && p.realm && digestAlgorithm(p.algorithm));
  const best = parsed.find((p) => digestAlgorithm(p.algorithm) === 'SHA-256') ?? parsed[0];
  if (!best) {
    const basic = allowBasic && challenges.some((c) => splitScheme(c)[0] === 'basic');
    return basic ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password.reveal()}`).toString('base64')}` : undefined;
  }
  const algorithm = digestAlgorithm(best.algorithm)!;
  const qop = best.qop
    ?.split(',')
    .map((q) => q.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const response = digestResponse({
    algorithm,
    username: credentials.username,
    realm: best.realm!,
    password: credentials.password.reveal(),
    method,
    uri,
    nonce: best.nonce!,
    qop,
    nc,
    cnonce,
  });
  const fields = [
    `username="${credentials.username}"`,
    `realm="${best.realm}"`,
    `nonce="${best.nonce}"`,
    `uri="${uri}"`,
    `response="${response}"`,
  ];
  if (best.algorithm) fields.push(`algorithm=${best.algorithm}`);
  if (qop) fields.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (best.opaque) fields.push(`opaque="${best.opaque}"`);
  return `Digest ${fields.join(', ')}`;
}
