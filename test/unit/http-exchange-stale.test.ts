import { once } from 'node:events';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../src/net/http-exchange.js';

// A camera closes an idle kept connection (its keep-alive timer, a restart, a power cut) just as the next
// request leaves on it: that request never reached the camera and goes again on another connection. A
// connection that was new when it failed is not tried again: the camera may have read the request.
const server = createServer((_req, res) => res.end('answer'));
let connections = 0;
server.on('connection', () => connections++);
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

const get = (at: URL) => exchange({ url: at, method: 'POST', body: '<x/>', deadlineMs: 3000, maxBytes: 1000 });

describe('a kept connection the camera closed while idle', () => {
  it('the request goes again on a new connection and gets its answer', async () => {
    expect((await get(url)).body.toString()).toBe('answer');
    connections = 0;
    for (let round = 0; round < 5; round++) {
      // Closed by the camera in the same tick the next request leaves on it.
      server.closeIdleConnections();
      const reply = await get(url);
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toBe('answer');
    }
    expect(connections).toBe(5);
  });

  it('a new connection reset before an answer is an error, sent once', async () => {
    let accepted = 0;
    const resetting = createTcpServer((socket) => {
      accepted++;
      socket.once('data', () => socket.resetAndDestroy());
    });
    resetting.listen(0, '127.0.0.1');
    await once(resetting, 'listening');
    try {
      const at = new URL(`http://127.0.0.1:${(resetting.address() as { port: number }).port}/`);
      await expect(get(at)).rejects.toMatchObject({ failure: 'network' });
      expect(accepted).toBe(1);
    } finally {
      resetting.close();
    }
  });
});
