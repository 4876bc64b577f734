import { open, readFile, stat, unlink } from 'node:fs/promises';
import { processAlive } from './process-alive.js';
import { join } from 'node:path';

const LOCK = '.camfleet.lock';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Another camfleet process holds the folder's lock for longer than we wait. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
}

/** Removes the folder's lock when its owner is gone (a camfleet killed mid-write); true when it did. */
export async function clearStaleLock(dir: string): Promise<boolean> {
  const path = join(dir, LOCK);
  const owner = Number(await readFile(path, 'utf8').catch(() => 'none'));
  if (Number.isNaN(owner) || (owner && processAlive(owner))) return false;
  return unlink(path).then(
    () => true,
    () => false,
  );
}

/**
 * An exclusive lock on a folder for the length of a write: `.camfleet.lock` created with O_EXCL, holding
 * the owner's pid. A lock whose owner died (kill -9) is taken over; a live one is waited for.
 */
export async function withDirLock<T>(dir: string, work: () => Promise<T>, waitMs = 10_000): Promise<T> {
  const path = join(dir, LOCK);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o644);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(await readFile(path, 'utf8').catch(() => ''));
      // A lock without a pid is being created; one that stays so for long was left by a crash at that moment.
      const orphan = !owner && Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0) > 5000;
      if ((owner && !processAlive(owner)) || orphan) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new LockBusyError(`${dir} is being written by another camfleet process (pid ${owner || '?'})`);
      await sleep(20 + Math.random() * 30);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
