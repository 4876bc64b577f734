import type { CredentialResolver } from '../credentials/resolve.js';
import type { Credentials } from '../credentials/secret.js';
import { discover } from '../discovery/discover.js';
import { type LocalInterface, localInterfaces } from '../discovery/interfaces.js';
import type { DiscoveredDevice } from '../discovery/model.js';
import { addressesOf, parseRange } from '../discovery/ranges.js';
import type { CameraMemory } from '../reach/camera-memory.js';
import type { IcmpProber } from '../reach/icmp.js';
import { type Inspection, inspectCamera } from '../reach/inspect.js';
import { healthResult, inspectAll, type PingResult } from '../reach/ping.js';
import type { OnvifClient } from '../onvif/client.js';
import type { EarlyReads, InspectTarget } from '../reach/inspect.js';
import type { ReferenceLoader } from '../view/reference.js';
import { type DeepReads, headPosition, type ReadPlan, readDeep } from './deep-read.js';
import { DEFAULT_POSITION_TOLERANCE as DEFAULT_TOLERANCE } from '../onvif/ptz.js';
import { keepSnapshot, readView, type ViewObservation, type ViewPlan } from './view-read.js';
import type { DesiredPoint } from './desired.js';
import { encoderChangeFor, profileFor } from './encoder-change.js';
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
  /** Reads the reference views (each file once per run); without it, views are not checked. */
  references?: ReferenceLoader;
  /** Receives each point's snapshot (the report's thumbnails). */
  keepSnapshot?: (pointId: string, jpeg: Buffer) => void;
}

/** What one point's extra reads give: the deep reads, and the view check. */
export type PointReads = DeepReads & { view: ViewObservation | null };

/** The reference views of a point, as the view check uses them. */
export function viewPlanOf(d: DesiredPoint): ViewPlan {
  return {
    site: d.site,
    point: d.point.views ?? [],
    presets: (d.point.ptz?.presets ?? [])
      .filter((p) => p.views?.length)
      .map((p) => ({
        name: p.name,
        position: { pan: p.pan, tilt: p.tilt, zoom: p.zoom },
        tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
        views: p.views!,
      })),
  };
}

/** Turns one inspection into the plain observation the diff compares. */
export function toObservation(pointId: string, inspection: Inspection<PointReads>, health: PingResult): Observation {
  const extra = inspection.extra;
  const deep = extra?.ok ? extra.value : null;
  const nic = deep?.interfaces?.[0];
  const probe = inspection.streamInfo?.probe;
  const failedReads = deep ? [...deep.failed] : [];
  if (extra && !extra.ok)
    failedReads.push({ operation: 'reading settings', reason: String((extra.error as Error)?.message ?? extra.error) });
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
          mode: inspection.time?.type ?? null,
          timezone: inspection.time?.timezone ?? null,
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
    recording: deep?.recordings ?? null,
    stream: probe
      ? { ok: probe.ok, codec: probe.codec, width: probe.width, height: probe.height, error: probe.error }
      : inspection.streamError !== null
        ? { ok: false, codec: null, width: null, height: null, error: inspection.streamError }
        : null,
    // The view of a camera that did not answer (or refused us) was not looked at.
    view: health.state === 'ok' ? (deep?.view ?? null) : null,
    failedReads,
  };
}

/**
 * The reads a point needs: what its desired state manages. The plan, the stale-plan check and the
 * verification all read the same things, so a fingerprint compares like with like.
 */
export function readsFor(d: DesiredPoint): ReadPlan {
  const presets = (d.point.ptz?.presets?.length ?? 0) > 0;
  return {
    ntp: Boolean(d.defaults.ntpServer),
    dns: Boolean(d.defaults.dns),
    gateway: Boolean(d.defaults.gateway),
    presets,
    position: presets,
    recording: d.recording !== null,
    // Options are only consulted to check a change, so only an encoder that differs needs them.
    encoderOptionsFor: (profiles) =>
      d.streams.flatMap((spec) => {
        const encoder = profileFor(profiles, spec)?.encoder;
        return encoder && encoderChangeFor(encoder, spec) ? [encoder.token] : [];
      }),
  };
}

