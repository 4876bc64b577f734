import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { SurveySession } from './model.js';

/** Where a survey in progress is kept: beside the inventory, next to the survey's snapshots. */
export const sessionPath = (inventoryDir: string): string => join(resolve(inventoryDir), 'survey', '.session.json');

/** The interrupted survey of this inventory, if there is one (an unreadable file counts as none). */
export async function loadSession(inventoryDir: string): Promise<SurveySession | undefined> {
  try {
    const session = JSON.parse(await readFile(sessionPath(inventoryDir), 'utf8')) as SurveySession;
    return session.formatVersion === 1 && session.inventory === resolve(inventoryDir) && Array.isArray(session.decisions)
      ? session
      : undefined;
  } catch {
    return undefined;
  }
}

/** Saved after every answer, atomically, so an interruption at any moment keeps what was said. */
export async function saveSession(session: SurveySession): Promise<void> {
  await mkdir(dirname(sessionPath(session.inventory)), { recursive: true });
  await writeFileAtomic(sessionPath(session.inventory), `${JSON.stringify(session, null, 2)}\n`);
}

export async function removeSession(inventoryDir: string): Promise<void> {
  await rm(sessionPath(inventoryDir), { force: true });
}
