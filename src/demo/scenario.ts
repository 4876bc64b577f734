import { chmod, cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../fs/package-root.js';
import { loadInventory } from '../inventory/load.js';
import { overridesFromInventory } from '../sim/from-inventory.js';
import type { CameraOverride } from '../sim/fleet.js';

const SAMPLE = join(PACKAGE_ROOT, 'inventory/tan-xuan-2');

/** The faults the demo injects, one of each kind of drift, by point id. */
const OFFLINE = 'tx2-gate-parking';
const TURNED = 'tx2-gate-out';
const MOVED = 'tx2-ngo-15-2';
const WRONG_RESOLUTION = 'tx2-nba-1';
const COVERED = 'tx2-ngo-8-2';
const NOT_RECORDING = 'tx2-ngo-8-3';
const MOVED_TO = '127.20.2.99';
/** Where a camera no point claims answers. */
export const UNKNOWN_AT = '127.20.2.50';

/** What the demo did to the cameras, as it tells the user. */
export const DEMO_FAULTS = [
  `${OFFLINE} is powered off`,
  `${TURNED} was turned away from its road preset`,
  `${MOVED} was moved to ${MOVED_TO}`,
  `${WRONG_RESOLUTION} streams 1280x720 instead of 1920x1080`,
  `${COVERED} has its lens covered`,
  `${NOT_RECORDING} stopped recording 30 hours ago`,
  `an unknown camera answers at ${UNKNOWN_AT}`,
];

/**
 * Copies the sample site into `dir` with a credentials file beside it; when port 80 cannot be bound (not
 * root), the addresses get the simulator's port. Returns the site folder and the credentials file.
 */
export async function prepareDemoSite(dir: string, port: number): Promise<{ site: string; credentials: string }> {
  const site = join(dir, 'tan-xuan-2');
  await cp(SAMPLE, site, { recursive: true });
  if (port !== 80) {
    for (const file of (await readdir(join(site, 'streets'))).map((f) => join(site, 'streets', f))) {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/"address": "(127\.20\.\d+\.\d+)"/g, `"address": "$1:${port}"`));
    }
  }
  const credentials = join(dir, 'credentials.json');
  await writeFile(credentials, JSON.stringify({ profiles: { 'tan-xuan-2': { username: 'admin', password: 'camfleet' } } }));
  await chmod(credentials, 0o600);
  return { site, credentials };
}

/** The site's cameras with the demo's faults; the pictures show 11:00 whatever the hour, so the demo looks the same by day and by night. */
export async function demoCameras(site: string): Promise<CameraOverride[]> {
  const daylight = (c: CameraOverride): CameraOverride => ({ ...c, faults: { timeOfDay: 11, ...c.faults } });
  return overridesFromInventory(await loadInventory(site))
    .map((c) => {
      if (c.name === OFFLINE) return { ...c, faults: { offline: true } };
      if (c.name === COVERED) return daylight({ ...c, faults: { tampered: 'covered' } });
      if (c.name === NOT_RECORDING) return { ...c, faults: { recordingStoppedHours: 30 } };
      if (c.name === TURNED)
        return { ...c, presets: c.presets?.map((p) => (p.name === 'road' ? { ...p, pan: Math.max(-1, p.pan - 0.45), tilt: 0.2 } : p)) };
      if (c.name === MOVED) return { ...c, address: MOVED_TO };
      if (c.name === WRONG_RESOLUTION)
        return { ...c, encoders: { ...c.encoders, VideoEncoder_1: { ...c.encoders?.VideoEncoder_1, width: 1280, height: 720 } } };
      return c;
    })
    .map(daylight);
}
