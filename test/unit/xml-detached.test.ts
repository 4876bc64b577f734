import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse.js';

// The collector, reachable at run time: memory is only comparable after a full collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const DOCUMENTS = 100;
const PADDING = 200_000;

/** A reply as cameras send them: one short value worth keeping, and much else. */
const reply = (i: number): string =>
  `<r xmlns="urn:t"><Keep attr="http://127.0.0.1/${i}/snapshot.jpg">http://127.0.0.1/onvif/media_${i}</Keep><Pad>${'x'.repeat(PADDING)}</Pad></r>`;

describe('values parsed from XML', () => {
  it('do not keep the document they come from alive (a watch keeps addresses for days)', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const root = parseXml(reply(i));
      const keep = root.children[0]!;
      kept.push(keep.text, keep.attrs.attr!, keep.ns);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    expect(kept[0]).toBe('http://127.0.0.1/onvif/media_0');
    expect(kept[1]).toBe('http://127.0.0.1/0/snapshot.jpg');
    // A hundred documents of 200 kB are 20 MB; the values themselves a few kB.
    expect(retained).toBeLessThan(2_000_000);
  });
});
