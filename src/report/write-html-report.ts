import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { SiteInventory, ViewReference } from '../inventory/model.js';
import type { CheckReport } from '../reconcile/check-report.js';
import type { DesiredPoint } from '../reconcile/desired.js';
import type { Plan } from '../reconcile/model.js';
import { fieldReport } from './field-report.js';
import { htmlPage } from './html-page.js';
import { thumbnail } from './thumbnail.js';
const OUR_IMAGE = /^[A-Za-z0-9._-]+-(now|ref)\.jpg$/;

export interface HtmlReportInput {
  report: CheckReport;
  plan: Plan | null;
  points: DesiredPoint[];
  sites: SiteInventory[];
  checkedAt: string;
  /** The thumbnail of the snapshot each point's camera gave during the check (see thumbnailCollector). */
  thumbnails: Map<string, Promise<Buffer | null>>;
}

export interface WrittenReport {
  index: string;
  images: number;
  bytes: number;
}

/** A reference file as the card's picture: itself when it is a small JPEG, else scaled down like a snapshot. */
async function referenceThumbnail(path: string): Promise<Buffer | null> {
  const file = await readFile(path).catch(() => null);
  if (!file) return null;
  const jpeg = file[0] === 0xff && file[1] === 0xd8;
  return jpeg && file.length < 64 * 1024 ? file : thumbnail(file).catch(() => null);
}

/** The reference view a card shows: the one the check compared with, else the point's first (day first). */
function referenceOf(d: DesiredPoint, report: CheckReport['points'][number] | undefined): ViewReference | undefined {
  const all = [...(d.point.views ?? []), ...(d.point.ptz?.presets ?? []).flatMap((p) => p.views ?? [])];
  const compared = report?.view?.status === 'compared' ? report.view.reference : undefined;
  return all.find((v) => v.file === compared) ?? all.find((v) => v.light === 'day') ?? all[0];
}

/**
 * Writes the report: `DIR/index.html` and its thumbnails in `DIR/img/` (files, not data URIs: the page
 * stays small and loads its images in parallel; the folder is what CI uploads as an artifact). The page
 * is written last, atomically; thumbnails of an earlier report that this one no longer has are removed.
 * A snapshot or reference that cannot be read leaves its card without that picture.
 */
export async function writeHtmlReport(dir: string, input: HtmlReportInput): Promise<WrittenReport> {
  const imgDir = join(dir, 'img');
  await mkdir(imgDir, { recursive: true });
  const siteDir = new Map(input.sites.map((s) => [s.site.doc.id, s.dir]));
  const byPoint = new Map(input.report.points.map((p) => [p.pointId, p]));
  const images = new Map<string, { current?: string; reference?: string }>();
  const written = new Set<string>();
  const limit = pLimit(8);
  let bytes = 0;
  const save = async (pointId: string, kind: 'now' | 'ref', made: Promise<Buffer | null>): Promise<void> => {
    const name = `${pointId}-${kind}.jpg`;
    try {
      const jpeg = await made;
      if (!jpeg) return;
      // Pictures are plain writes (no fsync each: 800 of them would cost seconds); the page that names
      // them is written last, atomically, so a reader never sees a page pointing at missing pictures.
      await writeFile(join(imgDir, name), jpeg);
      bytes += jpeg.length;
      written.add(name);
      const entry = images.get(pointId) ?? {};
      entry[kind === 'now' ? 'current' : 'reference'] = `img/${name}`;
      images.set(pointId, entry);
    } catch {
      // Not a picture (or gone): the card says it has none.
    }
  };
  await Promise.all(
    input.points.flatMap((d) => {
      const jobs: Promise<void>[] = [];
      const now = input.thumbnails.get(d.point.id);
      if (now) jobs.push(limit(() => save(d.point.id, 'now', now)));
      const ref = referenceOf(d, byPoint.get(d.point.id));
      const base = siteDir.get(d.site);
      // A reference view is already small (416 px wide, a few KB): it is copied as it is, not encoded again.
      if (ref && base) jobs.push(limit(() => save(d.point.id, 'ref', referenceThumbnail(resolve(base, ref.file)))));
      return jobs;
    }),
  );
  for (const name of await readdir(imgDir)) if (OUR_IMAGE.test(name) && !written.has(name)) await rm(join(imgDir, name), { force: true });
  const html = htmlPage(fieldReport({ ...input, images }));
  const index = join(dir, 'index.html');
  await writeFileAtomic(index, html);
  return { index, images: written.size, bytes: bytes + (await stat(index)).size };
}
