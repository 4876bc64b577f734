import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/** Where the metrics server listens: HOST:PORT, 127.0.0.1 unless the user names another address. */
export function parseListen(text: string): { host: string; port: number } | undefined {
  const m = /^(?:\[?([^\]]+?)\]?:)?(\d{1,5})$/.exec(text.trim());
  const port = Number(m?.[2]);
  if (!m || port > 65535) return undefined;
  return { host: m[1] ?? '127.0.0.1', port };
}

/**
 * /metrics (the Prometheus text format) and /healthz (200 while the watch has checked within three
 * intervals, 503 otherwise). Resolves once listening; a taken port rejects with the listen error.
 */
export async function startMetricsServer(
  listen: { host: string; port: number },
  registry: Registry,
  healthy: () => { ok: boolean; detail: string },
): Promise<{ server: Server; address: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://watch').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (path === '/healthz') {
      const h = healthy();
      res.writeHead(h.ok ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${h.detail}\n`);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('camfleet watch: /metrics and /healthz\n');
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as { address: string; port: number };
  return {
    server,
    address: `${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
