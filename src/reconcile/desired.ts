import { type AccessFlags, type AccessPolicy, accessPolicy } from '../auth/access-policy.js';
import { displayAddress, parseDeviceAddress, type DeviceEndpoint } from '../net/endpoint.js';
import type { Point, RecordingRequirement, SiteInventory, StreamSpec } from '../inventory/model.js';
import { resolvePoints } from '../inventory/resolve.js';

/** One point as the plan compares it: what the inventory wants, and where that is written. */
export interface DesiredPoint {
  site: string;
  street: { id: string; name: string };
  point: Point;
  /** The camera's host, which discovered devices are matched against. */
  host: string;
  /** Where to reach it, as findings and hints name it: the host, with its port when not 80 (see displayAddress). */
  address: string;
  /** Its device service, as the inventory writes it (a URL keeps its scheme and path). */
  endpoint: DeviceEndpoint;
  credentialProfile: string | undefined;
  /** What its credentials may be used for: the inventory's access spec, then the command's flags. */
  policy: AccessPolicy;
  streams: StreamSpec[];
  /** What it must keep on its own storage; null when the inventory requires nothing. */
  recording: RecordingRequirement | null;
  defaults: { ntpServer?: string; gateway?: string; dns?: string[]; timezone?: string; maxClockSkewSeconds: number };
  file: string;
  line: number;
}

/** Every (selected) point of the sites, with its inherited settings and its place in the files. */
export function desiredPoints(
  sites: SiteInventory[],
  filter: { street?: string; point?: string } = {},
  access: AccessFlags = {},
): DesiredPoint[] {
  return sites.flatMap((site) => {
    const d = site.site.doc.defaults ?? {};
    return resolvePoints(site, filter).map((r) => {
      const endpoint = parseDeviceAddress(r.point.device.address)!;
      const file = site.streets.find((s) => s.path === r.file)!;
      return {
        site: site.site.doc.id,
        street: { id: r.street.id, name: r.street.name },
        point: r.point,
        host: endpoint.host,
        address: displayAddress(endpoint),
        endpoint,
        credentialProfile: r.credentialProfile,
        policy: accessPolicy(r.access, access),
        streams: r.streams,
        recording: r.recording,
        defaults: {
          ntpServer: d.ntpServer,
          gateway: d.gateway,
          dns: d.dns,
          timezone: d.timezone,
          maxClockSkewSeconds: d.maxClockSkewSeconds ?? 5,
        },
        file: r.file,
        line: file.positions.valueAt(r.pointer)?.line ?? 1,
      };
    });
  });
}
