import type { Credentials } from '../credentials/secret.js';
import { streetStreams } from '../inventory/resolve.js';
import { type DeviceEndpoint, parseDeviceAddress } from '../net/endpoint.js';
import { deviceAddress } from '../reconcile/adopt.js';
import type { Selection } from '../reconcile/selection.js';
import type { StreamSpec } from '../inventory/model.js';
import type { Decision } from './model.js';

/** A camera the technician looks at on site: what the walk needs to reach it and what to offer. */
export interface WalkTarget {
  pointId: string;
  label: string;
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
  streams: StreamSpec[];
  /** Presets the inventory lists for it (the first one missing is the suggested name). */
  presetNames: string[];
  /** The site folder: snapshots go to survey/<date>/ inside it. */
  siteDir: string;
}

/** The credentials of a camera by its credential profile (the command's resolver). */
export type CredentialsFor = (profile: string | undefined) => Promise<Credentials | undefined>;

/**
 * The cameras to look at: the points the technician confirmed, the points a device was assigned to (at
 * the device's address), and the points the survey created. Pure but for the credential lookup.
 */
export async function walkTargets(
  selection: Selection,
  confirmed: string[],
  decisions: Decision[],
  credentialsFor: CredentialsFor,
): Promise<WalkTarget[]> {
  const siteOf = (id: string) => selection.sites.find((s) => s.site.doc.id === id)!;
  const ofPoint = async (pointId: string, address: string, points = selection.points): Promise<WalkTarget> => {
    const d = points.find((p) => p.point.id === pointId)!;
    return {
      pointId,
      label: d.point.label,
      endpoint: parseDeviceAddress(address)!,
      credentials: await credentialsFor(d.credentialProfile),
      streams: d.streams,
      presetNames: (d.point.ptz?.presets ?? []).map((p) => p.name),
      siteDir: siteOf(d.site).dir,
    };
  };
  const out: WalkTarget[] = [];
  for (const id of confirmed) out.push(await ofPoint(id, selection.points.find((p) => p.point.id === id)!.point.device.address));
  for (const decision of decisions) {
    if (decision.type === 'assign') out.push(await ofPoint(decision.pointId, deviceAddress(decision.device), selection.all));
    else if (decision.type === 'create') {
      const site = selection.sites.find((s) => s.streets.some((f) => f.doc.id === decision.street))!;
      const street = site.streets.find((f) => f.doc.id === decision.street)!.doc;
      out.push({
        pointId: decision.point.id,
        label: decision.point.label,
        endpoint: parseDeviceAddress(deviceAddress(decision.device))!,
        credentials: await credentialsFor(street.defaults?.credentialProfile ?? site.site.doc.defaults?.credentialProfile),
        streams: streetStreams(site, decision.street),
        presetNames: [],
        siteDir: site.dir,
      });
    }
  }
  return out;
}
