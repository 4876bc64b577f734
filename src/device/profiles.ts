import { UserError } from '../errors.js';
import { displayUri } from '../text/display.js';
import {
  getEncoderOptions,
  getEncoders,
  getProfiles,
  getSnapshotUri,
  getStreamUri,
  setEncoder,
  type EncoderConfig,
  type MediaProfile,
} from '../onvif/media.js';
import { checkEncoderChange, encoderDifferences, type EncoderChange } from '../onvif/encoder-check.js';
import type { CameraSession } from './session.js';

export interface ProfileReport {
  token: string;
  name: string;
  encoder: EncoderConfig | null;
  streamUri: string | null;
  snapshotUri: string | null;
  ptz: boolean;
}

/** Every media profile with its encoder settings and its stream and snapshot URIs. */
export async function listProfiles(session: CameraSession): Promise<ProfileReport[]> {
  const profiles = await getProfiles(session.client);
  return Promise.all(
    profiles.map(async (p) => {
      const [streamUri, snapshotUri] = await Promise.all([
        getStreamUri(session.client, p.token).catch(() => null),
        getSnapshotUri(session.client, p.token).catch(() => null),
      ]);
      // Some cameras put user:password@ in their URIs: never shown or written.
      const shown = (uri: string | null) => (uri === null ? null : displayUri(uri));
      return {
        token: p.token,
        name: p.name,
        encoder: p.encoder ?? null,
        streamUri: shown(streamUri),
        snapshotUri: shown(snapshotUri),
        ptz: p.hasPtz,
      };
    }),
  );
}

/** The profile named by token or name (case-insensitive), or a UserError listing the profiles. */
export function findProfile(profiles: MediaProfile[], key: string | undefined): MediaProfile {
  if (key === undefined) {
    const first = profiles[0];
    if (!first) throw new UserError('the camera has no media profile');
    return first;
  }
  const found = profiles.find((p) => p.token === key) ?? profiles.find((p) => p.name.toLowerCase() === key.toLowerCase());
  if (!found)
    throw new UserError(`no media profile '${key}' on this camera`, {
      hint: `profiles: ${profiles.map((p) => `${p.name} (${p.token})`).join(', ')}`,
    });
  return found;
}

export interface EncoderChangeResult {
  profile: string;
  before: EncoderConfig;
  requested: EncoderConfig;
  after: EncoderConfig;
  /** True when the camera now streams what was asked. */
  applied: boolean;
  /** Where it does not, when the camera accepted the change but ignored it. */
  differences: string[];
}

/** Checks, sends and reads back a stream settings change. */
export async function changeEncoder(session: CameraSession, profileKey: string, change: EncoderChange): Promise<EncoderChangeResult> {
  const profile = findProfile(await getProfiles(session.client), profileKey);
  const before = profile.encoder;
  if (!before) throw new UserError(`profile '${profile.name}' has no video encoder`);
  const check = checkEncoderChange(before, await getEncoderOptions(session.client, before.token), change);
  if (!check.ok)
    throw new UserError(`the camera would refuse this: ${check.problems.join('; ')}`, { hint: 'choose among the offered values' });
  await setEncoder(session.client, check.wanted);
  const after = (await getEncoders(session.client)).find((e) => e.token === before.token) ?? before;
  const differences = encoderDifferences(check.wanted, after);
  return { profile: profile.token, before, requested: check.wanted, after, applied: differences.length === 0, differences };
}
