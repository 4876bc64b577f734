import { readRegularFile } from '../fs/read-regular.js';
import { join } from 'node:path';
import { formatDocument } from './canonical.js';
import { displayPath } from './diagnostics.js';
import { parseJsonSource } from './json-source.js';
import { findSiteDirs, SITE_FILE, STREETS_DIR } from './validate.js';
import { readdir } from 'node:fs/promises';
import { writeInventoryFile } from './writer.js';

export interface FormatOutcome {
  file: string;
  /** unchanged: already canonical; changed: differs (written unless checking); skipped: not valid JSON. */
  status: 'unchanged' | 'changed' | 'skipped';
  reason?: string;
}

async function filesOf(dir: string): Promise<{ path: string; kind: 'site' | 'street' }[]> {
  const out: { path: string; kind: 'site' | 'street' }[] = [];
  for (const site of await findSiteDirs(dir)) {
    out.push({ path: join(site, SITE_FILE), kind: 'site' });
    const names = await readdir(join(site, STREETS_DIR)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort())
      out.push({ path: join(site, STREETS_DIR, name), kind: 'street' });
  }
  return out;
}

/**
 * Brings every inventory file under `dir` to canonical form (or, with `check`, only says which differ).
 * A file that is not valid JSON, or has duplicate keys, is skipped: formatting it could lose data.
 */
export async function formatInventory(dir: string, check: boolean): Promise<FormatOutcome[]> {
  const outcomes: FormatOutcome[] = [];
  for (const { path, kind } of await filesOf(dir)) {
    const file = displayPath(path);
    const text = await readRegularFile(path).catch(() => undefined);
    if (text === undefined) {
      outcomes.push({ file, status: 'skipped', reason: 'cannot read the file (or it is not a regular file)' });
      continue;
    }
    // A byte-order mark is the one problem fmt mends: it changes no data.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parsed = parseJsonSource(body);
    const problem = parsed.problems[0];
    if (!parsed.ok || problem) {
      outcomes.push({
        file,
        status: 'skipped',
        reason: problem ? `${problem.line}:${problem.column}: ${problem.message}` : 'not valid JSON',
      });
      continue;
    }
    const value = parsed.source.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      outcomes.push({ file, status: 'skipped', reason: 'the file holds no JSON object' });
      continue;
    }
    const canonical = formatDocument(kind, value);
    if (canonical === text) {
      outcomes.push({ file, status: 'unchanged' });
      continue;
    }
    if (!check) await writeInventoryFile(path, kind, parsed.source.value, text);
    outcomes.push({ file, status: 'changed' });
  }
  return outcomes;
}
