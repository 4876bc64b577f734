import { type CameraAccess, foreignHostRefusal, mayReceiveCredentials } from '../auth/access-policy.js';
import { ChallengeAnswerer } from '../auth/digest-client.js';
import { ExchangeError, exchange, headerValues } from '../net/http-exchange.js';
import { AuthError, CertificateError, NetworkError, ProtocolError, RefusedError, TimeoutError } from '../onvif/errors.js';

export interface HttpGetResult {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** The scheme that worked: digest, basic, or none. */
  auth: 'digest' | 'basic' | 'none';
}

/** Snapshots larger than this are refused (a 4K JPEG is a few MB). */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

/**
 * GET of a camera's media URI (a snapshot) with HTTP Digest, or Basic where the policy allows it. The
 * URI must be on the camera's own host (or one the policy names): credentials go nowhere else, and
 * nothing is fetched from a host nobody asked camfleet to touch.
 */
export async function httpGet(
  uri: string,
  access: CameraAccess,
  options: {
    timeoutMs: number;
    maxBytes?: number;
    what?: string;
    signal?: AbortSignal;
    /** A challenge kept from an earlier GET of this camera: answered at once, and the one learned here kept. */
    kept?: { answerer?: ChallengeAnswerer };
  },
): Promise<HttpGetResult> {
  const what = options.what ?? 'snapshot URI';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ProtocolError(`the camera's ${what} is not a URL`, { endpoint: access.endpoint.url, action: 'GET' });
  }
  // Credentials never travel in the URI.
  url.username = '';
  url.password = '';
  const details = { endpoint: `${url.origin}${url.pathname}`, action: 'GET' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProtocolError(`the camera's ${what} is not http(s)`, details);
  if (!mayReceiveCredentials(url, access.endpoint, access.policy)) {
    const refusal = foreignHostRefusal(what, url, access.endpoint);
    throw new RefusedError(refusal.message, { ...details, hint: refusal.hint });
  }
  const get = (authorization: string | undefined) =>
    exchange({
      url,
      method: 'GET',
      headers: authorization ? { Authorization: authorization } : {},
      deadlineMs: options.timeoutMs,
      maxBytes: options.maxBytes ?? MAX_SNAPSHOT_BYTES,
      tls: access.policy.tls,
      signal: options.signal,
    }).catch((err: unknown) => {
      if (!(err instanceof ExchangeError)) throw err;
      if (err.failure === 'timeout') throw new TimeoutError({ ...details, timeoutMs: options.timeoutMs });
      if (err.failure === 'too-large') throw new ProtocolError(err.message, details);
      if (err.failure === 'tls') throw new CertificateError(err.message, details);
      throw new NetworkError(err.code === 'ECONNREFUSED' ? 'connection refused (nothing listens on that port)' : err.message, {
        ...details,
        code: err.code,
      });
    });
  const result = (r: { status: number; headers: { 'content-type'?: string }; body: Buffer }, auth: HttpGetResult['auth']) => ({
    status: r.status,
    contentType: r.headers['content-type'],
    body: r.body,
    auth,
  });
  const path = `${url.pathname}${url.search}`;
  const kept = access.credentials ? options.kept?.answerer : undefined;
  // With a kept challenge the first request is answered already; a 401 then (a stale nonce) is learned anew.
  const first = await get(kept?.authorize('GET', path));
  if (first.status !== 401 || !access.credentials) return result(first, kept?.scheme ?? 'none');
  const answerer = new ChallengeAnswerer(access.credentials, {
    allowBasic: access.policy.allowBasic,
    allowDigestWithoutQop: access.policy.allowDigestWithoutQop,
    encrypted: url.protocol === 'https:',
  });
  const learned = answerer.learn(headerValues(first, 'www-authenticate'));
  if (!learned.ok) throw new RefusedError(learned.reason, { ...details, hint: learned.hint });
  const second = await get(answerer.authorize('GET', path));
  if (second.status === 401)
    throw new AuthError(`the ${what} refused the credentials (HTTP ${learned.scheme === 'basic' ? 'Basic' : 'Digest'})`, details);
  if (options.kept) options.kept.answerer = answerer;
  return result(second, learned.scheme);
}
