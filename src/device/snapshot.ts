import { AuthError, ProtocolError, UnsupportedError } from '../onvif/errors.js';
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
export async function takeSnapshot(session: CameraSession, profileKey: string | undefined, timeoutMs: number): Promise<Snapshot> {
  const profile = findProfile(await getProfiles(session.client), profileKey);
  const uri = await getSnapshotUri(session.client, profile.token);
  const details = { endpoint: session.endpoint.url, action: 'GetSnapshotUri' };
  if (!uri) throw new UnsupportedError(`the camera gives no snapshot URI for profile ${profile.name}`, details);
  const image = await httpGet(uri, session.access, { timeoutMs });
  if (image.status === 401) throw new AuthError('the snapshot URI refused the credentials', { ...details, action: 'GET snapshot' });
  if (image.status !== 200) {
    throw new ProtocolError(`the snapshot URI answered HTTP ${image.status}`, {
      ...details,
      action: 'GET snapshot',
      hint: 'check the camera; a reboot often helps',
    });
  }
  return { profile, image, extension: /png/.test(image.contentType ?? '') ? 'png' : 'jpg' };
}
