// A writer process for the kill and concurrency tests (plain node, the built dist).
// kill mode:   node writer-child.mjs kill SITE_DIR           writes A/B versions of every street file, forever
// add mode:    node writer-child.mjs add FILE PREFIX COUNT   read-modify-write adds x-PREFIX-i keys, retrying conflicts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { writeInventoryFile, writeInventoryFiles } from '../../dist/inventory/writer.js';

const [mode, target, prefix, count] = process.argv.slice(2);
if (mode === 'kill') {
  const files = readdirSync(join(target, 'streets')).map((f) => join(target, 'streets', f));
  for (let round = 0; ; round++) {
    const writes = [];
    for (const path of files) {
      const before = await readFile(path, 'utf8');
      const doc = JSON.parse(before);
      doc['x-round'] = round % 2 === 0 ? 'A' : 'B';
      writes.push({ path, kind: 'street', doc, before });
    }
    await writeInventoryFiles(writes);
    process.stdout.write('.');
  }
} else if (mode === 'add') {
  for (let i = 0; i < Number(count); i++) {
    for (;;) {
      const before = await readFile(target, 'utf8');
      const doc = JSON.parse(before);
      doc[`x-${prefix}-${i}`] = i;
      try {
        await writeInventoryFile(target, 'street', doc, before);
        break;
      } catch (err) {
        if (!/changed on disk|being written/.test(err.message)) throw err;
      }
    }
  }
}
