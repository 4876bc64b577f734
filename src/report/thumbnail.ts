import sharp from 'sharp';

/** Thumbnails: 320×180 at JPEG quality 70, 6–10 KB each; 400 points with two each make about 6 MB. */
export const THUMB = { width: 320, height: 180, quality: 70 };

/** A card's picture, scaled down while decoding (libvips shrinks a JPEG on load: a 1080p snapshot costs a few ms). */
export function thumbnail(input: Buffer | string): Promise<Buffer> {
  return sharp(input).resize(THUMB.width, THUMB.height, { fit: 'cover' }).jpeg({ quality: THUMB.quality, mozjpeg: true }).toBuffer();
}

/**
 * Collects the thumbnails of the snapshots a check takes, each made as soon as its snapshot arrives, so
 * the work overlaps the check's waits on the network (hand `keep` to the reconcile deps).
 */
export function thumbnailCollector(): { thumbnails: Map<string, Promise<Buffer | null>>; keep: (pointId: string, jpeg: Buffer) => void } {
  const thumbnails = new Map<string, Promise<Buffer | null>>();
  return {
    thumbnails,
    keep: (pointId, jpeg) =>
      thumbnails.set(
        pointId,
        thumbnail(jpeg).catch(() => null),
      ),
  };
}
