import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimCameraInfo } from '../../src/sim/index.js';

/** What the proxy does instead of (or to) the camera's reply to one operation. */
export type Hostility =
  | { kind: 'malformed' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'hang' }
  | { kind: 'drip'; bytesPerSecond?: number }
  | { kind: 'huge'; bytes: number }
  | { kind: 'close' }
  | { kind: 'challenge'; header: string }
  | { kind: 'rewrite'; edit: (body: string) => string };

export interface HostileCamera {
  /** The proxy's device service URL: same host as the camera, another port. */
  url: string;
  port: number;
  /** Every request the proxy saw: the SOAP operation (or the path) and its Authorization header. */
  requests: { operation: string; authorization: string | undefined }[];
  /** By operation name (or `GET /path`); `*` applies to every request without a rule of its own. */
  rules: Map<string, Hostility>;
  close(): Promise<void>;
}

/** The SOAP operation of a request body: the first element inside Body. */
export function operationOf(body: string): string {
  return /<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?([\w-]+)/.exec(body)?.[1] ?? '';
}

const readAll = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/**
 * A hostile camera: a proxy on the simulated camera's own address (another port) that forwards every
 * request, and for chosen operations answers badly instead: malformed XML, an HTTP error, no answer, a
 * reply dripped a byte at a time or of hundreds of megabytes, a closed connection, a weak challenge, or a
 * rewritten reply (NaN, foreign URIs, credentials in URIs). Addresses in forwarded replies name the proxy.
 */
export async function hostileCamera(camera: SimCameraInfo, rules: Record<string, Hostility> = {}): Promise<HostileCamera> {
  const requests: HostileCamera['requests'] = [];
  const map = new Map(Object.entries(rules));
  const sockets = new Set<import('node:net').Socket>();
  let port = 0;
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const operation =
      req.method === 'POST' ? operationOf(body.toString('utf8')) : `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    requests.push({ operation, authorization: req.headers.authorization });
    const rule = map.get(operation) ?? map.get('*');
    if (rule?.kind === 'hang') return;
    if (rule?.kind === 'close') return void req.socket.destroy();
    if (rule?.kind === 'status') return void res.writeHead(rule.status, { 'Content-Type': 'text/plain' }).end(rule.body ?? '');
    if (rule?.kind === 'challenge') return void res.writeHead(401, { 'WWW-Authenticate': rule.header }).end();
    if (rule?.kind === 'huge') {
      res.writeHead(200, { 'Content-Type': 'application/soap+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < rule.bytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (rule?.kind === 'drip') {
      // Headers and a first byte at once, then a byte at a time: the connection is never idle.
      res.writeHead(200, { 'Content-Type': 'application/soap+xml' });
      res.write('<');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 1000 / (rule.bytesPerSecond ?? 4));
      res.on('close', () => clearInterval(timer));
      return;
    }
    const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const out = request(
        {
          host: camera.address,
          port: camera.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: `${camera.address}:${camera.port}` },
        },
        resolve,
      );
      out.on('error', reject);
      out.end(body);
    });
    const raw = await readAll(upstream);
    const headers = { ...upstream.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    let bytes = raw;
    if (/soap|xml/.test(String(upstream.headers['content-type']))) {
      let reply = raw.toString('utf8').split(`${camera.address}:${camera.port}`).join(`${camera.address}:${port}`);
      // A camera on port 80 writes its URLs without the port.
      if (camera.port === 80) reply = reply.split(`//${camera.address}/`).join(`//${camera.address}:${port}/`);
      if (rule?.kind === 'rewrite') reply = rule.edit(reply);
      if (rule?.kind === 'malformed') reply = reply.slice(0, Math.floor(reply.length / 2));
      bytes = Buffer.from(reply, 'utf8');
    }
    res.writeHead(upstream.statusCode ?? 500, { ...headers, 'content-length': bytes.length }).end(bytes);
  };
  const server: Server = createServer((req, res) => {
    answer(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, camera.address, resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${camera.address}:${port}/onvif/device_service`,
    port,
    requests,
    rules: map,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A host that should never hear from camfleet: records every connection and request made to it. */
export async function foreignHost(address: string): Promise<{
  url: string;
  hits: { path: string; authorization: string | undefined }[];
  connections: () => number;
  close: () => Promise<void>;
}> {
  const hits: { path: string; authorization: string | undefined }[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    hits,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
