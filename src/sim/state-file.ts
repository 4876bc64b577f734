import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { CameraState } from './model.js';

interface StateFile {
  formatVersion: 1;
  cameras: Record<string, CameraState>;
}

/** Reads a fleet state file; a missing file is an empty state, a corrupt one an error that says so. */
export async function loadFleetState(path: string): Promise<Record<string, CameraState>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as StateFile;
    if (parsed.formatVersion !== 1 || typeof parsed.cameras !== 'object') throw new Error('unknown format');
    return parsed.cameras;
  } catch (err) {
    throw new Error(`simulator state file ${path} is not readable (${(err as Error).message}); move it away to start fresh`);
  }
}

export async function saveFleetState(path: string, cameras: Record<string, CameraState>): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(cameras).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(path, `${JSON.stringify({ formatVersion: 1, cameras: sorted }, null, 2)}\n`);
}
