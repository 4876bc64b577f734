import { createHash, timingSafeEqual } from 'node:crypto';
import { child, type XmlElement } from '../../xml/parse.js';
import { NS, WSSE } from '../../soap/namespaces.js';

export type UsernameTokenCheck = { kind: 'absent' } | { kind: 'ok' } | { kind: 'invalid'; reason: string };

/** ONVIF cameras accept a Created time within this distance of their own clock. */
export const MAX_CLOCK_DISTANCE_MS = 5 * 60_000;

/** Nonces seen recently; a nonce used twice inside the window is a replay. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** Records the nonce; false when it was already seen and has not expired. */
  remember(nonce: string, now: number): boolean {
    // Map keeps insertion order, and every entry lives equally long, so the oldest are at the front.
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now + 2 * MAX_CLOCK_DISTANCE_MS);
    return true;
  }
}

/**
 * Verifies a WS-Security UsernameToken with PasswordDigest against the camera's own clock:
 * Base64(SHA-1(nonce + created + password)), Created within ±5 minutes, nonce never replayed.
 */
export function checkUsernameToken(
  header: XmlElement | undefined,
  username: string,
  password: string,
  cameraNow: number,
  /** Where used nonces are remembered; undefined accepts a reused one, as some servers do. */
  nonces: NonceCache | undefined,
): UsernameTokenCheck {
  const token = child(child(header, 'Security', NS.wsse), 'UsernameToken', NS.wsse);
  if (!token) return { kind: 'absent' };
  const user = child(token, 'Username', NS.wsse)?.text.trim();
  const passwordElement = child(token, 'Password', NS.wsse);
  const nonceText = child(token, 'Nonce', NS.wsse)?.text.trim();
  const created = child(token, 'Created', NS.wsu)?.text.trim();
  if (!user || !passwordElement || !nonceText || !created) return { kind: 'invalid', reason: 'incomplete UsernameToken' };
  const type = passwordElement.attrs.Type;
  if (type !== undefined && type !== WSSE.passwordDigest) return { kind: 'invalid', reason: 'only PasswordDigest is accepted' };

  const createdMs = Date.parse(created);
  if (Number.isNaN(createdMs)) return { kind: 'invalid', reason: 'Created is not a date' };
  if (Math.abs(createdMs - cameraNow) > MAX_CLOCK_DISTANCE_MS)
    return { kind: 'invalid', reason: 'Created is too far from the camera clock' };

  const nonce = Buffer.from(nonceText, 'base64');
  const expected = createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(password)]))
    .digest();
  const given = Buffer.from(passwordElement.text.trim(), 'base64');
  if (user !== username || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { kind: 'invalid', reason: 'wrong username or password' };
  }
  if (nonces && !nonces.remember(nonceText, cameraNow)) return { kind: 'invalid', reason: 'replayed nonce' };
  return { kind: 'ok' };
}
