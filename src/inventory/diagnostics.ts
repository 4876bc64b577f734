import { relative } from 'node:path';

export type Severity = 'error' | 'warning';

/** One problem found in the inventory, located so an editor can jump to it. */
export interface Diagnostic {
  severity: Severity;
  /** Path of the file, relative to the working directory when inside it. */
  file: string;
  line: number;
  column: number;
  /** JSON pointer of the value concerned ('' for the whole file). */
  pointer: string;
  message: string;
  /** What to do about it. */
  hint: string;
  /** Which check found it: json, schema, secret, duplicate-id, … */
  rule: string;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Sorted by file, line, column: the order a compiler prints them in. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

export const hasErrors = (list: Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
