import { createServer, type Server, type Socket } from 'node:net';
import type { DigestAuthority } from './auth/digest-authority.js';

/** What the RTSP server needs from its camera. */
export interface RtspCamera {
  /** The SDP for a stream path such as `/stream/Profile_1`, or undefined for an unknown path. */
  describe(path: string): string | undefined;
  credentials(): { username: string; password: string };
  latencyMs(): number;
  /** False while the camera's RTSP service is down (a fault): connections are then dropped. */
  rtspUp(): boolean;
}

interface RtspRequest {
  method: string;
  uri: string;
  headers: Record<string, string>;
}

function parseRequest(head: string): RtspRequest | undefined {
  const [requestLine, ...headerLines] = head.split('\r\n');
  const match = /^([A-Z_]+) (\S+) RTSP\/1\.0$/.exec(requestLine ?? '');
  if (!match) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method: match[1]!, uri: match[2]!, headers };
}

function response(status: string, cseq: string | undefined, headers: Record<string, string | string[]>, body = ''): string {
  const lines = [`RTSP/1.0 ${status}`, `CSeq: ${cseq ?? '0'}`, 'Server: camfleet-sim'];
  for (const [name, value] of Object.entries(headers)) for (const v of [value].flat()) lines.push(`${name}: ${v}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * An RTSP server that answers OPTIONS and DESCRIBE (with Digest auth) like a camera; no media flows,
 * so SETUP is refused. Enough for a client to check that the stream answers and what it carries.
 */
export function createRtspServer(camera: RtspCamera, digest: DigestAuthority): Server {
  const server = createServer((socket: Socket) => {
    if (!camera.rtspUp()) {
      socket.destroy();
      return;
    }
    let buffer = '';
    socket.setEncoding('latin1');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 64 * 1024) {
        socket.destroy();
        return;
      }
      let end: number;
      while ((end = buffer.indexOf('\r\n\r\n')) !== -1) {
        const head = buffer.slice(0, end);
        buffer = buffer.slice(end + 4);
        const reply = answer(head);
        setTimeout(() => socket.writable && socket.write(reply, 'latin1'), camera.latencyMs());
      }
    });
  });

  function answer(head: string): string {
    const req = parseRequest(head);
    if (!req) return response('400 Bad Request', undefined, {});
    const cseq = req.headers.cseq;
    // No media flows from a simulated camera: it offers OPTIONS and DESCRIBE, and answers anything else
    // (SETUP, PLAY, …) with 501, the conventional answer for a method a server does not implement.
    if (req.method === 'OPTIONS') return response('200 OK', cseq, { Public: 'OPTIONS, DESCRIBE' });
    if (req.method !== 'DESCRIBE') return response('501 Not Implemented', cseq, {});
    const { username, password } = camera.credentials();
    const check = digest.verify(req.headers.authorization, 'DESCRIBE', req.uri, username, password);
    if (check !== 'ok') return response('401 Unauthorized', cseq, { 'WWW-Authenticate': digest.challenges(check === 'stale') });
    let path: string;
    try {
      path = new URL(req.uri).pathname;
    } catch {
      return response('400 Bad Request', cseq, {});
    }
    const sdp = camera.describe(path);
    if (!sdp) return response('404 Stream Not Found', cseq, {});
    return response('200 OK', cseq, { 'Content-Base': `${req.uri}/`, 'Content-Type': 'application/sdp' }, sdp);
  }

  return server;
}
