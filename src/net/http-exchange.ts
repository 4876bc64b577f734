import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { agentFor, certificateProblem, type TlsTrust } from './tls-trust.js';

/** Why an exchange ended without a usable answer. */
export type ExchangeFailure = 'timeout' | 'too-large' | 'network' | 'tls' | 'aborted';

/** A failed HTTP exchange; `code` is the socket error code when there was one (ECONNREFUSED, ECONNRESET…). */
export class ExchangeError extends Error {
  override name = 'ExchangeError';
  constructor(
    readonly failure: ExchangeFailure,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** One deadline for the whole exchange (connect, send, every byte of the answer); the request is destroyed at it. */
  deadlineMs: number;
  /** Answers longer than this are refused and the connection dropped. */
  maxBytes: number;
  tls?: TlsTrust;
  /** Any of these stops the exchange. Several are listened to directly, not through AbortSignal.any, whose
   * dependants a long-lived signal keeps (a watch's fleet-wide stop would gather one per request). */
  signal?: AbortSignal | (AbortSignal | undefined)[];
}

export interface ExchangeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Header names and values as sent: several WWW-Authenticate headers stay apart. */
  rawHeaders: string[];
  body: Buffer;
}

// Keep-alive per scheme: a command's parallel calls to one camera reuse a few connections. Up to 8 per
// camera: enough for a command's parallel reads, few enough for small firmware.
const plainAgent = new HttpAgent({ keepAlive: true, maxSockets: 8, keepAliveMsecs: 5000 });

/** Every value of one header, as sent (names compared case-insensitively). */
export function headerValues(response: Pick<ExchangeResponse, 'rawHeaders'>, name: string): string[] {
  const out: string[] = [];
  const wanted = name.toLowerCase();
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2)
    if (response.rawHeaders[i]!.toLowerCase() === wanted) out.push(response.rawHeaders[i + 1]!);
  return out;
}

/** Errors of a kept connection the camera had closed: the request never reached it. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * One HTTP(S) request and its whole answer, bounded in time and size: a camera that drips bytes, never
 * ends its headers or announces a huge body cannot hold a run, and leaves no socket or timer behind.
 */
export function exchange(req: ExchangeRequest): Promise<ExchangeResponse> {
  return attempt(req, performance.now() + req.deadlineMs);
}

/**
 * An exchange within the deadline. A kept connection the camera closed while it lay idle (a restart, a
 * power cut, its keep-alive timer firing as the request left) fails before any answer: the request goes
 * again on another connection, the kept ones being tried first, each failing one dropped from the pool.
 */
function attempt(req: ExchangeRequest, deadline: number): Promise<ExchangeResponse> {
  const https = req.url.protocol === 'https:';
  const agent: HttpAgent | HttpsAgent = https ? agentFor(req.tls ?? { kind: 'verify' }) : plainAgent;
  const send = https ? httpsRequest : httpRequest;
  const signals = [req.signal].flat().filter((signal): signal is AbortSignal => signal !== undefined);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: ExchangeError | undefined, response?: ExchangeResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
      if (err) {
        request.destroy();
        reject(err);
      } else resolve(response!);
    };
    const onAbort = (): void => finish(new ExchangeError('aborted', 'stopped'));
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    let answered = false;
    const request = send(req.url, { method: req.method, headers, agent }, (res) => {
      answered = true;
      const announced = Number(res.headers['content-length']);
      if (Number.isFinite(announced) && announced > req.maxBytes) {
        finish(new ExchangeError('too-large', `the answer announces ${announced} bytes, more than the ${req.maxBytes} accepted`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBytes) finish(new ExchangeError('too-large', `the answer is longer than the ${req.maxBytes} bytes accepted`));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
      res.on('error', (err: NodeJS.ErrnoException) => finish(new ExchangeError('network', err.message, err.code)));
      res.on('aborted', () => finish(new ExchangeError('network', 'the camera closed the connection mid-answer', 'ECONNRESET')));
    });
    // Listened to before anything can destroy the request: a destroyed request emits 'error' ("socket hang
    // up"), and one without a listener would end the process.
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (!settled && !answered && request.reusedSocket && STALE_CONNECTION.has(err.code ?? '') && performance.now() < deadline) {
        settled = true;
        clearTimeout(timer);
        for (const signal of signals) signal.removeEventListener('abort', onAbort);
        resolve(attempt(req, deadline));
        return;
      }
      const tlsCode = err.code?.startsWith('ERR_TLS') || /certificate|self[- ]signed|SSL/i.test(err.message);
      finish(new ExchangeError(tlsCode ? 'tls' : 'network', err.message, err.code));
    });
    const timer = setTimeout(
      () => finish(new ExchangeError('timeout', `no complete answer within ${req.deadlineMs} ms`)),
      Math.max(1, deadline - performance.now()),
    );
    if (signals.some((signal) => signal.aborted)) return onAbort();
    for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true });
    if (https) {
      // A pinned or self-signed certificate is checked here, on every socket (new or reused), before anything is sent.
      request.on('socket', (socket) => {
        const tls = socket as TLSSocket;
        const check = (): void => {
          const problem = certificateProblem(tls, req.tls ?? { kind: 'verify' });
          if (problem) finish(new ExchangeError('tls', problem));
        };
        if (tls.connecting || !tls.encrypted || tls.getPeerCertificate === undefined) tls.once('secureConnect', check);
        else check();
      });
    }
    request.end(req.body);
  });
}