/** How the view check of a run is done: where references come from, the deadline, who keeps snapshots. */
interface ViewCheck {
  references: ReferenceLoader | undefined;
  timeoutMs: number;
  keepSnapshot?: (pointId: string, jpeg: Buffer) => void;
}

/** The inspection target of a point: its camera, credentials and policy, and the reads its inventory needs. */
function targetOf(
  d: DesiredPoint,
  credentials: Credentials | undefined,
  views: ViewCheck,
  memory?: CameraMemory,
  recordings = true,
): InspectTarget<PointReads> {
  const needed = readsFor(d);
  const plan = { ...needed, recording: needed.recording && recordings };
  const viewPlan = viewPlanOf(d);
  const references = views.references;
  return {
    target: d.point.id,
    endpoint: d.endpoint,
    credentials,
    policy: d.policy,
    memory,
    extra: async (client: OnvifClient, early: EarlyReads) => {
      // One GetStatus serves the preset comparison and the view check.
      const wantsPosition = plan.position || (references !== undefined && viewPlan.presets.length > 0);
      const position = wantsPosition ? headPosition(client, early) : Promise.resolve(null);
      position.catch(() => undefined);
      const access = { endpoint: d.endpoint, credentials, policy: d.policy };
      const keep = views.keepSnapshot && ((jpeg: Buffer) => views.keepSnapshot!(d.point.id, jpeg));
      const [deep, view] = await Promise.all([
        readDeep(client, early, plan, position),
        references
          ? readView(client, access, early, position, viewPlan, references, { timeoutMs: views.timeoutMs, keep, kept: memory?.snapshot })
          : // Views not compared: the report still wants what the camera sees.
            keep
            ? keepSnapshot(client, access, early, views.timeoutMs, keep, memory?.snapshot).then(() => null)
            : Promise.resolve(null),
      ]);
      return { ...deep, view };
    },
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
  const views: ViewCheck = { references: options.references, timeoutMs: options.timeoutMs, keepSnapshot: options.keepSnapshot };
  const targets = await Promise.all(points.map(async (d) => targetOf(d, await options.credentials.forProfile(d.credentialProfile), views)));
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
      maxSkewSeconds: Number.POSITIVE_INFINITY,
      slowMs: Number.POSITIVE_INFINITY,
      signal: options.signal,
    },
    (_i, _h, done) => options.onProgress?.(done, targets.length),
  );
  const observations = new Map<string, Observation>();
  for (const { inspection, health } of inspected)
    observations.set(inspection.target.target, toObservation(inspection.target.target, inspection, health));
  return { observations, devices: await discovering };
}

export interface ObserveOneOptions {
  timeoutMs: number;
  rtspPort: number;
  /** Reference views to compare with; without them the view is not looked at. */
  references?: ReferenceLoader;
  signal?: AbortSignal;
  /** What the watch keeps of the camera between checks. */
  memory?: CameraMemory;
  /** Read the recordings the inventory requires (default true; the watch reads them when due). */
  recordings?: boolean;
}

/**
 * Looks at one camera again (no ICMP), for verification after apply, the stale-plan check and the watch
 * (which hands in what it keeps of the camera between checks).
 */
export async function observeOne(d: DesiredPoint, credentials: Credentials | undefined, options: ObserveOneOptions): Promise<Observation> {
  const { timeoutMs, rtspPort, references, signal, memory, recordings = true } = options;
  const inspection = await inspectCamera(targetOf(d, credentials, { references, timeoutMs }, memory, recordings), {
    timeoutMs,
    rtspPort,
    signal,
  });
  const health = healthResult(
    inspection,
    { ip: d.endpoint.host, result: { kind: 'not-sent' } },
    { maxSkewSeconds: Number.POSITIVE_INFINITY, slowMs: Number.POSITIVE_INFINITY },
  );
  return toObservation(d.point.id, inspection, health);
}
