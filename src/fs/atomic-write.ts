import { randomBytes } from 'node:crypto';
import { processAlive } from './process-alive.js';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files camfleet writes beside their target: `.NAME.camfleet-PID-RANDOM.tmp`. */
const TEMP = /^\..+\.camfleet-(\d+)-[0-9a-f]+\.tmp$/;

/** The name of a temporary file for `path`, carrying this process's id so a later run can tell it is stale. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.camfleet-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `content` to a new temporary file and syncs it to disk, with `mode` (the target's, so that a file
 * kept private stays private). Returns its path; the caller renames it into place.
 */
export async function writeTemp(path: string, content: string | Buffer, mode: number): Promise<string> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return temp;
}

/** The permission bits of an existing file, or `fallback` for a new one. */
export async function modeOf(path: string, fallback = 0o644): Promise<number> {
  return stat(path).then(
    (s) => s.mode & 0o777,
    () => fallback,
  );
}

/**
 * Writes a file so that readers see the old or the new content, never a torn one: a temporary file
 * beside it, fsync, then rename over the target (atomic on POSIX file systems). The file keeps its mode.
 */
export async function writeFileAtomic(path: string, content: string | Buffer): Promise<void> {
  const temp = await writeTemp(path, content, await modeOf(path));
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Removes temporary files in `dir` left by camfleet processes that died mid-write (kill -9, power cut). */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (!pid || (pid !== process.pid && processAlive(pid))) continue;
    if (pid === process.pid) continue;
    await unlink(join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
