import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError, exchange } from '../../src/net/http-exchange.js';

// A stop that comes before or during an exchange rejects it as 'aborted'; the destroyed request's own
// 'error' ("socket hang up") must never escape as an unhandled event and end the process (it did in watch).
const server = createServer((_req, res) => setTimeout(() => res.end('late'), 2000));
let url: URL;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const settleAfterEvents = () => new Promise((r) => setTimeout(r, 100));

describe('exchange and its stop signal', () => {
  it('an already-aborted signal rejects at once with aborted, and nothing escapes', async () => {
    const escaped: unknown[] = [];
    const onUncaught = (e: unknown) => escaped.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const err = await exchange({ url, method: 'GET', deadlineMs: 5000, maxBytes: 1000, signal: AbortSignal.abort() }).catch((e) => e);
      expect(err).toBeInstanceOf(ExchangeError);
      expect((err as ExchangeError).failure).toBe('aborted');
      await settleAfterEvents();
      expect(escaped).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('an abort mid-answer rejects with aborted', async () => {
    const stop = new AbortController();
    const pending = exchange({ url, method: 'GET', deadlineMs: 5000, maxBytes: 1000, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    await expect(pending).rejects.toMatchObject({ failure: 'aborted' });
    await settleAfterEvents();
  });
});
