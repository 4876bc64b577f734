import { readdir, stat } from 'node:fs/promises';
import { NotRegularFileError, readRegularFile } from '../fs/read-regular.js';
import { join } from 'node:path';
import { crossFileRules } from './cross-rules.js';
import { displayPath, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { parseJsonSource } from './json-source.js';
import type { LoadedFile, Site, SiteInventory, Street } from './model.js';
import { explainSchemaError } from './schema-messages.js';
import { validatorFor } from './schemas.js';
import { findSecrets, SECRET_HINT } from './secrets.js';
import { viewFileRules } from './view-files.js';
import { recoverInventoryWrites } from './writer.js';

export const SITE_FILE = 'site.json';
export const STREETS_DIR = 'streets';

export interface SiteValidation {
  dir: string;
  diagnostics: Diagnostic[];
  /** Present when there is no error: a site every other command may rely on. */
  inventory: SiteInventory | undefined;
}

function fileDiagnostic(path: string, message: string, hint: string, rule: string): Diagnostic {
  return { severity: 'error', file: displayPath(path), line: 1, column: 1, pointer: '', message, hint, rule };
}

function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
}

/** Reads, parses and schema-checks one file. Returns the loaded file when it could be parsed. */
async function checkFile<T>(path: string, kind: 'site' | 'street', out: Diagnostic[]): Promise<{ file?: LoadedFile<T>; valid: boolean }> {
  let text: string;
  try {
    text = await readRegularFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what =
      err instanceof NotRegularFileError
        ? err.kind === 'folder'
          ? 'it is a folder'
          : 'it is not a regular file but a FIFO, socket or device'
        : (code ?? (err as Error).message);
    out.push(
      fileDiagnostic(
        path,
        `cannot read the file (${what})`,
        code === 'EACCES' ? 'let your user read it: chmod a+r' : 'check that it exists and is a plain file',
        'read',
      ),
    );
    return { valid: false };
  }
  const parsed = parseJsonSource(text);
  const shown = displayPath(path);
  for (const p of parsed.problems)
    out.push({
      severity: 'error',
      file: shown,
      line: p.line,
      column: p.column,
      pointer: p.pointer,
      message: p.message,
      hint: p.hint,
      rule: 'json',
    });
  if (!parsed.ok) return { valid: false };
  const file: LoadedFile<T> = { path, text, doc: parsed.source.value as T, positions: parsed.source };
  const secrets = findSecrets(file.doc);
  const secretPointers = new Set(secrets.map((s) => s.pointer));
  for (const s of secrets) {
    const position = parsed.source.keyAt(s.pointer) ?? { line: 1, column: 1 };
    out.push({
      severity: 'error',
      file: shown,
      ...position,
      pointer: s.pointer,
      message: `'${s.field}' looks like a secret; credentials never go in the inventory`,
      hint: SECRET_HINT,
      rule: 'secret',
    });
  }
  const validate = validatorFor(kind);
  const ok = validate(file.doc) as boolean;
  for (const error of ok ? [] : (validate.errors ?? [])) {
    const explained = explainSchemaError(error, (pointer) => valueAt(file.doc, pointer));
    // A secret-looking field is reported once, as a secret, not also as an unknown field.
    if (secretPointers.has(explained.pointer)) continue;
    const position = (explained.atKey ? parsed.source.keyAt(explained.pointer) : undefined) ??
      parsed.source.valueAt(explained.pointer) ?? { line: 1, column: 1 };
    out.push({
      severity: 'error',
      file: shown,
      ...position,
      pointer: explained.pointer,
      message: explained.message,
      hint: explained.hint,
      rule: 'schema',
    });
  }
  return { file, valid: ok && secrets.length === 0 && parsed.problems.length === 0 };
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The site folders under `dir`: `dir` itself when it holds site.json, else its sub-folders that do. */
export async function findSiteDirs(dir: string): Promise<string[]> {
  if (
    await stat(join(dir, SITE_FILE)).then(
      () => true,
      () => false,
    )
  )
    return [dir];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const sites: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (
      await stat(join(dir, entry.name, SITE_FILE)).then(
        () => true,
        () => false,
      )
    )
      sites.push(join(dir, entry.name));
  }
  return sites;
}

/** Validates one site folder: every file, then the rules across files. */
export async function validateSite(dir: string): Promise<SiteValidation> {
  const out: Diagnostic[] = [];
  const site = await checkFile<Site>(join(dir, SITE_FILE), 'site', out);
  const streetsDir = join(dir, STREETS_DIR);
  let names: string[] = [];
  if (await isDirectory(streetsDir)) {
    names = (await readdir(streetsDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } else {
    out.push({
      ...fileDiagnostic(
        join(dir, SITE_FILE),
        `no ${STREETS_DIR}/ folder beside site.json`,
        `create ${displayPath(streetsDir)}/ with one JSON file per street`,
        'layout',
      ),
      severity: 'warning',
    });
  }
  const streets: { file?: LoadedFile<Street>; valid: boolean }[] = [];
  for (const name of names) streets.push(await checkFile<Street>(join(streetsDir, name), 'street', out));
  const validStreets = streets.filter((s) => s.valid && s.file).map((s) => s.file!);
  if (site.valid && site.file) out.push(...crossFileRules(site.file, validStreets));
  out.push(...(await viewFileRules(dir, validStreets)));
  const diagnostics = sortDiagnostics(out);
  const complete = site.valid && streets.every((s) => s.valid);
  return {
    dir,
    diagnostics,
    inventory: complete && !hasErrors(diagnostics) && site.file ? { dir, site: site.file, streets: validStreets } : undefined,
  };
}

/** Validates every site under `dir` (one, or a folder of sites). An empty folder is itself an error. */
export async function validateInventory(dir: string): Promise<SiteValidation[]> {
  if (!(await isDirectory(dir))) {
    return [
      {
        dir,
        inventory: undefined,
        diagnostics: [
          fileDiagnostic(dir, 'no such folder', 'pass the folder that holds site.json (or a folder of such site folders)', 'layout'),
        ],
      },
    ];
  }
  const sites = await findSiteDirs(dir);
  if (sites.length === 0) {
    return [
      {
        dir,
        inventory: undefined,
        diagnostics: [
          fileDiagnostic(
            dir,
            `no ${SITE_FILE} here or in any sub-folder`,
            `a site folder holds ${SITE_FILE} and ${STREETS_DIR}/*.json; pass it, e.g. camfleet inventory validate inventory/tan-xuan-2`,
            'layout',
          ),
        ],
      },
    ];
  }
  const results: SiteValidation[] = [];
  for (const site of sites) {
    // A camfleet killed mid-write left a journal or temporary files: finish or clean that first, and say so.
    const recovered = await recoverInventoryWrites(site);
    const validation = await validateSite(site);
    validation.diagnostics.unshift(
      ...recovered.map((note) => ({
        ...fileDiagnostic(site, note, 'review it with git diff', 'interrupted-write'),
        severity: 'warning' as const,
      })),
    );
    results.push(validation);
  }
  return results;
}
