import { writeFile } from 'node:fs/promises';
import { readDeviceFacts, readDeviceReport } from '../../device/info.js';
import { changeEncoder, findProfile, listProfiles } from '../../device/profiles.js';
import { takeSnapshot } from '../../device/snapshot.js';
import type { EncoderChange } from '../../onvif/encoder-check.js';
import { UserError } from '../../errors.js';
import { getProfiles, getStreamUri, type Codec } from '../../onvif/media.js';
import { probeStream } from '../../reach/rtsp.js';
import { displayUri } from '../../text/display.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
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

export interface ProfileSetFlags extends DeviceFlags {
  codec?: string;
  resolution?: string;
  fps?: number;
  bitrate?: number;
  gop?: number;
}

function encoderChange(flags: ProfileSetFlags): EncoderChange {
  const change: EncoderChange = {};
  if (flags.codec !== undefined) change.codec = flags.codec.toUpperCase().replace('.', '') as Codec;
  if (flags.resolution !== undefined) {
    const m = /^(\d+)x(\d+)$/i.exec(flags.resolution);
    if (!m) throw new UserError(`--resolution '${flags.resolution}' is not WIDTHxHEIGHT`, { hint: 'for example --resolution 1920x1080' });
    change.width = Number(m[1]);
    change.height = Number(m[2]);
  }
  if (flags.fps !== undefined) change.fps = flags.fps;
  if (flags.bitrate !== undefined) change.bitrateKbps = flags.bitrate;
  if (flags.gop !== undefined) change.gop = flags.gop;
  if (Object.keys(change).length === 0)
    throw new UserError('nothing to change', { hint: 'give at least one of --codec, --resolution, --fps, --bitrate, --gop' });
  return change;
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
