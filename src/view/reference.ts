import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ViewReference } from '../inventory/model.js';
import { fingerprintImage, ImageError } from './fingerprint.js';
import type { ViewFingerprint } from './model.js';

/** Reference pictures are kept this wide: a few tens of KB each, plenty for comparison and for people. */
export const REFERENCE_WIDTH = 416;

/** The file a reference view is kept in, relative to the site folder. */
export function referenceFile(pointId: string, preset: string | undefined, light: 'day' | 'night'): string {
  // Preset names are free text; the file name keeps letters, digits, dots and hyphens.
  const presetPart =
    preset === undefined
      ? ''
      : `@${
          preset
            .normalize('NFKD')
            .replace(/[^\w.-]+/g, '-')
            .replace(/^-|-$/g, '') || 'preset'
        }`;
  return `views/${pointId}${presetPart}${light === 'night' ? '.night' : ''}.jpg`;
}

/** A reference picture made from a snapshot, and the snapshot's own resolution. */
export interface ReferencePicture {
  jpeg: Buffer;
  width: number;
  height: number;
  /** WIDTHxHEIGHT of the snapshot it was made from. */
  resolution: string;
}

/** A snapshot made into a reference picture: scaled down, JPEG, no metadata. */
export async function referencePicture(snapshot: Buffer): Promise<ReferencePicture> {
  try {
    const image = sharp(snapshot, { limitInputPixels: 40_000_000 });
    const meta = await image.metadata();
    const { data, info } = await image
      .resize({ width: REFERENCE_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height, resolution: `${meta.width}x${meta.height}` };
  } catch (err) {
    throw new ImageError(`not a readable image (${(err as Error).message.slice(0, 120)})`);
  }
}

/** A loaded reference: what it is, and its fingerprint (or why it could not be read). */
export interface LoadedReference {
  view: ViewReference;
  fingerprint: ViewFingerprint | undefined;
  problem: string | undefined;
}

/** Reads and measures reference views; each file is read once per run however many points share the loader. */
export class ReferenceLoader {
  private readonly cache = new Map<string, Promise<LoadedReference>>();

  constructor(private readonly siteDir: (siteId: string) => string) {}

  load(siteId: string, view: ViewReference): Promise<LoadedReference> {
    const path = join(this.siteDir(siteId), view.file);
    let loading = this.cache.get(path);
    if (!loading) {
      loading = readFile(path)
        .then(fingerprintImage)
        .then(
          (fingerprint) => ({ view, fingerprint, problem: undefined }),
          (err: unknown) => ({ view, fingerprint: undefined, problem: err instanceof Error ? err.message : String(err) }),
        );
      this.cache.set(path, loading);
    }
    return loading;
  }
}
