import type { Credentials } from '../credentials/secret.js';
import { nonceBytes } from './nonce-bytes.js';
import { digestAlgorithm, digestResponse, parseAuthParams, splitScheme } from './http-digest.js';

/** What a client may answer: the relaxations of an AccessPolicy, and whether the channel is encrypted. */
export interface AnswerRules {
  allowBasic: boolean;
  allowDigestWithoutQop: boolean;
  /** https: Basic is no worse than the channel then. */
  encrypted: boolean;
}

export type ChallengeAnswer = { ok: true; scheme: 'digest' | 'basic' } | { ok: false; reason: string; hint: string };

interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: string | undefined;
  qop: 'auth' | undefined;
  opaque: string | undefined;
}

/**
 * Answers one server's authentication challenges for one set of credentials, and keeps answering later
 * requests without a new round trip (the nonce with an increasing nonce count, as RFC 7616 allows).
 * Digest with qop is preferred (SHA-256 first); Digest without qop and Basic over plain HTTP only when
 * the rules allow them. A malformed challenge is refused, never thrown.
 */
export class ChallengeAnswerer {
  private digest: DigestChallenge | undefined;
  private basic = false;
  private nc = 0;

  constructor(
    private readonly credentials: Credentials,
    private readonly rules: AnswerRules,
  ) {}

  /** Whether an Authorization header can be sent now (a challenge was learned). */
  get ready(): boolean {
    return this.digest !== undefined || this.basic;
  }

  get scheme(): 'digest' | 'basic' | undefined {
    return this.digest ? 'digest' : this.basic ? 'basic' : undefined;
  }

  /** Learns the WWW-Authenticate values of a 401. */
  learn(challenges: string[]): ChallengeAnswer {
    const split = challenges.flatMap((c) => splitChallenges(c)).map((c) => splitScheme(c.trim()));
    const digests = split
      .filter(([scheme]) => scheme === 'digest')
      .map(([, rest]) => parseAuthParams(rest))
      .filter((p) => p.nonce && p.realm !== undefined && digestAlgorithm(p.algorithm))
      .map(
        (p): DigestChallenge => ({
          realm: p.realm!,
          nonce: p.nonce!,
          algorithm: p.algorithm,
          qop: (p.qop ?? '')
            .split(',')
            .map((q) => q.trim())
            .includes('auth')
            ? 'auth'
            : undefined,
          opaque: p.opaque,
        }),
      );
    const withQop = digests.filter((d) => d.qop);
    const usable = withQop.length ? withQop : this.rules.allowDigestWithoutQop ? digests : [];
    const best = usable.find((d) => digestAlgorithm(d.algorithm) === 'SHA-256') ?? usable[0];
    this.basic = false;
    if (best) {
      this.digest = best;
      this.nc = 0;
      return { ok: true, scheme: 'digest' };
    }
    this.digest = undefined;
    if (digests.length) {
      return {
        ok: false,
        reason: 'the camera asks for HTTP Digest without qop (RFC 2069), which camfleet does not answer by default',
        hint: 'allow it for this camera with --allow-digest-without-qop or "legacyAuth": {"digestWithoutQop": true} in the inventory',
      };
    }
    const offersBasic = split.some(([scheme]) => scheme === 'basic');
    if (offersBasic && (this.rules.allowBasic || this.rules.encrypted)) {
      this.basic = true;
      return { ok: true, scheme: 'basic' };
    }
    if (offersBasic) {
      return {
        ok: false,
        reason: 'the camera asks for HTTP Basic over plain HTTP, which would send the password readable; camfleet refuses by default',
        hint: 'switch the camera to Digest, or allow Basic for it with --allow-basic or "legacyAuth": {"basic": true} in the inventory',
      };
    }
    return {
      ok: false,
      reason: 'the camera asks for an authentication scheme camfleet does not speak',
      hint: 'camfleet answers HTTP Digest (MD5 or SHA-256) and WS-Security',
    };
  }

  /** The Authorization header for a request, or undefined before a challenge was learned. */
  authorize(method: string, uri: string): string | undefined {
    if (this.basic) return `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password.reveal()}`).toString('base64')}`;
    const d = this.digest;
    if (!d) return undefined;
    const algorithm = digestAlgorithm(d.algorithm)!;
    const nc = (++this.nc).toString(16).padStart(8, '0');
    const cnonce = nonceBytes(8).toString('hex');
    const response = digestResponse({
      algorithm,
      username: this.credentials.username,
      realm: d.realm,
      password: this.credentials.password.reveal(),
      method,
      uri,
      nonce: d.nonce,
      qop: d.qop,
      nc,
      cnonce,
    });
    const quote = (s: string): string => s.replace(/["\\]/g, '\\$&');
    const fields = [
      `username="${quote(this.credentials.username)}"`,
      `realm="${quote(d.realm)}"`,
      `nonce="${quote(d.nonce)}"`,
      `uri="${quote(uri)}"`,
      `response="${response}"`,
    ];
    if (d.algorithm) fields.push(`algorithm=${d.algorithm}`);
    if (d.qop) fields.push(`qop=${d.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
    if (d.opaque) fields.push(`opaque="${quote(d.opaque)}"`);
    return `Digest ${fields.join(', ')}`;
  }
}

/** One header may carry several challenges (`Digest …, Basic realm=…`); split before each scheme word. */
function splitChallenges(header: string): string[] {
  return header.split(/,\s*(?=(?:Digest|Basic|Bearer|Negotiate)\s)/i);
}
