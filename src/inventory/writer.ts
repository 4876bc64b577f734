import { readFile, realpath, rename, unlink } from 'node:fs/promises';
import { processAlive } from '../fs/process-alive.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { modeOf, removeStaleTemps, writeFileAtomic, writeTemp } from '../fs/atomic-write.js';
import { clearStaleLock, LockBusyError, withDirLock } from '../fs/dir-lock.js';
import { UserError } from '../errors.js';
import { formatDocument } from './canonical.js';
import { displayPath } from './diagnostics.js';

/** One inventory file to write: the document, and the text it was read as (undefined for a new file). */
export interface FileWrite {
  path: string;
  kind: 'site' | 'street';
  doc: unknown;
  before: string | undefined;
}

const JOURNAL = '.camfleet-journal';

/** The site folder a file belongs to: the folder of site.json, or the parent of its streets/ folder. */
const siteDirOf = (path: string): string => (basename(path) === 'site.json' ? dirname(path) : dirname(dirname(path)));

function commonDir(paths: string[]): string {
  const parts = paths.map((p) => dirname(resolve(p)).split(sep));
  const first = parts[0]!;
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/** A symbolic link is followed on purpose: its target is written, and the link stays a link. */
async function targetOf(path: string): Promise<string> {
  return realpath(path).catch(async () => join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path)));
}

async function current(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
}

async function withLocks<T>(dirs: string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = dirs;
  if (!first) return work();
  return withDirLock(first, () => withLocks(rest, work));
}

/**
 * Writes inventory files the way every camfleet command does: canonical text, all or nothing, and only
 * if nobody changed any of them since camfleet read them. Each site folder is locked for the write (so
 * two camfleet commands cannot lose each other's update); every new text goes to a synced temporary file
 * with the target's mode; a journal names the renames before the first one, so a run killed half-way is
 * completed by the next one (`recoverInventoryWrites`). Returns the files that changed.
 */
export async function writeInventoryFiles(writes: FileWrite[]): Promise<string[]> {
  const targets = await Promise.all(writes.map(async (w) => ({ ...w, target: await targetOf(w.path) })));
  const locks = [...new Set(targets.map((t) => siteDirOf(t.target)))].sort();
  try {
    return await withLocks(locks, async () => {
      const stale: string[] = [];
      for (const t of targets)
        if ((await current(t.target)) !== t.before)
          stale.push(`${displayPath(t.path)} ${t.before === undefined ? 'already exists' : 'changed on disk since camfleet read it'}`);
      if (stale.length) {
        throw new UserError(`${stale.join('; ')}; nothing was written`, { hint: 'run the command again to work from the current files' });
      }
      const changed = targets.map((t) => ({ ...t, text: formatDocument(t.kind, t.doc) })).filter((t) => t.text !== t.before);
      if (changed.length === 0) return [];
      const renames: [string, string][] = [];
      try {
        for (const t of changed) renames.push([await writeTemp(t.target, t.text, await modeOf(t.target)), t.target]);
      } catch (err) {
        await Promise.all(renames.map(([temp]) => unlink(temp).catch(() => undefined)));
        throw err;
      }
      const journal = join(commonDir(changed.map((t) => join(siteDirOf(t.target), 'x'))), JOURNAL);
      if (renames.length > 1) await writeFileAtomic(journal, JSON.stringify({ pid: process.pid, renames }));
      for (const [temp, target] of renames) await rename(temp, target);
      if (renames.length > 1) await unlink(journal);
      return changed.map((t) => t.path);
    });
  } catch (err) {
    if (err instanceof LockBusyError)
      throw new UserError(`${err.message}; nothing was written`, { hint: 'wait for it to finish, then run again' });
    throw err;
  }
}

/** One file: see writeInventoryFiles. Returns whether it changed. */
export async function writeInventoryFile(
  path: string,
  kind: 'site' | 'street',
  doc: unknown,
  readText: string | undefined,
): Promise<boolean> {
  return (await writeInventoryFiles([{ path, kind, doc, before: readText }])).length > 0;
}

/**
 * Finishes what a killed camfleet left: a journal whose writer is gone is rolled forward (every file it
 * names was synced before the journal was written), and stale temporary files are removed. Looks in the
 * site or inventory folder and its parent (where a write across sites keeps its journal).
 */
export async function recoverInventoryWrites(dir: string): Promise<string[]> {
  const notes: string[] = [];
  const root = resolve(dir);
  for (const folder of [root, dirname(root)]) {
    const path = join(folder, JOURNAL);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let journal: { pid: number; renames: [string, string][] };
    try {
      journal = JSON.parse(text);
    } catch {
      continue;
    }
    if (journal.pid !== process.pid && processAlive(journal.pid)) continue;
    await withDirLock(folder, async () => {
      for (const [temp, target] of journal.renames) await rename(temp, target).catch(() => undefined);
      await unlink(path).catch(() => undefined);
    });
    notes.push(
      `completed an interrupted write of ${journal.renames.map(([, t]) => displayPath(relative(process.cwd(), t) || t)).join(', ')}`,
    );
  }
  for (const folder of [root, dirname(root)]) await clearStaleLock(folder);
  for (const folder of [root, join(root, 'streets')]) {
    const removed = await removeStaleTemps(folder);
    if (removed.length) notes.push(`removed ${removed.length} temporary file(s) left by an interrupted write in ${displayPath(folder)}`);
  }
  return notes;
}
