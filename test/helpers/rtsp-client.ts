import { connect } from 'node:net';

export interface RtspReply {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

/** One RTSP request over a fresh TCP connection, written for the tests. */
export function rtspRequest(url: string, method: string, headers: Record<string, string> = {}, timeoutMs = 3000): Promise<RtspReply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 554) });
    let data = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('connect', () => {
      const lines = [`${method} ${url} RTSP/1.0`, 'CSeq: 1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine, ...headerLines] = data.slice(0, end).split('\r\n');
      const parsed: Record<string, string[]> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        (parsed[line.slice(0, i).toLowerCase()] ??= []).push(line.slice(i + 1).trim());
      }
      const length = Number(parsed['content-length']?.[0] ?? 0);
      if (data.length < end + 4 + length) return;
      socket.end();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers: parsed, body: data.slice(end + 4, end + 4 + length) });
    });
  });
}
