import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/credentials/secret.js';
import { loadInventory } from '../../src/inventory/load.js';
import { CameraMemory } from '../../src/reach/camera-memory.js';
import type { DesiredPoint } from '../../src/reconcile/desired.js';
import { observeOne } from '../../src/reconcile/observe.js';
import { referencesOf } from '../../src/reconcile/run.js';
import { selectPoints } from '../../src/reconcile/selection.js';
import type { ReferenceLoader } from '../../src/view/reference.js';
import { reserveBlock } from '../helpers/address-block.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// What the watch keeps of a camera between checks, against the simulator: the second check of a clean camera
// asks none of GetServices, GetSnapshotUri and GetStreamUri and still compares its view and describes its
// stream, and opens neither port check (a bare TCP connection, an unauthenticated DESCRIBE); a kept snapshot
// or stream address that no longer answers is asked for again in the same check; a camera in trouble is
// forgotten.
const POINT = 'tx2-ngo-8-3';
const block = reserveBlock();
const operations: string[] = [];
let env: ReconcileEnv;
let d: DesiredPoint;
let references: ReferenceLoader;
const credentials = { username: 'admin', password: new Secret('camfleet'), source: 'test' };

beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => c, {
    onRequest: (camera, body) => {
      if (camera === POINT) operations.push(/<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)/.exec(body)?.[1] ?? '?');
    },
  });
  const selection = selectPoints(env.site, await loadInventory(env.site), {});
  d = selection.points.find((p) => p.point.id === POINT)!;
  references = referencesOf(selection);
}, 60_000);
afterAll(async () => {
  await env?.stop();
  block.release();
});

// Every connection this process opens to the camera, by port (Node publishes each client socket it makes),
// and those closed without a byte sent: the bare TCP checks.
const connections = new Map<number, number>();
let silent = 0;
const countConnection = (message: unknown): void => {
  const socket = (message as { socket: Socket }).socket;
  socket.once('connect', () => {
    if (socket.remoteAddress !== env.fleet.camera(POINT).info().address) return;
    connections.set(socket.remotePort!, (connections.get(socket.remotePort!) ?? 0) + 1);
    socket.once('close', () => {
      if (socket.bytesWritten === 0) silent++;
    });
  });
};

const look = async (memory: CameraMemory) => {
  operations.length = 0;
  connections.clear();
  silent = 0;
  subscribe('net.client.socket', countConnection);
  try {
    return await observeOne(d, credentials, { timeoutMs: 5000, rtspPort: env.fleet.camera(POINT).info().rtspPort, references, memory });
  } finally {
    unsubscribe('net.client.socket', countConnection);
  }
};

describe('a camera remembered between checks', () => {
  const memory = new CameraMemory();

  it('the first check reads everything and keeps the services, the snapshot and stream addresses and their challenges', async () => {
    const o = await look(memory);
    expect(o.state).toBe('ok');
    expect(o.view).toMatchObject({ status: 'compared', verdict: 'ok' });
    expect(operations).toContain('GetServices');
    expect(operations).toContain('GetSnapshotUri');
    expect(memory.services?.length).toBeGreaterThan(3);
    expect(memory.snapshot.uri?.uri).toMatch(/snapshot/);
    expect(memory.snapshot.answerer?.ready).toBe(true);
    expect(memory.stream.uri?.uri).toMatch(/^rtsp:/);
    expect(memory.stream.answerer?.ready).toBe(true);
    // The early unauthenticated DESCRIBE and the answered one; the bare TCP check of the ONVIF port.
    expect(connections.get(env.fleet.camera(POINT).info().rtspPort)).toBe(2);
    expect(silent).toBe(1);
  });

  it('the next check asks none of them again, and sees the same', async () => {
    const o = await look(memory);
    expect(o.state).toBe('ok');
    expect(o.view).toMatchObject({ status: 'compared', verdict: 'ok' });
    expect(operations).not.toContain('GetServices');
    expect(operations).not.toContain('GetSnapshotUri');
    expect(operations).toContain('GetProfiles');
    expect(operations).not.toContain('GetStreamUri');
    expect(o.stream).toMatchObject({ ok: true, codec: 'H264' });
    // One DESCRIBE, answered with the kept challenge, and no bare TCP check.
    expect(connections.get(env.fleet.camera(POINT).info().rtspPort)).toBe(1);
    expect(silent).toBe(0);
  });

  it('a kept snapshot address that gives no picture is asked for again in the same check', async () => {
    const kept = memory.snapshot.uri!;
    memory.snapshot.uri = { ...kept, uri: kept.uri.replace(/snapshot.*$/, 'moved-away') };
    const o = await look(memory);
    expect(o.view).toMatchObject({ status: 'compared', verdict: 'ok' });
    expect(operations.filter((op) => op === 'GetSnapshotUri')).toHaveLength(1);
    expect(memory.snapshot.uri).toEqual(kept);
  });

  it('a kept stream address the server no longer knows is asked for again in the same check', async () => {
    const kept = memory.stream.uri!;
    memory.stream.uri = { ...kept, uri: kept.uri.replace(/[^/]*$/, 'moved-away') };
    const o = await look(memory);
    expect(o.stream).toMatchObject({ ok: true, codec: 'H264' });
    expect(operations.filter((op) => op === 'GetStreamUri')).toHaveLength(1);
    expect(memory.stream.uri).toEqual(kept);
  });

  it('a camera in trouble is forgotten, and read afresh when it is back', async () => {
    await env.fleet.camera(POINT).setFaults({ offline: true });
    expect((await look(memory)).state).toBe('unreachable');
    expect(memory.services).toBeUndefined();
    expect(memory.snapshot).toEqual({});
    expect(memory.stream).toEqual({});
    await env.fleet.camera(POINT).setFaults({ offline: false });
    expect((await look(memory)).state).toBe('ok');
    expect(operations).toContain('GetServices');
    expect(memory.services).toBeDefined();
  });
});
