import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { digestAlgorithm, digestResponse, parseAuthParams, splitScheme, type DigestHashName } from '../../auth/http-digest.js';

export type DigestCheck = 'ok' | 'missing' | 'stale' | 'invalid';

const NONCE_LIFETIME_MS = 5 * 60_000;
/** Nonces whose use is tracked at once; past this the oldest are forgotten, and then refused as stale. */
const MAX_TRACKED_NONCES = 50_000;
/** Nonce counts remembered per nonce; a client that sends more gets a fresh nonce. */
const MAX_COUNTS_PER_NONCE = 4096;

/**
 * The server side of HTTP Digest for one simulated camera: issues challenges with stateless,
 * HMAC-signed nonces (so a restart or a thousand clients cost no memory) and verifies answers.
 */
export class DigestAuthority {
  private readonly secret = randomBytes(16);
  private readonly opaque = randomBytes(8).toString('hex');
  /** Nonce → the nonce counts (with cnonce) already answered: an exact replay of an Authorization header is refused. */
  private readonly used = new Map<string, Set<string>>();
  /** Nonces issued before this time are stale: their use records were forgotten to bound memory. */
  private forgottenBefore = 0;

  constructor(
    readonly realm: string,
    private readonly algorithms: DigestHashName[],
    private readonly now: () => number,
    /** Accept a nonce count again (some real servers do; a replay-tolerant persona). */
    private readonly replayTolerant = false,
  ) {}

  /** One WWW-Authenticate value per algorithm, strongest first as RFC 7616 asks. */
  challenges(stale = false): string[] {
    const nonce = this.issueNonce();
    const ordered = [...this.algorithms].sort((a) => (a === 'SHA-256' ? -1 : 1));
    return ordered.map(
      (algorithm) =>
        `Digest realm="${this.realm}", qop="auth", nonce="${nonce}", opaque="${this.opaque}", algorithm=${algorithm}` +
        (stale ? ', stale=true' : ''),
    );
  }

  verify(authorization: string | undefined, method: string, requestUri: string, username: string, password: string): DigestCheck {
    if (!authorization) return 'missing';
    const [scheme, rest] = splitScheme(authorization);
    if (scheme !== 'digest') return 'missing';
    const p = parseAuthParams(rest);
    const algorithm = digestAlgorithm(p.algorithm);
    if (!algorithm || !this.algorithms.includes(algorithm)) return 'invalid';
    if (!p.nonce || !p.response || p.realm !== this.realm) return 'invalid';
    if (p.uri !== requestUri) return 'invalid';
    if (p.qop && p.qop !== 'auth') return 'invalid';
    const nonceState = this.checkNonce(p.nonce);
    if (nonceState === 'forged') return 'invalid';
    const expected = digestResponse({
      algorithm,
      username,
      realm: this.realm,
      password,
      method,
      uri: p.uri,
      nonce: p.nonce,
      qop: p.qop,
      nc: p.nc,
      cnonce: p.cnonce,
    });
    const given = Buffer.from(p.response.toLowerCase());
    const wanted = Buffer.from(expected);
    const matches = p.username === username && given.length === wanted.length && timingSafeEqual(given, wanted);
    if (!matches) return 'invalid';
    if (nonceState === 'expired') return 'stale';
    // A counted use (qop=auth: nc and cnonce) may come once; a use without qop may come once per nonce.
    if (this.replayTolerant) return 'ok';
    return this.firstUse(p.nonce, p.qop ? `${p.nc ?? ''}:${p.cnonce ?? ''}` : '') ? 'ok' : 'stale';
  }

  /** Records a use of a nonce; false when the same use was seen before (a replay) or cannot be told apart. */
  private firstUse(nonce: string, use: string): boolean {
    const stamp = parseInt(Buffer.from(nonce, 'base64').toString().split(':')[0] ?? '0', 16);
    if (stamp < this.forgottenBefore) return false;
    let uses = this.used.get(nonce);
    if (!uses) {
      // Insertion order is issue order, closely enough: expired nonces leave from the front.
      for (const [old] of this.used) {
        const issued = parseInt(Buffer.from(old, 'base64').toString().split(':')[0] ?? '0', 16);
        if (this.used.size < MAX_TRACKED_NONCES && this.now() - issued <= NONCE_LIFETIME_MS) break;
        this.used.delete(old);
        this.forgottenBefore = Math.max(this.forgottenBefore, issued + 1);
      }
      uses = new Set();
      this.used.set(nonce, uses);
    }
    if (uses.has(use) || (use === '' && uses.size > 0) || uses.size >= MAX_COUNTS_PER_NONCE) return false;
    uses.add(use);
    return true;
  }

  private issueNonce(): string {
    const stamp = this.now().toString(16);
    return Buffer.from(`${stamp}:${this.sign(stamp)}`).toString('base64');
  }

  private checkNonce(nonce: string): 'fresh' | 'expired' | 'forged' {
    const [stamp, signature] = Buffer.from(nonce, 'base64').toString().split(':');
    if (!stamp || !signature || this.sign(stamp) !== signature) return 'forged';
    return this.now() - parseInt(stamp, 16) > NONCE_LIFETIME_MS ? 'expired' : 'fresh';
  }

  private sign(stamp: string): string {
    return createHmac('sha256', this.secret).update(`${stamp}:${this.realm}`).digest('hex').slice(0, 32);
  }
}
