import { connect } from 'node:net';
import { type CameraAccess, foreignHostRefusal, mayReceiveCredentials } from '../auth/access-policy.js';
import { ChallengeAnswerer } from '../auth/digest-client.js';
import { describeVideo, type StreamDescription } from '../media/sdp.js';
import { displayUri } from '../text/display.js';
import type { KeptChallenge } from './camera-memory.js';

export interface RtspProbe extends StreamDescription {
  ok: boolean;
  status: number | null;
  ms: number | null;
  error: string | null;
}

interface RtspReply {
  status: number;
  headers: Map<string, string[]>;
  body: string;
}

/** An RTSP answer's head and body caps: a DESCRIBE's SDP is a few hundred bytes. */
const MAX_HEAD_BYTES = 16 * 1024;
const MAX_BODY_BYTES = 64 * 1024;

/** Why an RTSP exchange failed; `refused` and `unreachable` say the port is not open. */
export class RtspError extends Error {
  override name = 'RtspError';
  constructor(
    message: string,
    readonly kind: 'refused' | 'unreachable' | 'timeout' | 'closed' | 'garbage' | 'too-large',
  ) {
    super(message);
  }
}

function parseHead(head: string): { status: number; headers: Map<string, string[]> } | undefined {
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const status = Number(/^RTSP\/1\.0 (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return undefined;
  const headers = new Map<string, string[]>();
  for (const line of headerLines) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return { status, headers };
}

/**
 * Sends one RTSP request over its own connection and reads the whole reply, within one deadline for
 * the whole exchange: a server that closes without answering, drips bytes, never ends its headers or
 * announces a huge body ends here, and the socket is destroyed.
 */
function rtspRequest(url: URL, method: string, cseq: number, headers: Record<string, string>, deadlineMs: number): Promise<RtspReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 554) });
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (err: RtspError | undefined, reply?: RtspReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(reply!);
    };
    const timer = setTimeout(() => finish(new RtspError(`no complete answer within ${deadlineMs} ms`, 'timeout')), deadlineMs);
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish(new RtspError('refused', 'refused'));
      else if (err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH') finish(new RtspError('no route', 'unreachable'));
      else finish(new RtspError(err.code === 'ECONNRESET' ? 'the server reset the connection' : err.message, 'closed'));
    });
    socket.on('close', () => finish(new RtspError('the server closed the connection without a complete answer', 'closed')));
    socket.on('connect', () => {
      const lines = [
        `${method} ${url.href} RTSP/1.0`,
        `CSeq: ${cseq}`,
        'User-Agent: camfleet',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) {
        if (data.length > MAX_HEAD_BYTES) finish(new RtspError('the answer headers never end', 'too-large'));
        return;
      }
      const head = parseHead(data.subarray(0, end).toString('latin1'));
      if (!head) return finish(new RtspError('not an RTSP answer', 'garbage'));
      const length = Number(head.headers.get('content-length')?.[0] ?? 0);
      if (!Number.isFinite(length) || length < 0 || length > MAX_BODY_BYTES) {
        return finish(new RtspError(`the answer announces a body of ${head.headers.get('content-length')?.[0]} bytes`, 'too-large'));
      }
      if (data.length - (end + 4) < length) return;
      finish(undefined, { ...head, body: data.subarray(end + 4, end + 4 + length).toString('utf8') });
    });
  });
}

/** What an early, unauthenticated DESCRIBE of a server's root told: its port is open, and its Digest challenge. */
export interface RtspChallenge {
  host: string;
  port: number;
  open: boolean;
  challenges: string[];
}

/**
 * Asks an RTSP server for its Digest challenge before the stream URI is known (DESCRIBE of its root,
 * without credentials). The nonce lets the real DESCRIBE go out already answered, saving a round trip;
 * a server that does not accept it simply challenges again.
 */
