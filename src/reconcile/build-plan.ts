import type { DiscoveredDevice } from '../discovery/model.js';
import type { DeviceIdentity } from '../inventory/model.js';
import type { DesiredPoint } from './desired.js';
import { findingsFor, type TopicInput } from './findings/context.js';
import { encoderFindings } from './findings/encoders.js';
import { presenceFindings } from './findings/presence.js';
import { homeFindings, presetFindings } from './findings/presets.js';
import { readFindings, streamHealthFindings } from './findings/reads.js';
import { clockFindings, networkFindings } from './findings/settings.js';
import { recordingFindings, recordingVerdictOf } from './findings/recording.js';
import { viewFindings } from './findings/view.js';
import { fingerprintOf } from './fingerprint.js';
import { identityMatches, sameDevice } from './identity.js';
import { type Finding, type Observation, type Plan, type PlannedPoint, summarise } from './model.js';

export interface PlanInput {
  inventory: string;
  /** The digest of the inventory files the plan was made from (apply refuses a plan when it changed). */
  inventoryDigest: string;
  createdAt: string;
  points: DesiredPoint[];
  observations: Map<string, Observation>;
  /** Devices found on the site's networks (enriched with identity where credentials allowed). */
  devices: DiscoveredDevice[];
  /** Also plan the removal of presets the inventory does not list. */
  prune: boolean;
  /** Also plan to set each PTZ point's home position (it cannot be read, so it is always planned). */
  home?: boolean;
  /**
   * Every point of the inventory, when `points` is a selection (a street, a shard): a device that an
   * unselected point claims is not unknown.
   */
  allPoints?: DesiredPoint[];
  /** Devices the sites list as not part of the programme. */
  ignored?: DeviceIdentity[];
}

/** One point's findings: whether its camera answers, then each topic the inventory manages. */
export function pointFindings(
  d: DesiredPoint,
  o: Observation | undefined,
  input: Pick<PlanInput, 'devices' | 'prune' | 'home'>,
): Finding[] {
  const presence = presenceFindings(d, o, input.devices);
  if (presence.length || !o) return presence;
  const topic: TopicInput = { d, o, finding: findingsFor(d) };
  return [
    ...readFindings(topic),
    ...streamHealthFindings(topic),
    ...encoderFindings(topic),
    ...presetFindings(topic, input.prune),
    ...clockFindings(topic),
    ...networkFindings(topic),
    ...viewFindings(topic),
    ...recordingFindings(topic),
    ...(input.home ? homeFindings(topic) : []),
  ];
}

/** Whether a discovered device belongs to a point: at its address, or with its identity. */
function claimedBy(points: DesiredPoint[], device: DiscoveredDevice): DesiredPoint | undefined {
  return points.find((d) => d.host === device.address || identityMatches(d, device));
}

/** Devices no point claims (by address or identity), not moved points' cameras, not listed as ignored. */
export function unclaimedDevices(
  points: DesiredPoint[],
  devices: DiscoveredDevice[],
  ignored: DeviceIdentity[] = [],
  moved: Set<string> = new Set(),
): DiscoveredDevice[] {
  return devices
    .filter((dev) => !claimedBy(points, dev) && !moved.has(dev.address) && !ignored.some((id) => sameDevice(id, dev)))
    .sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true }));
}

function unknownDeviceFinding(site: string, dev: DiscoveredDevice): Finding {
  const what = [dev.manufacturer, dev.model].filter(Boolean).join(' ') || 'a device';
  return {
    kind: 'unknown',
    topic: 'unknown-device',
    site,
    street: null,
    pointId: null,
    address: dev.address,
    message: `${what}${dev.serialNumber ? ` serial ${dev.serialNumber}` : ''}${dev.name ? ` ('${dev.name}')` : ''} at ${dev.address}: no point claims it`,
    hint: "add it with 'camfleet inventory adopt --into STREET', or leave it if it is not part of the programme",
    action: null,
    file: null,
    line: null,
  };
}

/**
 * Compares what the inventory wants with what was observed: Terraform-style findings per point, and
 * the devices no point claims. Pure: the same input gives the same plan.
 */
export function buildPlan(input: PlanInput): Plan {
  const findings: Finding[] = [];
  const points: PlannedPoint[] = [];
  for (const d of input.points) {
    const o = input.observations.get(d.point.id);
    findings.push(...pointFindings(d, o, input));
    points.push({
      site: d.site,
      street: d.street.id,
      pointId: d.point.id,
      address: d.address,
      state: o?.state ?? 'unreachable',
      fingerprint: o ? fingerprintOf(o) : null,
      credentialProfile: d.credentialProfile ?? null,
      view: o?.view ?? null,
      recording: d.recording ? { required: d.recording, verdict: recordingVerdictOf(d, o) } : null,
      observedIdentity: o?.identity ?? null,
    });
  }
  const moved = new Set(findings.filter((f) => f.topic === 'moved').map((f) => f.address));
  const everyPoint = input.allPoints ?? input.points;
  const unknown = unclaimedDevices(everyPoint, input.devices, input.ignored, moved);
  for (const dev of unknown) findings.push(unknownDeviceFinding(input.points[0]?.site ?? '', dev));
  return {
    formatVersion: 1,
    createdAt: input.createdAt,
    inventory: input.inventory,
    inventoryDigest: input.inventoryDigest,
    options: { prune: input.prune, home: input.home === true },
    points,
    findings,
    devices: input.devices,
    summary: summarise(findings),
  };
}
