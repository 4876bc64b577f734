import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveySession } from '../../src/survey/model.js';
import { loadSession, saveSession, sessionPath } from '../../src/survey/session-file.js';

// An interrupted survey's answers are kept in a session file; one camfleet cannot read is reported and moved
// aside, never discarded or overwritten by the next survey.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'camfleet-session-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const now = new Date('2026-12-05T08:00:00Z');
const write = async (text: string) => {
  await mkdir(join(dir, 'survey'), { recursive: true });
  await writeFile(sessionPath(dir), text);
};

describe('the survey session file', () => {
  it('none: there is no session', async () => {
    expect(await loadSession(dir, now)).toEqual({ kind: 'none' });
  });

  it('a saved session comes back as it was', async () => {
    const session: SurveySession = { formatVersion: 1, inventory: dir, startedAt: now.toISOString(), decisions: [] };
    await saveSession(session);
    expect(await loadSession(dir, now)).toEqual({ kind: 'session', session });
  });

  it.each([
    ['cut short', '{"formatVersion":1,"inventory":', /is not valid JSON/],
    ['another format', '{"formatVersion":7,"decisions":[]}', /is not a survey session camfleet knows/],
    ['another inventory', '{"formatVersion":1,"inventory":"/elsewhere","decisions":[]}', /belongs to another inventory \(\/elsewhere\)/],
  ])('%s: reported and moved aside with its content, the place left free', async (_, text, reason) => {
    await write(text);
    const found = await loadSession(dir, now);
    expect(found.kind).toBe('unreadable');
    if (found.kind !== 'unreadable') return;
    expect(found.reason).toMatch(reason);
    expect(found.movedTo).toBe(`${sessionPath(dir)}.unreadable-2026-12-05T08-00-00-000Z`);
    expect(await readFile(found.movedTo, 'utf8')).toBe(text);
    expect(await readdir(join(dir, 'survey'))).toEqual(['.session.json.unreadable-2026-12-05T08-00-00-000Z']);
    expect(await loadSession(dir, now)).toEqual({ kind: 'none' });
  });
});
