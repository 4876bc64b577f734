import type { OnvifClient } from '../onvif/client.js';
import * as device from '../onvif/device.js';
import { getEncoderOptions, type EncoderOptions, type MediaProfile } from '../onvif/media.js';
import { getPresets, getStatus, type Position, type Preset } from '../onvif/ptz.js';
import type { EarlyReads } from '../reach/inspect.js';
import { readRecordings } from '../recording/read.js';
import type { RecordingsRead } from '../recording/health.js';
import { displayText } from '../text/display.js';

/**
 * The reads reconciliation needs beyond a health check. Each costs a request per camera, so a point asks
 * only for what its inventory manages (no DNS read when no DNS is wanted; encoder options only for an
 * encoder to change).
 */
export interface ReadPlan {
  ntp: boolean;
  dns: boolean;
  gateway: boolean;
  /** The inventory lists PTZ presets: they must be read to be compared. */
  presets: boolean;
  /** Where the head points now (a PTZ camera's view is compared only at a preset). */
  position: boolean;
  /** The inventory requires the camera to record: its recordings are read (Profile G). */
  recording: boolean;
  /** The encoder tokens whose options are wanted, given the profiles; none when absent. */
  encoderOptionsFor?: (profiles: MediaProfile[]) => string[];
}

/** The name a failed recordings read is reported under (its finding belongs to the recording check). */
export const RECORDINGS_READ = 'reading recordings';

/** A read a comparison needed that the camera did not answer: the point cannot be called healthy. */
export interface ReadFailure {
  operation: string;
  reason: string;
}

/** What the reads found; a part is null when it was not asked for or could not be read (then it is in `failed`). */
export interface DeepReads {
  identity: device.DeviceInformation | null;
  interfaces: device.NetworkInterfaceInfo[] | null;
  ntp: string[] | null;
  dns: string[] | null;
  gateway: string[] | null;
  profiles: MediaProfile[] | null;
  encoderOptions: Record<string, EncoderOptions[]>;
  /** Whether the camera offers PTZ; null when its services could not be read. */
  ptz: boolean | null;
  presets: Preset[] | null;
  position: Position | null;
  /** What the camera keeps on its storage; null when not asked for or not read (then it is in `failed`). */
  recordings: RecordingsRead | null;
  failed: ReadFailure[];
}

const reason = (err: unknown): string => displayText(err instanceof Error ? err.message : String(err), 160);

/**
 * Reads what the plan compares, each read on its own: one that fails (a hang, malformed XML, an HTTP
 * 500, a refusal) is recorded with its reason and leaves the others standing. Encoder options are only
 * consulted to check a change, so their failure is not recorded.
 */
export async function readDeep(
  client: OnvifClient,
  early: EarlyReads,
  plan: ReadPlan,
  position: Promise<Position | null>,
): Promise<DeepReads> {
  const failed: ReadFailure[] = [];
  const needed = <T>(operation: string, p: Promise<T>): Promise<T | null> =>
    p.catch((err: unknown) => {
      failed.push({ operation, reason: reason(err) });
      return null;
    });
  const skipped = Promise.resolve(null);
  const [identity, interfaces, ntp, dns, gateway, services, profiles] = await Promise.all([
    needed('GetDeviceInformation', early.identity),
    needed('GetNetworkInterfaces', device.getNetworkInterfaces(client)),
    plan.ntp
      ? needed(
          'GetNTP',
          device.getNtp(client).then((n) => n.servers),
        )
      : skipped,
    plan.dns
      ? needed(
          'GetDNS',
          device.getDns(client).then((d) => d.servers),
        )
      : skipped,
    plan.gateway ? needed('GetNetworkDefaultGateway', device.getDefaultGateway(client)) : skipped,
    needed('GetServices', early.services),
    // Profiles follow the services; when those failed, the services failure says it all.
    early.services.then(
      () => needed('GetProfiles', early.profiles),
      () => null,
    ),
  ]);
  const ptz = services ? await ptzOf(client, early) : null;
  const ptzProfile = profiles?.find((p) => p.hasPtz);
  const encoderTokens = profiles ? [...new Set(plan.encoderOptionsFor?.(profiles) ?? [])] : [];
  const [presets, at, recordings, ...options] = await Promise.all([
    plan.presets && ptz && ptzProfile ? needed('GetPresets', getPresets(client, ptzProfile.token)) : skipped,
    plan.position ? needed('GetStatus', position) : skipped,
    // Ages are judged on the camera's clock: the inspection measured its offset from this host's. Replay
    // addresses are for people (`camfleet recordings`); no finding needs them.
    plan.recording && services
      ? needed(RECORDINGS_READ, readRecordings(client, services, Date.now() + (client.clockOffsetMs ?? 0), { replay: false }))
      : skipped,
    ...encoderTokens.map((token) => getEncoderOptions(client, token).catch(() => null)),
  ]);
  const encoderOptions: Record<string, EncoderOptions[]> = {};
  encoderTokens.forEach((token, i) => {
    if (options[i]) encoderOptions[token] = options[i]!;
  });
  return {
    identity,
    interfaces,
    ntp,
    dns,
    gateway,
    profiles,
    encoderOptions,
    ptz,
    presets: presets as Preset[] | null,
    position: (at as Position | null) ?? null,
    recordings: (recordings as RecordingsRead | null) ?? null,
    failed,
  };
}

/** Where the head points now, read once for the deep reads and the view check; null for a camera without PTZ. */
export async function headPosition(client: OnvifClient, early: EarlyReads): Promise<Position | null> {
  if (!(await ptzOf(client, early))) return null;
  const profile = (await early.profiles).find((p) => p.hasPtz);
  return profile ? (await getStatus(client, profile.token)).position : null;
}

const ptzChecks = new WeakMap<OnvifClient, Promise<boolean>>();

/** Whether the camera has PTZ (GetServices, else GetCapabilities when its profiles say PTZ), asked once per client. */
export function ptzOf(client: OnvifClient, early: EarlyReads): Promise<boolean> {
  let check = ptzChecks.get(client);
  if (!check) {
    check = Promise.all([early.services, early.profiles.catch(() => [])]).then(([services, profiles]) =>
      device.hasPtzService(
        client,
        services,
        profiles.some((p) => p.hasPtz),
      ),
    );
    ptzChecks.set(client, check);
  }
  return check;
}
