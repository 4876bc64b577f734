import { openSession, type CameraSession } from '../device/session.js';
import type { OnvifClient } from '../onvif/client.js';
import type { Cli } from './context.js';
import { credentialResolver } from './credentials.js';
import type { DeviceFlags } from './device-options.js';
import { collectTargets, type CameraTarget } from './targets.js';

export type { DeviceFlags } from './device-options.js';

/** Resolves the one TARGET and opens a session with it (clock offset and services learned). */
export async function openTarget<T = undefined>(
  cli: Cli,
  text: string,
  flags: DeviceFlags,
  alongside?: (client: OnvifClient) => Promise<T>,
): Promise<{ target: CameraTarget; session: CameraSession; early: T | undefined }> {
  const [target] = await collectTargets(
    [text],
    flags.inventory ? { dir: flags.inventory } : undefined,
    await credentialResolver(cli, flags, 'missing'),
    flags,
  );
  let early: T | undefined;
  const session = await openSession(
    target!.endpoint,
    target!.credentials,
    { timeoutMs: flags.timeout * 1000, policy: target!.policy, signal: cli.signal },
    alongside && (async (c) => (early = await alongside(c))),
  );
  return { target: target!, session, early };
}
