import { createServer } from 'node:net';
import { localInterfaces, onLocalSubnet } from '../discovery/interfaces.js';
import { allocateAddresses } from './addresses.js';
import { SimCamera, type SimCameraInfo, type SimDeps } from './camera.js';
import { defaultIdentity, defaultState } from './defaults.js';
import { DiscoveryResponder } from './discovery/responder.js';
import {
  NO_FAULTS,
  withFaultChanges,
  type AuthMode,
  type CameraIdentity,
  type CameraState,
  type DigestAlgorithm,
  type EncoderSettings,
  type FaultChanges,
  type NetworkState,
  type PtzPosition,
} from './model.js';
import { parseFaultSpec } from './fault-spec.js';
import { PERSONAS, type PersonaName } from './persona.js';
import { DEFAULT_PTZ_SPEED } from './ptz-head.js';
import { loadFleetState, saveFleetState } from './state-file.js';
import { SsdpResponder } from './upnp/ssdp-responder.js';

export const DEFAULT_USERNAME = 'admin';
/** The simulator's default password: simulated cameras only, never a real camera's. */
export const DEFAULT_PASSWORD = 'camfleet';

/** What one camera of a fleet should be, beyond the fleet's defaults. */
export interface CameraOverride {
  name?: string;
  address?: string;
  /** HTTP port for this camera, when it differs from the fleet's. */
  port?: number;
  identity?: Partial<CameraIdentity>;
  location?: string;
  auth?: AuthMode;
  media2?: boolean;
  ptz?: boolean;
  faults?: FaultChanges;
  /** How this camera behaves where real devices differ (default: the fleet's, else strict). */
  persona?: PersonaName;
  presets?: { name: string; pan: number; tilt: number; zoom: number }[];
  home?: PtzPosition;
  position?: PtzPosition;
  /** Encoder settings by encoder token (VideoEncoder_1 main, VideoEncoder_2 sub). */
  encoders?: Record<string, Partial<EncoderSettings>>;
  network?: Partial<NetworkState>;
  timezone?: string;
}

export interface FleetOptions {
  /** Number of cameras; defaults to the number of `cameras` overrides, else 3. */
  count?: number;
  /** First camera address; the others follow (127.0.1.1, 127.0.1.2, …). */
  addressBase?: string;
  /** Put every camera on this one address, on consecutive ports from `port`. */
  singleAddress?: string;
  /** HTTP port when 80 cannot be bound (and the first port in single-address mode); 0 for any free port. */
  port?: number;
  /** RTSP port when 554 cannot be bound (the first one in single-address mode); 0 for any free port. */
  rtspPort?: number;
  /** Try ports 80 and 554 first, as real cameras use (default true). */
  standardPorts?: boolean;
  username?: string;
  password?: string;
  auth?: AuthMode;
  digestAlgorithms?: DigestAlgorithm[];
  snapshotAuth?: 'digest' | 'basic';
  media2?: boolean;
  ptz?: boolean;
  /** Generic-space units per second of PTZ moves. */
  ptzSpeed?: number;
  rebootMs?: number;
  /** IPv4 addresses of the interfaces WS-Discovery listens and announces on (default 127.0.0.1). */
  interfaces?: string[];
  /** Answer WS-Discovery (default true). */
  discovery?: boolean;
  /**
   * Answer SSDP (UPnP) searches on the same interfaces, as many cameras do (default false: a test that
   * searches SSDP asks for it, and other tests' fleets stay silent).
   */
  ssdp?: boolean;
  maxReplyDelayMs?: number;
  /** Faults for every camera. */
  faults?: FaultChanges;
  /** The persona of every camera without its own (default strict). */
  persona?: PersonaName;
  cameras?: CameraOverride[];
  /** Persist state here across restarts (atomic writes). */
  statePath?: string;
  /** Seed for identities, so two fleets of the same names can differ. */
  seed?: string;
  deps?: Partial<SimDeps>;
  warn?: (message: string) => void;
  /** Sees every SOAP request body a camera receives (for tests that check what clients send). */
  onRequest?: (camera: string, body: string) => void;
}

