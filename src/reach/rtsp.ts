import { connect } from 'node:net';
import { answerChallenges } from '../auth/digest-client.js';
import type { Credentials } from '../credentials/secret.js';
import { describeVideo, type StreamDescription } from '../media/sdp.js';

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

/** Sends one RTSP request over its own connection and reads the reply (headers and any body). */
function rtspRequest(url: URL, method: string, cseq: number, headers: Record<string, string>, timeoutMs: number): Promise<RtspReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 554) });
    let data = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.on('error', (err: NodeJS.ErrnoException) => reject(new Error(err.code === 'ECONNREFUSED' ? 'refused' : err.message)));
    socket.on('connect', () => {
      const lines = [
        `${method} ${url.href} RTSP/1.0`,
        `CSeq: ${cseq}`,
        'User-Agent: camfleet',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine = '', ...headerLines] = data.slice(0, end).split('\r\n');
      const status = Number(/^RTSP\/1\.0 (\d{3})/.exec(statusLine)?.[1]);
      if (!status) return reject(new Error('not an RTSP answer'));
      const parsed = new Map<string, string[]>();
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0)
          parsed.set(line.slice(0, i).trim().toLowerCase(), [
            ...(parsed.get(line.slice(0, i).trim().toLowerCase()) ?? []),
            line.slice(i + 1).trim(),
          ]);
      }
      const length = Number(parsed.get('content-length')?.[0] ?? 0);
      if (Buffer.byteLength(data.slice(end + 4), 'latin1') < length) return;
      socket.end();
      resolve({
        status,
        headers: parsed,
        body: Buffer.from(data.slice(end + 4), 'latin1')
          .subarray(0, length)
          .toString('utf8'),
      });
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
    // Connected but got garbage or a timeout: the port is open all the same.
    return {
      host,
      port,
      open: (err as Error).message !== 'refused' && !/EHOSTUNREACH|ENETUNREACH|timeout/.test((err as Error).message),
      challenges: [],
    };
  }
}

/** RTSP DESCRIBE of a stream URI (Digest when asked): does the stream answer, and with what video? */
export async function probeStream(
  uri: string,
  credentials: Credentials | undefined,
  timeoutMs: number,
  early?: RtspChallenge,
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
    if (url.protocol !== 'rtsp:') return fail(`not an rtsp:// URI`);
  } catch {
    return fail('not a URI');
  }
  // Credentials never go into the URI (where they would end up in logs); Digest carries them.
  url.username = '';
  url.password = '';
  try {
    const port = Number(url.port || 554);
    const reuse =
      early && credentials && early.host === url.hostname && early.port === port
        ? answerChallenges(early.challenges, 'DESCRIBE', url.href, credentials)
        : undefined;
    let reply = await rtspRequest(url, 'DESCRIBE', 1, { Accept: 'application/sdp', ...(reuse ? { Authorization: reuse } : {}) }, timeoutMs);
    if (reply.status === 401 && credentials) {
      const authorization = answerChallenges(reply.headers.get('www-authenticate') ?? [], 'DESCRIBE', url.href, credentials);
      if (!authorization) return fail('the camera asks for an authentication scheme camfleet does not speak', 401);
      reply = await rtspRequest(url, 'DESCRIBE', 2, { Accept: 'application/sdp', Authorization: authorization }, timeoutMs);
    }
    if (reply.status !== 200)
      return fail(reply.status === 401 ? 'the camera refused the credentials for the stream' : `RTSP ${reply.status}`, reply.status);
    return { ok: true, status: 200, ms: Math.round(performance.now() - started), error: null, ...describeVideo(reply.body) };
  } catch (err) {
    return fail((err as Error).message);
  }
}
