import { writeFile } from 'node:fs/promises';
import { readDeviceFacts, readDeviceReport } from '../../device/info.js';
import { changeEncoder, findProfile, listProfiles } from '../../device/profiles.js';
import { takeSnapshot } from '../../device/snapshot.js';
import { getProfiles, getStreamUri } from '../../onvif/media.js';
import { probeStream } from '../../reach/rtsp.js';
import { displayUri } from '../../text/display.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { encoderChange, type ProfileSetFlags } from '../profile-set-flags.js';
import { renderEncoderChange, renderInfo, renderProfiles, renderSnapshot, renderStream } from '../views/device-view.js';

export async function runInfo(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  // The device reads go out with the session's first round: one round trip for the whole report.
  const { target, session, early } = await openTarget(cli, text, flags, readDeviceFacts);
  renderInfo(cli, target.target, await readDeviceReport(session, early));
  return Exit.Ok;
}

export async function runProfiles(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  renderProfiles(cli, target.target, await listProfiles(session));
  return Exit.Ok;
}

export async function runProfileSet(cli: Cli, text: string, profile: string, flags: ProfileSetFlags): Promise<ExitCode> {
  const change = encoderChange(flags);
  const { target, session } = await openTarget(cli, text, flags);
  const result = await changeEncoder(session, profile, change);
  renderEncoderChange(cli, target.target, result);
  return result.applied ? Exit.Ok : Exit.Findings;
}

export async function runSnapshot(cli: Cli, text: string, flags: DeviceFlags & { profile?: string; output?: string }): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  const { profile, image, extension } = await takeSnapshot(session, flags.profile, flags.timeout * 1000);
  const file = flags.output ?? `${target.pointId ?? target.endpoint.host}-${profile.token}.${extension}`;
  await writeFile(file, image.body);
  renderSnapshot(cli, target.target, {
    profile: profile.token,
    file,
    bytes: image.body.length,
    contentType: image.contentType ?? null,
    auth: image.auth,
  });
  return Exit.Ok;
}

export async function runStream(cli: Cli, text: string, flags: DeviceFlags & { profile?: string; probe?: boolean }): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  const profile = findProfile(await getProfiles(session.client), flags.profile);
  const uri = await getStreamUri(session.client, profile.token);
  const probe = flags.probe ? await probeStream(uri, session.access, flags.timeout * 1000) : null;
  renderStream(cli, target.target, { profile: profile.token, uri: displayUri(uri), probe });
  return probe && !probe.ok ? Exit.Findings : Exit.Ok;
}
