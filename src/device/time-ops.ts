import * as device from '../onvif/device.js';
import type { CameraSession } from './session.js';

export interface TimeSyncResult {
  mode: 'Manual' | 'NTP';
  ntpServer: string | null;
  skewBeforeSeconds: number;
  skewAfterSeconds: number;
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** Sets the camera clock from this host (manual UTC) or tells it to use an NTP server; reads it back. */
export async function syncTime(session: CameraSession, ntpServer: string | undefined): Promise<TimeSyncResult> {
  const c = session.client;
  const before = session.clockOffsetMs;
  const { timezone } = await device.getDateTimeSetting(c);
  if (ntpServer) {
    await device.setNtp(c, [ntpServer]);
    await device.setSystemDateAndTime(c, { type: 'NTP', timezone });
  } else {
    await device.setSystemDateAndTime(c, { type: 'Manual', utc: new Date(), timezone });
  }
  const after = await c.syncClock();
  return {
    mode: ntpServer ? 'NTP' : 'Manual',
    ntpServer: ntpServer ?? null,
    skewBeforeSeconds: seconds(before),
    skewAfterSeconds: seconds(after.offsetMs),
  };
}
