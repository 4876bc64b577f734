import { connect } from 'node:net';

export interface TcpCheck {
  ok: boolean;
  ms: number | null;
  /** refused, timeout, unreachable, … */
  error: string | null;
}

/** Opens and closes a TCP connection: does anything listen there? */
export function tcpCheck(host: string, port: number, timeoutMs: number): Promise<TcpCheck> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: TcpCheck): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, ms: null, error: 'timeout' }));
    socket.once('connect', () => done({ ok: true, ms: Math.round(performance.now() - started), error: null }));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      done({ ok: false, ms: null, error: err.code === 'ECONNREFUSED' ? 'refused' : (err.code ?? err.message) }),
    );
  });
}
