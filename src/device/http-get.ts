import { request } from 'node:http';
import { answerChallenges } from '../auth/digest-client.js';
import type { Credentials } from '../credentials/secret.js';

export interface HttpGetResult {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** The scheme that worked: digest, basic, or none. */
  auth: 'digest' | 'basic' | 'none';
}

function get(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; rawHeaders: string[]; contentType?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 32 * 1024 * 1024) req.destroy(new Error('the answer is larger than 32 MB'));
        else chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          contentType: res.headers['content-type'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** GET with HTTP Digest or Basic as the camera asks (snapshot URIs use either). */
export async function httpGet(uri: string, credentials: Credentials | undefined, timeoutMs: number): Promise<HttpGetResult> {
  const url = new URL(uri);
  // Credentials never travel in the URI.
  url.username = '';
  url.password = '';
  const first = await get(url, {}, timeoutMs);
  if (first.status !== 401 || !credentials) return { status: first.status, contentType: first.contentType, body: first.body, auth: 'none' };
  const challenges: string[] = [];
  for (let i = 0; i < first.rawHeaders.length; i += 2)
    if (first.rawHeaders[i]!.toLowerCase() === 'www-authenticate') challenges.push(first.rawHeaders[i + 1]!);
  const authorization = answerChallenges(challenges, 'GET', `${url.pathname}${url.search}`, credentials, true);
  if (!authorization) return { status: 401, contentType: first.contentType, body: first.body, auth: 'none' };
  const second = await get(url, { Authorization: authorization }, timeoutMs);
  return {
    status: second.status,
    contentType: second.contentType,
    body: second.body,
    auth: authorization.startsWith('Digest') ? 'digest' : 'basic',
  };
}
