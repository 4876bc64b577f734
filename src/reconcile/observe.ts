import type { CredentialResolver } from '../credentials/resolve.js';
import { discover } from '../discovery/discover.js';
import type { LocalInterface } from '../discovery/interfaces.js';
import { localInterfaces } from '../discovery/interfaces.js';
import type { DiscoveredDevice } from '../discovery/model.js';
import { addressesOf, parseRange } from '../discovery/ranges.js';
import type { IcmpProber } from '../reach/icmp.js';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../inventory/device-address.js';
import { inspectCamera, type DeepReadPlan, type Inspection } from '../reach/inspect.js';
import { healthResult, inspectAll, type PingResult } from '../reach/ping.js';
import type { DesiredPoint } from './desired.js';
import { encoderChangeFor, profileFor } from './diff.js';
import type { Observation } from './model.js';

export interface ObserveOptions {
  timeoutMs: number;
  concurrency: number;
  rtspPort: number;
  icmp: IcmpProber;
  credentials: CredentialResolver;
  /** Sweep these ranges for devices the inventory does not know (the sites' networkRanges). */
  ranges: string[];
  /** Also probe by multicast through these interfaces. */
  interfaces: LocalInterface[];
  discoveryTimeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Turns one inspection into the plain observation the diff compares. */
export function toObservation(pointId: string, inspection: Inspection, health: PingResult): Observation {
  const deep = inspection.deep;
  const nic = deep?.interfaces?.[0];
  const probe = inspection.streamInfo?.probe;
  return {
    pointId,
    address: inspection.target.endpoint.host,
    state: health.state,
    errors: health.errors,
    identity: deep?.identity
      ? {
          manufacturer: deep.identity.manufacturer,
          model: deep.identity.model,
          serialNumber: deep.identity.serialNumber,
          mac: nic?.mac || null,
        }
      : null,
    clock: inspection.clock
      ? {
          skewSeconds: Math.round(inspection.clock.offsetMs / 100) / 10,
          mode: deep?.time?.type ?? null,
          timezone: deep?.time?.timezone ?? null,
        }
      : null,
    network:
      deep?.interfaces && nic
        ? {
            dhcp: nic.dhcp,
            address: nic.addresses[0]?.address ?? null,
            prefixLength: nic.addresses[0]?.prefixLength ?? null,
            gateway: deep.gateway ?? [],
            dns: deep.dns ?? [],
            ntp: deep.ntp ?? [],
          }
        : null,
    profiles: deep?.profiles ?? null,
    encoderOptions: deep?.encoderOptions ?? {},
    ptz: deep ? deep.ptz : null,
    presets: deep?.presets ?? null,
    position: deep?.position ?? null,
    stream: probe ? { ok: probe.ok, codec: probe.codec, width: probe.width, height: probe.height } : null,
  };
}

/**
 * Looks at every selected point's camera (health and everything the plan compares), and sweeps the
 * site's networks for devices the inventory does not know. Discovery runs alongside the inspections.
 */
export async function observe(
  points: DesiredPoint[],
  options: ObserveOptions,
): Promise<{ observations: Map<string, Observation>; devices: DiscoveredDevice[] }> {
  const targets = await Promise.all(
    points.map(async (d) => ({
      target: d.point.id,
      endpoint: d.endpoint,
      credentials: await options.credentials.forProfile(d.credentialProfile),
      reads: readsFor(d),
    })),
  );
  const pointAddresses = new Set(points.map((p) => p.host));
  const sweep = [...addressesOf(options.ranges.map(parseRange))];
  const discovering =
    sweep.length || options.interfaces.length
      ? discover({
          interfaces: options.interfaces,
          localInterfaces: localInterfaces(),
          sweep,
          http: false,
          ssdp: false,
          anyType: false,
          timeoutMs: options.discoveryTimeoutMs,
          rate: 2000,
          concurrency: options.concurrency,
          enrich: true,
          credentials: await options.credentials.forProfile(points[0]?.credentialProfile),
          callTimeoutMs: options.timeoutMs,
          // Devices at a point's address are read by the inspection itself.
          skipEnrich: (device) => pointAddresses.has(device.address),
          signal: options.signal,
        }).then((r) => r.devices)
      : Promise.resolve([]);
  const inspected = await inspectAll(
    targets,
    {
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      rtspPort: options.rtspPort,
      icmp: options.icmp,
      icmpWhen: 'port-closed',
      maxSkewSeconds: Infinity,
      slowMs: Infinity,
      signal: options.signal,
      deep: true,
    },
    (_i, _h, done) => options.onProgress?.(done, targets.length),
  );
  const observations = new Map<string, Observation>();
  inspected.forEach(({ inspection, health }, i) => {
    observations.set(points[i]!.point.id, toObservation(points[i]!.point.id, inspection, health));
  });
  return { observations, devices: await discovering };
}

/**
 * The deep reads a point needs: what its desired state manages. The plan, the stale-plan check and the
 * verification all read the same things, so a fingerprint compares like with like.
 */
export function readsFor(d: DesiredPoint): DeepReadPlan {
  return {
    ntp: Boolean(d.defaults.ntpServer),
    dns: Boolean(d.defaults.dns),
    gateway: Boolean(d.defaults.gateway),
    // Options are only consulted to check a change, so only an encoder that differs needs them.
    encoderOptionsFor: (profiles) =>
      d.streams.flatMap((spec) => {
        const encoder = profileFor(profiles, spec)?.encoder;
        return encoder && encoderChangeFor(encoder, spec) ? [encoder.token] : [];
      }),
  };
}

/** Looks at one camera again (no ICMP), for verification after apply and the stale-plan check. */
export async function observeOne(
  pointId: string,
  target: { endpoint: DeviceEndpoint; credentials: Credentials | undefined; reads: DeepReadPlan },
  timeoutMs: number,
  rtspPort: number,
): Promise<Observation> {
  const inspection = await inspectCamera({ target: pointId, ...target }, { timeoutMs, rtspPort, deep: true });
  const health = healthResult(
    inspection,
    { ip: target.endpoint.host, result: { kind: 'not-sent' } },
    { maxSkewSeconds: Infinity, slowMs: Infinity },
  );
  return toObservation(pointId, inspection, health);
}
