import { ptzProfile } from '../../device/ptz-ops.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';

/** The camera a ptz command names, its session, and the media profile PTZ acts through. */
export async function openPtz(cli: Cli, text: string, flags: DeviceFlags, action: string) {
  const { target, session } = await openTarget(cli, text, flags);
  return { target, session, profile: await ptzProfile(session, action) };
}