export async function rtspChallenge(host: string, port: number, timeoutMs: number): Promise<RtspChallenge> {
  try {
    const reply = await rtspRequest(new URL(`rtsp://${host}:${port}/`), 'DESCRIBE', 1, { Accept: 'application/sdp' }, timeoutMs);
    return { host, port, open: true, challenges: reply.status === 401 ? (reply.headers.get('www-authenticate') ?? []) : [] };
  } catch (err) {
    // Connected but got garbage, a close or a timeout: the port is open all the same.
    const kind = err instanceof RtspError ? err.kind : 'closed';
    return { host, port, open: kind !== 'refused' && kind !== 'unreachable' && kind !== 'timeout', challenges: [] };
  }
}

/**
 * RTSP DESCRIBE of a stream URI (Digest when asked): does the stream answer, and with what video?
 * Credentials go only to the camera's own host, as its access policy says. The first DESCRIBE goes out
 * answered when a challenge is at hand: `kept` (the last DESCRIBE's, which then keeps this one's), else
 * `early`; a server that wants a fresh nonce challenges again, and is answered once more.
 */
export async function probeStream(
  uri: string,
  access: CameraAccess,
  timeoutMs: number,
  early?: RtspChallenge,
  kept?: KeptChallenge,
): Promise<RtspProbe> {
  const started = performance.now();
  const fail = (error: string, status: number | null = null): RtspProbe => ({
    ok: false,
    status,
    ms: null,
    error,
    codec: null,
    width: null,
    height: null,
    fps: null,
  });
  let url: URL;
  try {
    url = new URL(uri);
    if (url.protocol !== 'rtsp:') return fail('not an rtsp:// URI');
  } catch {
    return fail('not a URI');
  }
  // Credentials never go into the URI (where they would end up in logs); Digest carries them.
  url.username = '';
  url.password = '';
  const credentials = access.credentials;
  if (credentials && !mayReceiveCredentials(url, access.endpoint, access.policy)) {
    const refusal = foreignHostRefusal(`stream URI ${displayUri(uri)}`, url, access.endpoint);
    return fail(`${refusal.message} — ${refusal.hint}`);
  }
  const newAnswerer = (): ChallengeAnswerer | undefined =>
    credentials
      ? new ChallengeAnswerer(credentials, {
          allowBasic: access.policy.allowBasic,
          allowDigestWithoutQop: access.policy.allowDigestWithoutQop,
          encrypted: false,
        })
      : undefined;
  const keptAnswerer = credentials && kept?.answerer?.ready ? kept.answerer : undefined;
  let answerer = keptAnswerer ?? newAnswerer();
  try {
    const port = Number(url.port || 554);
    const earlyFits = early && early.host === url.hostname && early.port === port && early.challenges.length > 0;
    const ready = keptAnswerer !== undefined || (earlyFits && answerer?.learn(early.challenges).ok === true);
    const preset = ready ? answerer?.authorize('DESCRIBE', url.href) : undefined;
    let reply = await rtspRequest(
      url,
      'DESCRIBE',
      1,
      { Accept: 'application/sdp', ...(preset ? { Authorization: preset } : {}) },
      timeoutMs,
    );
    if (reply.status === 401 && answerer) {
      // A kept challenge that went stale is replaced, not added to.
      if (keptAnswerer) answerer = newAnswerer()!;
      const learned = answerer.learn(reply.headers.get('www-authenticate') ?? []);
      if (!learned.ok) return fail(`${learned.reason} — ${learned.hint}`, 401);
      reply = await rtspRequest(
        url,
        'DESCRIBE',
        2,
        { Accept: 'application/sdp', Authorization: answerer.authorize('DESCRIBE', url.href)! },
        timeoutMs,
      );
    }
    if (reply.status !== 200)
      return fail(reply.status === 401 ? 'the camera refused the credentials for the stream' : `RTSP ${reply.status}`, reply.status);
    if (kept && answerer?.ready) kept.answerer = answerer;
    return { ok: true, status: 200, ms: Math.round(performance.now() - started), error: null, ...describeVideo(reply.body) };
  } catch (err) {
    return fail((err as Error).message);
  }
}
