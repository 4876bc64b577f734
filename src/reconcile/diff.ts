import type { DiscoveredDevice } from '../discovery/model.js';
import type { DeviceIdentity, StreamSpec } from '../inventory/model.js';
import { checkEncoderChange, type EncoderChange } from '../onvif/encoder-check.js';
import type { EncoderConfig, MediaProfile } from '../onvif/media.js';
import type { Position } from '../onvif/ptz.js';
import type { DesiredPoint } from './desired.js';
import { fingerprintOf } from './fingerprint.js';
import { summarise, type Finding, type FixAction, type Observation, type Plan, type PlannedPoint } from './model.js';

export interface PlanInput {
  inventory: string;
  createdAt: string;
  points: DesiredPoint[];
  observations: Map<string, Observation>;
  /** Devices found on the site's networks (enriched with identity where credentials allowed). */
  devices: DiscoveredDevice[];
  /** Also plan the removal of presets the inventory does not list. */
  prune: boolean;
  /**
   * Every point of the inventory, when `points` is a selection (a street, a shard): a device that an
   * unselected point claims is not unknown.
   */
  allPoints?: DesiredPoint[];
  /** Devices the sites list as not part of the programme. */
  ignored?: DeviceIdentity[];
}

export const DEFAULT_TOLERANCE = 0.02;
const fmt = (p: Position | undefined): string => (p ? `pan ${p.pan} tilt ${p.tilt} zoom ${p.zoom}` : 'no position');
const distance = (a: Position, b: Position): number =>
  Math.max(Math.abs(a.pan - b.pan), Math.abs(a.tilt - b.tilt), Math.abs(a.zoom - b.zoom));
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Whether a discovered device is the camera a point's inventory identity describes. */
export function identityMatches(d: DesiredPoint, device: SeenIdentity): boolean {
  return sameDevice(d.point.device.identity, device);
}

type SeenIdentity = { serialNumber: string | null; mac: string | null; endpointReference: string | null };

/** Whether a device seen on the network is the one an inventory identity describes (EPR, serial or MAC). */
export function sameDevice(id: DeviceIdentity | undefined, device: SeenIdentity): boolean {
  if (!id) return false;
  return (
    (id.endpointReference !== undefined && device.endpointReference?.toLowerCase() === id.endpointReference.toLowerCase()) ||
    (id.serialNumber !== undefined && device.serialNumber?.toUpperCase() === id.serialNumber.toUpperCase()) ||
    (id.mac !== undefined && device.mac?.toLowerCase() === id.mac.toLowerCase())
  );
}

/** The identity fields the inventory lists that the camera contradicts. */
function identityConflicts(d: DesiredPoint, o: Observation): string[] {
  const id = d.point.device.identity;
  const seen = o.identity;
  if (!id || !seen) return [];
  const out: string[] = [];
  if (id.serialNumber && seen.serialNumber && id.serialNumber.toUpperCase() !== seen.serialNumber.toUpperCase())
    out.push(`serial ${seen.serialNumber} (inventory: ${id.serialNumber})`);
  if (id.mac && seen.mac && id.mac.toLowerCase() !== seen.mac.toLowerCase()) out.push(`MAC ${seen.mac} (inventory: ${id.mac})`);
  if (id.model && seen.model && id.model !== seen.model) out.push(`model ${seen.model} (inventory: ${id.model})`);
  return out;
}

export function profileFor(profiles: MediaProfile[], spec: StreamSpec): MediaProfile | undefined {
  return profiles.find((p) => p.token === spec.profile) ?? profiles.find((p) => p.name.toLowerCase() === spec.profile.toLowerCase());
}

/** The change that brings an encoder to a stream spec, or undefined when it already meets it. */
export function encoderChangeFor(current: EncoderConfig, spec: StreamSpec): { change: EncoderChange; differences: string[] } | undefined {
  const change: EncoderChange = {};
  const differences: string[] = [];
  if (spec.codec && spec.codec !== current.codec) {
    change.codec = spec.codec;
    differences.push(`codec ${current.codec}, wants ${spec.codec}`);
  }
  if (spec.resolution) {
    const [w, h] = spec.resolution.split('x').map(Number) as [number, number];
    if (w !== current.width || h !== current.height) {
      Object.assign(change, { width: w, height: h });
      differences.push(`resolution ${current.width}x${current.height}, wants ${spec.resolution}`);
    }
  }
  if (spec.fps !== undefined && spec.fps !== current.fps) {
    change.fps = spec.fps;
    differences.push(`${current.fps} fps, wants ${spec.fps}`);
  }
  if (spec.bitrateKbps && (current.bitrateKbps < spec.bitrateKbps.min || current.bitrateKbps > spec.bitrateKbps.max)) {
    change.bitrateKbps = Math.min(spec.bitrateKbps.max, Math.max(spec.bitrateKbps.min, current.bitrateKbps));
    differences.push(`${current.bitrateKbps} kbit/s, wants ${spec.bitrateKbps.min}-${spec.bitrateKbps.max}`);
  }
  if (spec.gop !== undefined && current.gop !== undefined && spec.gop !== current.gop) {
    change.gop = spec.gop;
    differences.push(`GOP ${current.gop}, wants ${spec.gop}`);
  }
  return differences.length ? { change, differences } : undefined;
}

