import type { Credentials } from '../credentials/secret.js';
import { UserError } from '../errors.js';
import { getProfiles, getSnapshotUri, type MediaProfile } from '../onvif/media.js';
import { findProfile } from './profiles.js';
import { httpGet, type HttpGetResult } from './http-get.js';
import type { CameraSession } from './session.js';

export interface Snapshot {
  profile: MediaProfile;
  image: HttpGetResult;
  /** The file extension the image calls for. */
  extension: 'jpg' | 'png';
}

/** What the camera sees now, from a profile's snapshot URI (HTTP Digest or Basic as the camera asks). */
export async function takeSnapshot(
  session: CameraSession,
  credentials: Credentials | undefined,
  profileKey: string | undefined,
  timeoutMs: number,
): Promise<Snapshot> {
  const profile = findProfile(await getProfiles(session.client), profileKey);
  const uri = await getSnapshotUri(session.client, profile.token);
  if (!uri) throw new UserError(`the camera gives no snapshot URI for profile ${profile.name}`);
  const image = await httpGet(uri, credentials, timeoutMs);
  if (image.status !== 200) {
    throw new UserError(`the snapshot URI answered HTTP ${image.status}${image.status === 401 ? ' (credentials refused)' : ''}`, {
      hint: image.status === 401 ? 'check the user and password' : 'check the camera',
    });
  }
  return { profile, image, extension: /png/.test(image.contentType ?? '') ? 'png' : 'jpg' };
}
