import { UserError } from '../errors.js';
import type { RecordingRequirement } from '../inventory/model.js';
import { type AccessFlags, type AccessPolicy, accessPolicy } from '../auth/access-policy.js';
import type { CredentialResolver } from '../credentials/resolve.js';
import type { Credentials } from '../credentials/secret.js';
import { parseDeviceAddress, type DeviceEndpoint } from '../net/endpoint.js';
import { resolvePoints } from '../inventory/resolve.js';

/** A camera a command acts on: typed on the command line, or an inventory point. */
export interface CameraTarget {
  target: string;
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
  /** What the credentials may be used for: the point's inventory access spec, then the flags. */
  policy: AccessPolicy;
  pointId?: string;
  street?: string;
  /** What the inventory point requires it to record (null: nothing); absent for a camera named by address. */
  recording?: RecordingRequirement | null;
}

export function parseTarget(text: string): DeviceEndpoint {
  const endpoint = parseDeviceAddress(text);
  if (!endpoint) {
    throw new UserError(`'${text}' is not a camera address`, {
      hint: 'give host, host:port or a device service URL such as http://192.168.1.64/onvif/device_service',
    });
  }
  return endpoint;
}

/**
 * The cameras named on the command line, plus those of an inventory (optionally one street). A
 * `street/point` target names a point of the inventory when one is given.
 */
export async function collectTargets(
  texts: string[],
  inventory: { dir?: string; street?: string } | undefined,
  credentials: CredentialResolver,
  access: AccessFlags = {},
): Promise<CameraTarget[]> {
  const out: CameraTarget[] = [];
  // Loading the inventory brings the JSON Schema validator: only when one is named.
  const sites = inventory?.dir ? await (await import('../inventory/load.js')).loadInventory(inventory.dir) : [];
  const points = sites.flatMap((site) => resolvePoints(site));
  for (const text of texts) {
    const slash = text.indexOf('/');
    const point = slash > 0 && !text.includes('://') ? points.find((p) => `${p.street.id}/${p.point.id}` === text) : undefined;
    if (point) {
      out.push({
        target: text,
        endpoint: parseTarget(point.point.device.address),
        credentials: await credentials.forProfile(point.credentialProfile),
        policy: accessPolicy(point.access, access),
        pointId: point.point.id,
        street: point.street.id,
        recording: point.recording,
      });
      continue;
    }
    out.push({
      target: text,
      endpoint: parseTarget(text),
      credentials: await credentials.forProfile(undefined),
      policy: accessPolicy(undefined, access),
    });
  }
  if (inventory?.dir && texts.length === 0) {
    const selected = points.filter((p) => !inventory.street || p.street.id === inventory.street);
    if (inventory.street && selected.length === 0) {
      throw new UserError(`no street '${inventory.street}' in the inventory`, {
        hint: `known streets: ${[...new Set(points.map((p) => p.street.id))].join(', ')}`,
      });
    }
    for (const p of selected) {
      out.push({
        target: p.point.id,
        endpoint: parseTarget(p.point.device.address),
        credentials: await credentials.forProfile(p.credentialProfile),
        policy: accessPolicy(p.access, access),
        pointId: p.point.id,
        street: p.street.id,
        recording: p.recording,
      });
    }
  }
  if (out.length === 0)
    throw new UserError('no camera to act on', { hint: 'name cameras (host, host:port or URL), or give --inventory DIR' });
  return out;
}
