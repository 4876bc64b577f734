import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { SurveySession } from './model.js';

/** Where a survey in progress is kept: beside the inventory, next to the survey's snapshots. */
export const sessionPath = (inventoryDir: string): string => join(resolve(inventoryDir), 'survey', '.session.json');

/** What was found where an interrupted survey is kept. */
export type StoredSession =
  | { kind: 'none' }
  | { kind: 'session'; session: SurveySession }
  /** A file that is not a session of this inventory: kept, under `movedTo`, never overwritten. */
  | { kind: 'unreadable'; reason: string; movedTo: string };

/**
 * The interrupted survey of this inventory, if there is one. A file that cannot be read as one (cut short,
 * edited by hand, from another version or another inventory) is moved aside beside it, so the answers in it
 * are not lost when the new survey saves its own.
 */
export async function loadSession(inventoryDir: string, now: Date = new Date()): Promise<StoredSession> {
  const path = sessionPath(inventoryDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return moveAside(path, `cannot be read (${(err as Error).message})`, now);
  }
  let session: SurveySession;
  try {
    session = JSON.parse(text) as SurveySession;
  } catch (err) {
    return moveAside(path, `is not valid JSON (${(err as Error).message})`, now);
  }
  if (session?.formatVersion !== 1 || !Array.isArray(session.decisions))
    return moveAside(path, 'is not a survey session camfleet knows', now);
  if (session.inventory !== resolve(inventoryDir))
    return moveAside(path, `belongs to another inventory (${String(session.inventory)})`, now);
  return { kind: 'session', session };
}

async function moveAside(path: string, reason: string, now: Date): Promise<StoredSession> {
  const movedTo = `${path}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, movedTo);
  return { kind: 'unreadable', reason, movedTo };
}

/** Saved after every answer, atomically, so an interruption at any moment keeps what was said. */
export async function saveSession(session: SurveySession): Promise<void> {
  await mkdir(dirname(sessionPath(session.inventory)), { recursive: true });
  await writeFileAtomic(sessionPath(session.inventory), `${JSON.stringify(session, null, 2)}\n`);
}

export async function removeSession(inventoryDir: string): Promise<void> {
  await rm(sessionPath(inventoryDir), { force: true });
}