/** A running fleet of simulated cameras. */
export interface Fleet {
  /** Facts about every camera, current (addresses change after a network change). */
  readonly cameras: SimCameraInfo[];
  /** The camera of this name or index, to change its faults or read its state. */
  camera(nameOrIndex: string | number): SimCamera;
  /** Applies a fault spec (`KIND[=VALUE][@CAMERAS]`, as `--fault`) at run time; returns the cameras changed. */
  applyFault(spec: string): Promise<string[]>;
  /** Takes every fault off these cameras (1-based numbers or names; all when none given); returns them. */
  clearFaults(targets?: string[]): Promise<string[]>;
  /** Event subscriptions open on a camera (by index), or on all of them. */
  openSubscriptions(index?: number): number;
  stop(): Promise<void>;
}

export async function canListen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function buildState(name: string, address: string, override: CameraOverride, saved: CameraState | undefined): CameraState {
  if (saved) return saved;
  const state = defaultState(name, address);
  if (override.network) Object.assign(state.network, override.network);
  if (override.timezone) state.timezone = override.timezone;
  if (override.home) state.home = { ...override.home };
  if (override.position) state.position = { ...override.position };
  for (const [token, settings] of Object.entries(override.encoders ?? {})) {
    const encoder = state.encoders.find((e) => e.token === token);
    if (encoder) Object.assign(encoder, settings);
  }
  for (const preset of override.presets ?? []) {
    state.presets.push({
      token: String(state.nextPresetNumber++),
      name: preset.name,
      position: { pan: preset.pan, tilt: preset.tilt, zoom: preset.zoom },
    });
  }
  return state;
}

/**
 * Starts a fleet of simulated ONVIF cameras, each on its own loopback address (or all on one address
 * with consecutive ports). Resolves once every camera is listening.
 */
