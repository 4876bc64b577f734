import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateInventory } from '../../src/inventory/validate.js';
import type { Diagnostic } from '../../src/inventory/diagnostics.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function diagnose(files: Record<string, unknown>): Promise<Diagnostic[]> {
  const site = await makeSite(files);
  cleanups.push(site.cleanup);
  const results = await validateInventory(site.dir);
  return results.flatMap((r) => r.diagnostics).map((d) => ({ ...d, file: d.file.replace(/^.*camfleet-inv-[^/]+\//, '') }));
}

const street = (points: unknown[], extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  id: 'main',
  name: 'Main street',
  points,
  ...extra,
});
const only = (list: Diagnostic[]) => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('inventory validate: bad input gets an exact, located message', () => {
  it('accepts a valid site', async () => {
    expect(await diagnose({ 'site.json': SITE, 'streets/main.json': street([point('a', '127.30.0.1')]) })).toEqual([]);
  });

  it('a trailing comma', async () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "main",\n  "name": "Main",\n  "points": [],\n}\n';
    expect(only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }))).toMatchObject({
      severity: 'error',
      file: 'streets/main.json',
      line: 5,
      column: 15,
      message: "trailing comma before '}'",
      hint: 'JSON allows no comma after the last item: remove it',
    });
  });

  it('a byte-order mark', async () => {
    expect(only(await diagnose({ 'site.json': `\ufeff${JSON.stringify(SITE)}`, 'streets/main.json': street([]) }))).toMatchObject({
      file: 'site.json',
      line: 1,
      column: 1,
      message: 'the file starts with a byte-order mark (BOM)',
    });
  });

  it('a truncated file', async () => {
    const text = JSON.stringify(street([point('a', '127.30.0.1')]), null, 2).slice(0, 120);
    const d = only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }));
    expect(d.message).toBe('the file ends before the JSON is complete (truncated?)');
    expect(d.line).toBe(text.split('\n').length);
  });

  it('duplicate keys in one object: an error, never a silent overwrite', async () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "main",\n  "name": "Main",\n  "name": "Other",\n  "points": []\n}\n';
    expect(only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }))).toMatchObject({
      line: 5,
      column: 3,
      pointer: '/name',
      message: "duplicate field 'name' in one object (first at line 4); JSON readers would silently keep only one",
    });
  });

  it('a wrong type', async () => {
    const text = JSON.stringify(street([point('a', '127.30.0.1', { facing: 'north' })]), null, 2);
    const d = only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }));
    expect(d).toMatchObject({ pointer: '/points/0/facing', message: "'facing' must be a number, not text" });
    expect(text.split('\n')[d.line - 1]).toContain('"facing": "north"');
  });

  it('an unknown field, with a suggestion', async () => {
    const text = JSON.stringify(street([{ ...point('a', '127.30.0.1'), lable: 'x' }]), null, 2);
    const d = only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }));
    expect(d).toMatchObject({
      pointer: '/points/0/lable',
      message: "unknown field 'lable'",
      hint: "did you mean 'label'? Fields of your own must start with x-",
    });
    expect(text.split('\n')[d.line - 1]).toContain('"lable"');
  });

  it('a missing required field', async () => {
    const { owner: _owner, ...withoutOwner } = point('a', '127.30.0.1');
    const d = only(await diagnose({ 'site.json': SITE, 'streets/main.json': street([withoutOwner]) }));
    expect(d).toMatchObject({ pointer: '/points/0', message: "missing required field 'owner'", hint: 'add "owner" (who owns the camera)' });
  });

  it('a duplicate point id across two files', async () => {
    const list = await diagnose({
      'site.json': SITE,
      'streets/main.json': street([point('gate', '127.30.0.1')]),
      'streets/side.json': { ...street([point('gate', '127.30.0.2')]), id: 'side' },
    });
    expect(only(list)).toMatchObject({ file: 'streets/side.json', pointer: '/points/0/id', rule: 'duplicate-id' });
    expect(list[0]!.message).toMatch(/^point id 'gate' is already used at .*streets\/main\.json:7$/);
  });

  it('a secret in a file', async () => {
    const text = JSON.stringify(street([point('a', '127.30.0.1', { device: { address: '127.30.0.1', password: 'hunter2' } })]), null, 2);
    const d = only(await diagnose({ 'site.json': SITE, 'streets/main.json': text }));
    expect(d).toMatchObject({
      rule: 'secret',
      pointer: '/points/0/device/password',
      message: "'password' looks like a secret; credentials never go in the inventory",
    });
    expect(d.hint).toContain('credentials.json');
    expect(JSON.stringify(d)).not.toContain('hunter2');
  });

  it('an unreadable file', async () => {
    const site = await makeSite({ 'site.json': SITE, 'streets/main.json': street([]) });
    cleanups.push(site.cleanup);
    await mkdir(join(site.dir, 'streets/broken.json'));
    const d = only((await validateInventory(site.dir)).flatMap((r) => r.diagnostics));
    expect(d.file).toMatch(/streets\/broken\.json$/);
    expect(d.message).toBe('cannot read the file (it is a folder)');
  });

  it('an empty directory', async () => {
    const d = only(await diagnose({}));
    expect(d.message).toBe('no site.json here or in any sub-folder');
  });

  it('credential profiles must be named in the site, preset names unique, streams possible', async () => {
    const list = await diagnose({
      'site.json': SITE,
      'streets/main.json': street([
        point('a', '127.30.0.1', {
          device: { address: '127.30.0.1', credentialProfile: 'other' },
          ptz: {
            presets: [
              { name: 'road', pan: 0, tilt: 0, zoom: 0 },
              { name: 'road', pan: 0.1, tilt: 0, zoom: 0 },
            ],
          },
          streams: [{ profile: 'MainStream', resolution: '1921x1080', bitrateKbps: { min: 4096, max: 2048 }, fps: 120 }],
        }),
      ]),
    });
    expect(list.map((d) => `${d.severity} ${d.rule} ${d.pointer}`)).toEqual([
      'error credential-profile /points/0/device/credentialProfile',
      'error duplicate-preset /points/0/ptz/presets/1/name',
      'error stream /points/0/streams/0/resolution',
      'error stream /points/0/streams/0/bitrateKbps',
      'warning stream /points/0/streams/0/fps',
    ]);
  });

  it('PTZ values outside the generic spaces and duplicate addresses', async () => {
    const list = await diagnose({
      'site.json': SITE,
      'streets/main.json': street([
        point('a', '127.30.0.1', { ptz: { presets: [{ name: 'road', pan: 1.5, tilt: 0, zoom: 0 }] } }),
        point('b', 'http://127.30.0.1/onvif/device_service'),
      ]),
    });
    expect(list.map((d) => d.message)).toEqual(["'pan' must be <= 1, not 1.5"]);
    const dup = await diagnose({
      'site.json': SITE,
      'streets/main.json': street([point('a', '127.30.0.1'), point('b', 'http://127.30.0.1/onvif/device_service')]),
    });
    expect(only(dup).rule).toBe('duplicate-address');
  });

  it('the sample inventory is valid', async () => {
    const results = await validateInventory(join(import.meta.dirname, '../../inventory'));
    expect(results.map((r) => r.dir.split('/').at(-1))).toEqual(['ea-pok', 'tan-xuan-1', 'tan-xuan-2']);
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    const points = results.map((r) => r.inventory!.streets.reduce((n, s) => n + s.doc.points.length, 0));
    expect(points).toEqual([104, 19, 12]);
  });
});