function pointFindings(d: DesiredPoint, o: Observation | undefined, devices: DiscoveredDevice[], prune: boolean): Finding[] {
  const base = { site: d.site, street: d.street.id, pointId: d.point.id, address: d.host, file: d.file, line: d.line };
  const finding = (
    kind: Finding['kind'],
    topic: Finding['topic'],
    message: string,
    hint: string,
    action: FixAction | null = null,
  ): Finding => ({ ...base, kind, topic, message, hint, action });
  if (!o || o.state === 'unreachable' || o.state === 'onvif-down') {
    const moved = devices.find((dev) => dev.address !== d.host && identityMatches(d, dev));
    if (moved) {
      return [
        {
          ...base,
          address: moved.address,
          kind: 'unknown',
          topic: 'moved',
          message: `moved from ${d.host} to ${moved.address}`,
          hint: `record the new address with 'camfleet inventory adopt', or move the camera back with 'camfleet network set ${moved.address} --address ${d.host}/24'`,
          action: null,
        },
      ];
    }
    const why = o?.errors[0] ?? 'no answer';
    return [
      finding(
        'missing',
        'unreachable',
        `${o?.state === 'onvif-down' ? 'ONVIF does not answer' : 'unreachable'} at ${d.host} (${why})`,
        "check power and cabling; 'camfleet ping' tells more",
      ),
    ];
  }
  if (o.state === 'auth-failed') {
    return [
      finding(
        'attention',
        'auth',
        `refuses the credentials${d.credentialProfile ? ` of profile '${d.credentialProfile}'` : ''}`,
        'check the credential profile, or reset the camera password',
      ),
    ];
  }
  const conflicts = identityConflicts(d, o);
  if (conflicts.length) {
    return [
      finding(
        'attention',
        'identity',
        `a different camera answers at ${d.host}: ${conflicts.join(', ')}`,
        'a camera was swapped: check it on site, then update the point identity in the inventory',
      ),
    ];
  }

  const out: Finding[] = [];
  if (o.stream && !o.stream.ok)
    out.push(
      finding(
        'attention',
        'stream',
        'the main stream does not answer RTSP DESCRIBE',
        'check the camera streaming service; a reboot often helps',
      ),
    );

  for (const spec of d.streams) {
    const profile = o.profiles && profileFor(o.profiles, spec);
    if (!o.profiles) continue;
    if (!profile?.encoder) {
      out.push(
        finding(
          'attention',
          'encoder',
          `has no media profile '${spec.profile}'`,
          `profiles: ${o.profiles.map((p) => p.name).join(', ') || 'none'}; correct the inventory`,
        ),
      );
      continue;
    }
    const needed = encoderChangeFor(profile.encoder, spec);
    if (!needed) continue;
    const options = o.encoderOptions[profile.encoder.token];
    const check = options ? checkEncoderChange(profile.encoder, options, needed.change) : undefined;
    if (check && !check.ok) {
      out.push(
        finding(
          'attention',
          'unsupported',
          `${profile.name} cannot stream as the inventory asks: ${check.problems.join('; ')}`,
          'change the inventory to what the camera offers, or replace the camera',
        ),
      );
      continue;
    }
    const wanted: EncoderConfig = check?.ok ? check.wanted : { ...profile.encoder, ...needed.change };
    out.push(
      finding('fix', 'encoder', `${profile.name}: ${needed.differences.join(', ')}`, 'apply sets the encoder and reads it back', {
        type: 'set-encoder',
        profile: profile.token,
        encoder: wanted,
      }),
    );
  }

  const presets = d.point.ptz?.presets ?? [];
  if (presets.length && o.ptz === false) {
    out.push(
      finding(
        'attention',
        'unsupported',
        'the inventory lists PTZ presets but the camera has no PTZ service',
        'a fixed camera was installed: correct the inventory or the camera',
      ),
    );
  } else if (o.presets) {
    for (const want of presets) {
      const target = { pan: want.pan, tilt: want.tilt, zoom: want.zoom };
      const tolerance = want.tolerance ?? DEFAULT_TOLERANCE;
      const have = o.presets.find((p) => p.name === want.name);
      if (!have) {
        out.push(
          finding('fix', 'preset', `preset '${want.name}' is missing`, 'apply moves the camera there and saves it', {
            type: 'set-preset',
            name: want.name,
            position: target,
            tolerance,
            token: null,
          }),
        );
      } else if (!have.position || distance(have.position, target) > tolerance) {
        out.push(
          finding(
            'fix',
            'preset',
            `preset '${want.name}' is at ${fmt(have.position)}, wants ${fmt(target)} (off by ${have.position ? round3(distance(have.position, target)) : '?'}, tolerance ${tolerance})`,
            'apply re-aims it',
            {
              type: 'set-preset',
              name: want.name,
              position: target,
              tolerance,
              token: have.token,
            },
          ),
        );
      }
    }
    if (prune) {
      for (const extra of o.presets.filter((p) => !presets.some((w) => w.name === p.name))) {
        out.push(
          finding('fix', 'preset', `preset '${extra.name}' is not in the inventory`, 'apply --prune removes it', {
            type: 'remove-preset',
            name: extra.name,
            token: extra.token,
          }),
        );
      }
    }
  }

  if (o.clock) {
    const skewed = Math.abs(o.clock.skewSeconds) > d.defaults.maxClockSkewSeconds;
    const tzOff = d.defaults.timezone !== undefined && o.clock.timezone !== null && o.clock.timezone !== d.defaults.timezone;
    if (skewed || tzOff) {
      const what = [
        skewed ? `clock ${o.clock.skewSeconds > 0 ? '+' : ''}${o.clock.skewSeconds} s off` : '',
        tzOff ? `time zone ${o.clock.timezone}, wants ${d.defaults.timezone}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      out.push(
        finding('fix', 'time', what, 'apply sets the clock', {
          type: 'sync-time',
          ntpServer: d.defaults.ntpServer ?? null,
          timezone: d.defaults.timezone ?? null,
        }),
      );
    }
  }

  if (o.network) {
    const n = o.network;
    const action: Extract<FixAction, { type: 'set-network' }> = { type: 'set-network' };
    const what: string[] = [];
    if (d.defaults.ntpServer && !n.ntp.includes(d.defaults.ntpServer)) {
      action.ntp = [d.defaults.ntpServer];
      what.push(`NTP ${n.ntp.join(', ') || 'none'}, wants ${d.defaults.ntpServer}`);
    }
    if (d.defaults.dns && d.defaults.dns.join(',') !== n.dns.join(',')) {
      action.dns = d.defaults.dns;
      what.push(`DNS ${n.dns.join(', ') || 'none'}, wants ${d.defaults.dns.join(', ')}`);
    }
    if (d.defaults.gateway && !n.gateway.includes(d.defaults.gateway)) {
      action.gateway = d.defaults.gateway;
      what.push(`gateway ${n.gateway.join(', ') || 'none'}, wants ${d.defaults.gateway}`);
    }
    if (n.dhcp) {
      action.staticAddress = { address: d.host, prefixLength: n.prefixLength ?? 24 };
      what.push(`address from DHCP, wants static ${d.host}`);
    }
    if (what.length) out.push(finding('fix', 'network', what.join('; '), 'apply sets the network settings', action));
  }
  return out;
}

/** Whether a discovered device belongs to a point: at its address, or with its identity. */
function claimedBy(points: DesiredPoint[], device: DiscoveredDevice): DesiredPoint | undefined {
  return points.find((d) => d.host === device.address || identityMatches(d, device));
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
    findings.push(...pointFindings(d, o, input.devices, input.prune));
    points.push({
      site: d.site,
      street: d.street.id,
      pointId: d.point.id,
      address: d.host,
      state: o?.state ?? 'unreachable',
      fingerprint: o ? fingerprintOf(o) : null,
      credentialProfile: d.credentialProfile ?? null,
      observedIdentity: o?.identity ?? null,
    });
  }
  const moved = new Set(findings.filter((f) => f.topic === 'moved').map((f) => f.address));
  const everyPoint = input.allPoints ?? input.points;
  const unknown = input.devices
    .filter((dev) => !claimedBy(everyPoint, dev) && !moved.has(dev.address) && !(input.ignored ?? []).some((id) => sameDevice(id, dev)))
    .sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true }));
  for (const dev of unknown) {
    const what = [dev.manufacturer, dev.model].filter(Boolean).join(' ') || 'a device';
    findings.push({
      kind: 'unknown',
      topic: 'unknown-device',
      site: input.points[0]?.site ?? '',
      street: null,
      pointId: null,
      address: dev.address,
      message: `${what}${dev.serialNumber ? ` serial ${dev.serialNumber}` : ''}${dev.name ? ` ('${dev.name}')` : ''} at ${dev.address}: no point claims it`,
      hint: "add it with 'camfleet inventory adopt --into STREET', or leave it if it is not part of the programme",
      action: null,
      file: null,
      line: null,
    });
  }
  return {
    formatVersion: 1,
    createdAt: input.createdAt,
    inventory: input.inventory,
    points,
    findings,
    devices: input.devices,
    summary: summarise(findings),
  };
}
