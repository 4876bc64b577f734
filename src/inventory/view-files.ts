import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:fs';
import { displayPath, type Diagnostic } from './diagnostics.js';
import type { LoadedFile, Street, ViewReference } from './model.js';

/** Reference pictures larger than this are not the small JPEGs `view record` writes. */
export const MAX_VIEW_BYTES = 5 * 1024 * 1024;

/** Why a reference picture cannot be used, or undefined when it is a readable JPEG. */
async function problemOf(path: string): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? (err as Error).message})`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'is not a regular file';
    if (info.size > MAX_VIEW_BYTES) return `is ${Math.round(info.size / 1024)} KB, larger than a reference view can be`;
    const head = Buffer.alloc(3);
    await handle.read(head, 0, 3, 0);
    return head.equals(Buffer.from([0xff, 0xd8, 0xff])) ? undefined : 'is not a JPEG';
  } finally {
    await handle.close();
  }
}

/** Every reference view a street names, with the JSON pointer of its file field and the point it belongs to. */
export function viewReferencesOf(street: Street): { pointId: string; preset: string | undefined; view: ViewReference; pointer: string }[] {
  const out: { pointId: string; preset: string | undefined; view: ViewReference; pointer: string }[] = [];
  for (const [i, p] of street.points.entries()) {
    for (const [j, view] of (p.views ?? []).entries())
      out.push({ pointId: p.id, preset: undefined, view, pointer: `/points/${i}/views/${j}/file` });
    for (const [k, preset] of (p.ptz?.presets ?? []).entries()) {
      for (const [j, view] of (preset.views ?? []).entries()) {
        out.push({ pointId: p.id, preset: preset.name, view, pointer: `/points/${i}/ptz/presets/${k}/views/${j}/file` });
      }
    }
  }
  return out;
}

/** Checks that every reference view names a readable JPEG in the site folder, each problem at its file:line. */
export async function viewFileRules(siteDir: string, streets: LoadedFile<Street>[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of streets) {
    for (const ref of viewReferencesOf(file.doc)) {
      const problem = await problemOf(join(siteDir, ref.view.file));
      if (!problem) continue;
      const position = file.positions.valueAt(ref.pointer) ?? { line: 1, column: 1 };
      const retake = `camfleet view record --point ${ref.pointId}${ref.preset ? ` --preset ${ref.preset}` : ''}${ref.view.light === 'night' ? ' --night' : ''}`;
      out.push({
        severity: 'error',
        file: displayPath(file.path),
        ...position,
        pointer: ref.pointer,
        message: `reference view ${ref.view.file} ${problem}`,
        hint: `restore it from git, or take it again with '${retake}'`,
        rule: 'view-file',
      });
    }
  }
  return out;
}
