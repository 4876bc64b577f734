import { createHash } from 'node:crypto';
import { nonceBytes } from '../auth/nonce-bytes.js';
import type { Credentials } from '../credentials/secret.js';
import { NS, WSSE } from '../soap/namespaces.js';
import { xmlEscape as x } from '../xml/escape.js';

/**
 * A WS-Security UsernameToken with PasswordDigest (ONVIF Core 5.12): Base64(SHA-1(nonce + created +
 * password)). `created` is the camera's time, so a camera with a skewed clock still accepts it.
 */
export function usernameToken(credentials: Credentials, created: Date, nonce: Buffer = nonceBytes(16)): string {
  const stamp = created.toISOString();
  const digest = createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(stamp), Buffer.from(credentials.password.reveal())]))
    .digest('base64');
  return (
    `<Security s:mustUnderstand="1" xmlns="${NS.wsse}"><UsernameToken><Username>${x(credentials.username)}</Username>` +
    `<Password Type="${WSSE.passwordDigest}">${digest}</Password><Nonce EncodingType="${WSSE.base64}">${nonce.toString('base64')}</Nonce>` +
    `<Created xmlns="${NS.wsu}">${stamp}</Created></UsernameToken></Security>`
  );
}
