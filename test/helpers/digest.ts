import { createHash, randomBytes } from 'node:crypto';

/** An HTTP/RTSP Digest answer computed by the tests themselves (RFC 7616), independent of camfleet's code. */
export function answerChallenge(challenge: string, method: string, uri: string, username: string, password: string): string {
  const param = (name: string): string | undefined => new RegExp(`${name}="?([^",]+)"?`).exec(challenge)?.[1];
  const algorithm = param('algorithm') ?? 'MD5';
  const h = (s: string) =>
    createHash(algorithm === 'SHA-256' ? 'sha256' : 'md5')
      .update(s)
      .digest('hex');
  const realm = param('realm')!;
  const nonce = param('nonce')!;
  const qop = param('qop');
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const ha1 = h(`${username}:${realm}:${password}`);
  const ha2 = h(`${method}:${uri}`);
  const response = qop ? h(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const parts = [
    `username="${username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${uri}"`,
    `algorithm=${algorithm}`,
    `response="${response}"`,
  ];
  if (qop) parts.push('qop=auth', `nc=${nc}`, `cnonce="${cnonce}"`);
  const opaque = param('opaque');
  if (opaque) parts.push(`opaque="${opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

/** The WWW-Authenticate challenges of a 401 (one per algorithm), from the raw header list. */
export function challengesOf(rawHeaders: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'www-authenticate') out.push(rawHeaders[i + 1]!);
  return out;
}