export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const overrides = options.cameras ?? [];
  const count = options.count ?? (overrides.length || 3);
  const deps: SimDeps = { now: options.deps?.now ?? Date.now, random: options.deps?.random ?? Math.random };
  const warn = options.warn ?? (() => undefined);
  const single = options.singleAddress;
  const addresses = single ? Array<string>(count).fill(single) : allocateAddresses(options.addressBase ?? '127.0.1.1', count);
  const width = Math.max(3, String(count).length);

  const standard = options.standardPorts ?? !single;
  const first = overrides[0]?.address ?? addresses[0]!;
  const httpPort = standard && (await canListen(first, 80)) ? 80 : (options.port ?? (single ? 8000 : 8080));
  const rtspPort = standard && (await canListen(first, 554)) ? 554 : (options.rtspPort ?? (single ? 9000 : 8554));

  const saved = options.statePath ? await loadFleetState(options.statePath) : {};
  const interfaces = options.interfaces ?? ['127.0.0.1'];
  // A socket bound to a multicast group also hears that group on links other sockets of this host joined
  // (Linux's IP_MULTICAST_ALL): answer only senders on the fleet's own links, so no answer leaves elsewhere.
  const links = interfaces.map(
    (address) => localInterfaces().find((i) => i.address === address) ?? { name: address, address, prefixLength: 32, internal: false },
  );
  const onOurLinks = (sender: string): boolean => onLocalSubnet(sender, links);
  const discovery =
    options.discovery === false
      ? undefined
      : new DiscoveryResponder({ interfaces, maxReplyDelayMs: options.maxReplyDelayMs ?? 500, random: deps.random, warn, onOurLinks });
  await discovery?.start();
  let upnp = options.ssdp
    ? new SsdpResponder({ interfaces, maxReplyDelayMs: options.maxReplyDelayMs ?? 500, random: deps.random, warn, onOurLinks })
    : undefined;
  try {
    await upnp?.start();
  } catch (err) {
    // Port 1900 may be held by the host's own UPnP daemon without address reuse: go on without SSDP.
    warn(`cannot answer SSDP (${(err as Error).message}); the cameras answer WS-Discovery only`);
    await upnp?.stop();
    upnp = undefined;
  }

  const cameras: SimCamera[] = [];
  let saveTimer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const path = options.statePath;
    if (!path) return Promise.resolve();
    const states = Object.fromEntries(cameras.map((c) => [c.name, c.snapshotState()]));
    saving = saving.then(() => saveFleetState(path, states)).catch((err: Error) => warn(`cannot save simulator state: ${err.message}`));
    return saving;
  };
  const scheduleSave = (): void => {
    if (!options.statePath || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void save();
    }, 200);
  };

  for (let i = 0; i < count; i++) {
    const override = overrides[i] ?? {};
    const name = override.name ?? `cam-${String(i + 1).padStart(width, '0')}`;
    const address = override.address ?? addresses[i]!;
    const state = buildState(name, address, override, saved[name]);
    const { clockSkewSeconds: _fleetSkew, ...fleetFaults } = options.faults ?? {};
    const { clockSkewSeconds: _cameraSkew, ...cameraFaults } = override.faults ?? {};
    const faults = withFaultChanges(withFaultChanges(NO_FAULTS, fleetFaults), cameraFaults);
    const skew = override.faults?.clockSkewSeconds ?? options.faults?.clockSkewSeconds;
    if (skew !== undefined && !saved[name]) state.clockOffsetMs = skew * 1000;
    const persona = PERSONAS[override.persona ?? options.persona ?? 'strict'];
    cameras.push(
      new SimCamera({
        name,
        username: options.username ?? DEFAULT_USERNAME,
        password: options.password ?? DEFAULT_PASSWORD,
        auth: persona.auth ?? override.auth ?? options.auth ?? 'both',
        digestAlgorithms: persona.digestAlgorithms ?? options.digestAlgorithms ?? ['MD5', 'SHA-256'],
        persona,
        snapshotAuth: options.snapshotAuth ?? 'digest',
        // Name and address make the identity: stable across restarts, distinct between fleets.
        identity: { ...defaultIdentity(`${name}@${address}`, options.seed), ...override.identity },
        location: override.location,
        media2: override.media2 ?? options.media2 ?? true,
        ptz: override.ptz ?? options.ptz ?? true,
        httpPort:
          override.port !== undefined && override.port !== 80 ? override.port : single ? (httpPort === 0 ? 0 : httpPort + i) : httpPort,
        rtspPort: single ? (rtspPort === 0 ? 0 : rtspPort + i) : rtspPort,
        ptzSpeed: options.ptzSpeed ?? DEFAULT_PTZ_SPEED,
        rebootMs: options.rebootMs ?? 3000,
        state,
        faults,
        deps,
        discovery,
        onChange: scheduleSave,
        onRequest: options.onRequest,
        warn,
      }),
    );
  }

  for (const camera of cameras) upnp?.add(camera);
  try {
    await Promise.all(cameras.map((c) => c.start()));
  } catch (err) {
    // Everything opened so far is closed, whatever else fails, so the process can end (exit 2, not a linger).
    await Promise.allSettled(cameras.map((c) => c.stop(false)));
    await discovery?.stop();
    await upnp?.stop();
    throw err;
  }

  /** The cameras targets name (1-based numbers or names); all when undefined; an unknown one is a RangeError. */
  const camerasFor = (targets: string[] | undefined): SimCamera[] => {
    if (!targets) return cameras;
    return targets.map((t) => {
      const found = /^\d+$/.test(t) ? cameras[Number(t) - 1] : cameras.find((c) => c.name === t);
      if (!found) throw new RangeError(`no camera '${t}' (cameras are 1 to ${cameras.length}, or by name)`);
      return found;
    });
  };

  return {
    get cameras() {
      return cameras.map((c) => c.info());
    },
    camera(key) {
      const found = typeof key === 'number' ? cameras[key] : cameras.find((c) => c.name === key);
      if (!found) throw new RangeError(`no simulated camera '${key}'`);
      return found;
    },
    async applyFault(text) {
      const spec = parseFaultSpec(text);
      const chosen = camerasFor(spec.targets);
      await Promise.all(chosen.map((c) => c.setFaults(spec.changes)));
      return chosen.map((c) => c.name);
    },
    async clearFaults(targets) {
      const chosen = camerasFor(targets?.length ? targets : undefined);
      await Promise.all(chosen.map((c) => c.setFaults({ ...NO_FAULTS, clockSkewSeconds: 0 })));
      return chosen.map((c) => c.name);
    },
    openSubscriptions(index) {
      return (index === undefined ? cameras : [cameras[index]!]).reduce((n, c) => n + c.events.open, 0);
    },
    async stop() {
      if (saveTimer) clearTimeout(saveTimer);
      await save();
      await Promise.all(cameras.map((c) => c.stop(true)));
      await discovery?.stop();
      await upnp?.stop();
    },
  };
}
