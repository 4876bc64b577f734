import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../../src/fs/process-alive.js';

const LOCKS = join(tmpdir(), 'camfleet-test-addresses');
const held = new Set<string>();

process.on('exit', () => {
  for (const dir of held) rmSync(dir, { recursive: true, force: true });
});

/**
 * Reserves a loopback block 127.N.0.0/16 for one test file: a lock directory per N in the system's temp
 * folder (mkdir is atomic), so two suites, or two checkouts, on one host never simulate cameras on the same
 * addresses. A lock whose process is gone is taken over. Released when the process exits, or by `release`.
 */
export function reserveBlock(): { octet: number; address: (c: number, d: number) => string; release: () => void } {
  mkdirSync(LOCKS, { recursive: true });
  for (let octet = 150; octet <= 250; octet++) {
    const dir = join(LOCKS, `127.${octet}`);
    try {
      mkdirSync(dir);
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // Just made by another process, which has not written its pid yet: leave it, unless long dead.
        if (Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 60_000) continue;
      }
      if (owner && processAlive(owner)) continue;
      rmSync(dir, { recursive: true, force: true });
      try {
        mkdirSync(dir);
      } catch {
        continue;
      }
    }
    writeFileSync(join(dir, 'pid'), String(process.pid));
    held.add(dir);
    return {
      octet,
      address: (c, d) => `127.${octet}.${c}.${d}`,
      release: () => {
        rmSync(dir, { recursive: true, force: true });
        held.delete(dir);
      },
    };
  }
  throw new Error(`no free loopback block in 127.150-250 (locks in ${LOCKS})`);
}
