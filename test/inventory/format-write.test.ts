import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import { formatInventory } from '../../src/inventory/format-files.js';
import { writeInventoryFile } from '../../src/inventory/writer.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('canonical formatting', () => {
  it('orders keys as the schema does, sorts points by id, keeps x- fields, ends with a newline', () => {
    const text = formatDocument('street', {
      points: [
        { owner: 'public', 'x-note': 'mine', device: { address: '127.30.0.2' }, label: 'B', id: 'b' },
        { label: 'A', id: 'a', owner: 'household', device: { identity: { serialNumber: 'S1' }, address: '127.30.0.1' } },
      ],
      name: 'Main',
      id: 'main',
      schemaVersion: 1,
    });
    expect(text).toBe(
      `{
  "schemaVersion": 1,
  "id": "main",
  "name": "Main",
  "points": [
    {
      "id": "a",
      "label": "A",
      "owner": "household",
      "device": {
        "address": "127.30.0.1",
        "identity": {
          "serialNumber": "S1"
        }
      }
    },
    {
      "id": "b",
      "label": "B",
      "owner": "public",
      "device": {
        "address": "127.30.0.2"
      },
      "x-note": "mine"
    }
  ]
}
`,
    );
    expect(formatDocument('street', JSON.parse(text))).toBe(text);
  });

  it('the sample inventory is already canonical', async () => {
    const outcomes = await formatInventory(join(import.meta.dirname, '../../inventory'), true);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.status !== 'unchanged')).toEqual([]);
  });
});

describe('fmt and the writer', () => {
  it('fmt --check lists what differs and changes nothing; fmt rewrites, also removing a BOM', async () => {
    const messy = `\ufeff${JSON.stringify({ points: [point('b', '127.30.0.2'), point('a', '127.30.0.1')], name: 'Main', id: 'main', schemaVersion: 1 })}`;
    const site = await makeSite({ 'site.json': SITE, 'streets/main.json': messy });
    cleanups.push(site.cleanup);
    const checked = await formatInventory(site.dir, true);
    expect(checked.map((o) => [o.file.split('/').slice(-2).join('/'), o.status])).toEqual([
      [`${site.dir.split('/').at(-1)}/site.json`, 'changed'],
      ['streets/main.json', 'changed'],
    ]);
    expect(await readFile(join(site.dir, 'streets/main.json'), 'utf8')).toBe(messy);
    await formatInventory(site.dir, false);
    const written = await readFile(join(site.dir, 'streets/main.json'), 'utf8');
    expect(written.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    expect(written.indexOf('"id": "a"')).toBeLessThan(written.indexOf('"id": "b"'));
    expect((await formatInventory(site.dir, true)).every((o) => o.status === 'unchanged')).toBe(true);
  });

  it('fmt skips a file with duplicate keys rather than lose one of them', async () => {
    const site = await makeSite({
      'site.json': SITE,
      'streets/main.json': '{"schemaVersion":1,"id":"main","name":"A","name":"B","points":[]}',
    });
    cleanups.push(site.cleanup);
    const outcome = (await formatInventory(site.dir, false)).find((o) => o.file.endsWith('main.json'))!;
    expect(outcome.status).toBe('skipped');
    expect(outcome.reason).toContain("duplicate field 'name'");
  });

  it('refuses to overwrite a file that changed on disk since it was read', async () => {
    const site = await makeSite({ 'site.json': SITE });
    cleanups.push(site.cleanup);
    const path = join(site.dir, 'site.json');
    const read = await readFile(path, 'utf8');
    await writeFile(path, read.replace('Test site', 'Edited by hand'));
    await expect(writeInventoryFile(path, 'site', { ...SITE, name: 'From camfleet' }, read)).rejects.toThrow(
      /changed on disk since camfleet read it; nothing was written/,
    );
    expect(await readFile(path, 'utf8')).toContain('Edited by hand');
    const current = await readFile(path, 'utf8');
    await writeInventoryFile(path, 'site', { ...SITE, name: 'From camfleet', 'x-local': 1 }, current);
    const after = await readFile(path, 'utf8');
    expect(after).toContain('"name": "From camfleet"');
    expect(after).toContain('"x-local": 1');
  });
});
