import { createServer, type Server } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { DigestAuthority } from './auth/digest-authority.js';
import { NonceCache } from './auth/ws-security.js';
import { DEFAULT_PROFILES } from './defaults.js';
import type { DiscoveryAdvert, Sequence } from './discovery/messages.js';
import type { DiscoveryMember, DiscoveryResponder } from './discovery/responder.js';
import { type HttpCamera, handleHttp, SERVICE_PATHS, SNAPSHOT_PATH } from './http-handler.js';
import {
  type AuthMode,
  type CameraFaults,
  type CameraIdentity,
  type CameraState,
  type DigestAlgorithm,
  type FaultChanges,
  withFaultChanges,
} from './model.js';
import { DEFAULT_STORAGE, type RecordedSpan, recordedSpan, type StorageModel } from './storage.js';
import type { Persona } from './persona.js';
import { EventHub, type SimEvent } from './events/hub.js';
import { TOPIC, tamperTopics } from './events/topics.js';
import { PtzHead } from './ptz-head.js';
import { createRtspServer } from './rtsp-server.js';
import { describeSdp } from './sdp.js';
import type { ServiceName } from './services/service-name.js';
import { renderSnapshot } from './scene/render.js';
import { posixTzOffsetMs } from './timezone.js';

/** A small integer from a string, to tell cameras apart. */
const hashUnitOf = (text: string): number => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
import { DESCRIPTION_PATH, type UpnpAdvert } from './upnp/description.js';
import type { SsdpMember } from './upnp/ssdp-responder.js';

/** I/O a camera takes from outside, so tests and benchmarks can control time and chance. */
export interface SimDeps {
  now: () => number;
  random: () => number;
}

export interface SimCameraOptions {
  name: string;
  username: string;
  password: string;
  auth: AuthMode;
  digestAlgorithms: DigestAlgorithm[];
  snapshotAuth: 'digest' | 'basic';
  persona: Persona;
  identity: CameraIdentity;
  location: string | undefined;
  media2: boolean;
  ptz: boolean;
  httpPort: number;
  rtspPort: number;
  ptzSpeed: number;
  rebootMs: number;
  state: CameraState;
  faults: CameraFaults;
  deps: SimDeps;
  discovery: DiscoveryResponder | undefined;
  /** Called after every change of persisted state. */
  onChange: () => void;
  /** Called with every SOAP request body received (tests validate what clients send). */
  onRequest?: (camera: string, body: string) => void;
  warn: (message: string) => void;
}

/** Public facts about a running simulated camera, as `startFleet` and `camfleet sim` report them. */
export interface SimCameraInfo {
  name: string;
  address: string;
  port: number;
  rtspPort: number;
  xaddr: string;
  username: string;
  password: string;
  endpointReference: string;
  serialNumber: string;
  mac: string;
  manufacturer: string;
  model: string;
  auth: AuthMode;
  streamUri: string;
  snapshotUri: string;
}

function listen(server: Server | NetServer, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      const bound = server.address();
      resolve(typeof bound === 'object' && bound ? bound.port : port);
    });
  });
}

function close(server: Server | NetServer | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/**
 * One simulated ONVIF camera: an HTTP server for its SOAP services and snapshots, an RTSP server,
 * and a place in the fleet's WS-Discovery responder. Faults switch its listeners on and off.
 */
export class SimCamera implements HttpCamera, DiscoveryMember, SsdpMember {
  readonly name: string;
  readonly identity: CameraIdentity;
  readonly location: string | undefined;
  readonly ptz: PtzHead;
  readonly nonces = new NonceCache();
  readonly realm: string;
  readonly httpDigest: DigestAuthority;
  readonly authMode: AuthMode;
  readonly snapshotAuth: 'digest' | 'basic';
  readonly persona: Persona;
  state: CameraState;
  faults: CameraFaults;

  private http: Server | undefined;
  private rtsp: NetServer | undefined;
  private readonly rtspDigest: DigestAuthority;
  private boundAddress: string | undefined;
  private inDiscovery = false;
  private rebooting = false;
  private stopped = false;
  private httpPort: number;
  private rtspPort: number;
  private messageNumber = 0;
  private readonly instanceId: number;
  private syncing: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: SimCameraOptions) {
    this.name = options.name;
    this.identity = options.identity;
    this.location = options.location;
    this.state = options.state;
    this.faults = { ...options.faults };
    this.authMode = options.auth;
    this.snapshotAuth = options.snapshotAuth;
    this.persona = options.persona;
    this.httpPort = options.httpPort;
    this.rtspPort = options.rtspPort;
    this.realm = `camfleet-sim ${options.name}`;
    this.httpDigest = new DigestAuthority(this.realm, options.digestAlgorithms, options.deps.now, options.persona.replayTolerant);
    this.rtspDigest = new DigestAuthority(this.realm, ['MD5'], options.deps.now);
    this.ptz = new PtzHead(this.state.position, options.deps.now, options.ptzSpeed);
    // WS-Discovery's InstanceId grows with each start, and differs between cameras started in one second.
    this.instanceId =
      ((Math.floor(options.deps.now() / 1000) & 0xffffff) * 256 + (hashUnitOf(options.identity.endpointReference) % 256)) >>> 0;
  }

  get address(): string {
    return this.state.network.address;
  }

  get hasMedia2(): boolean {
    return this.options.media2 && !this.persona.noMedia2;
  }

  get hasEvents(): boolean {
    // A persona that answers no events call (minimal) has no events service.
    return (this.persona.only?.events?.length ?? 1) > 0;
  }

  readonly events = new EventHub(() => this.cameraNow());
  private readonly stopController = new AbortController();
  readonly stopping: AbortSignal = this.stopController.signal;
  private motionTimer: NodeJS.Timeout | undefined;
  private motion = false;

  subscriptionUrl(id: string): string {
    return `${this.base()}${SERVICE_PATHS.subscription}/${id}`;
  }

  /**
   * While anyone subscribes, people and vehicles crossing the view raise MotionAlarm now and then (every
   * 5–15 s, on and off); with no subscription left the timer stops, so an idle fleet costs nothing.
   */
  eventsSubscribed(): void {
    if (this.motionTimer || this.stopped) return;
    const tick = () => {
      if (this.stopped || this.events.open === 0) {
        this.motionTimer = undefined;
        return;
      }
      this.motion = !this.motion;
      this.raise(TOPIC.motion, this.motion);
      this.motionTimer = setTimeout(tick, 5000 + this.random() * 10_000);
      this.motionTimer.unref();
    };
    this.motionTimer = setTimeout(tick, 2000 + this.random() * 8000);
    this.motionTimer.unref();
  }

  private raise(topic: string, state: boolean): void {
    const event: SimEvent = {
      topic,
      source: { name: 'Source', value: 'VideoSource_1' },
      data: { name: 'State', value: String(state) },
      utcMs: this.cameraNow(),
      operation: 'Changed',
    };
    this.events.publish(event);
  }

  get hasRecording(): boolean {
    // A persona that answers no search call (minimal) has no recording services.
    return !this.faults.noRecording && (this.persona.only?.search?.length ?? 1) > 0;
  }

  readonly storage: StorageModel = DEFAULT_STORAGE;

  recordedSpan(): RecordedSpan {
    return recordedSpan(this.storage, this.faults, this.cameraNow());
  }

  replayUrl(recordingToken: string): string {
    return `rtsp://${this.address}${this.rtspPort === 554 ? '' : `:${this.rtspPort}`}/replay/${encodeURIComponent(recordingToken)}`;
  }

  get hasPtz(): boolean {
    // A persona that answers no PTZ call has no PTZ service.
    return this.options.ptz && !this.faults.noPtz && (this.persona.only?.ptz?.length ?? 1) > 0;
  }

  random(): number {
    return this.options.deps.random();
  }

  cameraNow(): number {
    return this.options.deps.now() + this.state.clockOffsetMs;
  }

  /** The credentials the camera really checks (a re-keyed camera no longer takes the fleet's password). */
  credentials(): { username: string; password: string } {
    return {
      username: this.options.username,
      password: this.faults.wrongPassword ? `${this.options.password}-rekeyed` : this.options.password,
    };
  }

  delay(): Promise<void> {
    const ms = this.faults.latencyMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** Lets the fleet's request observer see a SOAP request. */
  observeRequest(body: string): void {
    this.options.onRequest?.(this.name, body);
  }

  latencyMs(): number {
    return this.faults.latencyMs;
  }

  /** Whether a WS-Discovery probe that was sent to it is lost on the way (the probe-loss fault). */
  probeLost(): boolean {
    return this.faults.probeLoss > 0 && this.random() < this.faults.probeLoss;
  }

  private base(): string {
    return `http://${this.address}${this.httpPort === 80 ? '' : `:${this.httpPort}`}`;
  }

  serviceUrl(service: ServiceName): string {
    return `${this.base()}${SERVICE_PATHS[service]}`;
  }

  snapshotUrl(profileToken: string): string {
    return `${this.base()}${SNAPSHOT_PATH}?profile=${encodeURIComponent(profileToken)}`;
  }

  streamUrl(profileToken: string): string {
    return `rtsp://${this.address}${this.rtspPort === 554 ? '' : `:${this.rtspPort}`}/stream/${encodeURIComponent(profileToken)}`;
  }

  scopes(): string[] {
    const scope = (kind: string, value: string): string => `onvif://www.onvif.org/${kind}/${encodeURIComponent(value)}`;
    return [
      'onvif://www.onvif.org/type/video_encoder',
      ...(this.hasPtz ? ['onvif://www.onvif.org/type/ptz'] : []),
      'onvif://www.onvif.org/Profile/Streaming',
      ...(this.hasMedia2 ? ['onvif://www.onvif.org/Profile/T'] : []),
      scope('hardware', this.identity.model),
      scope('name', this.name),
      ...(this.location ? [scope('location', this.location)] : []),
    ];
  }

  changed(): void {
    this.options.onChange();
  }

  /** State to persist: the head's current position is saved, so a restart keeps the aim. */
  snapshotState(): CameraState {
    return { ...this.state, position: this.ptz.position };
  }

  /** The camera's local time of day in hours: set by a fault, or its own clock in its own time zone. */
  private hourOfDay(): number {
    if (this.faults.timeOfDay !== undefined) return this.faults.timeOfDay;
    const local = new Date(this.cameraNow() + posixTzOffsetMs(this.state.timezone));
    return local.getUTCHours() + local.getUTCMinutes() / 60;
  }

  /** What the camera sees now, as a JPEG at the profile's resolution (fixed cameras included). */
  snapshot(profileToken: string): Promise<Buffer> | undefined {
    const profile = DEFAULT_PROFILES.find((p) => p.token === profileToken);
    const encoder = profile && this.state.encoders.find((e) => e.token === profile.encoderToken);
    if (!encoder) return undefined;
    return renderSnapshot({
      width: encoder.width,
      height: encoder.height,
      // A fixed camera looks where it was mounted: its head stays at home.
      position: this.ptz.position,
      tamper: this.faults.tampered,
      seed: parseInt(this.identity.serialNumber.slice(-6), 16) || 1,
      time: this.cameraNow() / 1000,
      hour: this.hourOfDay(),
      infrared: true,
      random: () => this.options.deps.random(),
    });
  }

  describeStream(path: string): string | undefined {
    const profile = DEFAULT_PROFILES.find((p) => path === `/stream/${p.token}`);
    const encoder = profile && this.state.encoders.find((e) => e.token === profile.encoderToken);
    if (!encoder) return undefined;
    return describeSdp(encoder, this.address, `${this.name} ${profile.name}`, this.instanceId);
  }

  advert(): DiscoveryAdvert | undefined {
    if (this.faults.offline || this.faults.onvifOff || this.rebooting || this.stopped || !this.state.network.discoverable) return undefined;
    return this.identityAdvert();
  }

  /** UPnP answers need the web server (it serves the description), not ONVIF. */
  upnpAdvert(): UpnpAdvert | undefined {
    if (this.faults.offline || this.faults.httpDown || this.rebooting || this.stopped || !this.http) return undefined;
    return {
      udn: this.identity.endpointReference.replace(/^urn:uuid:/i, 'uuid:'),
      location: `${this.base()}${DESCRIPTION_PATH}`,
      friendlyName: this.name,
      manufacturer: this.identity.manufacturer,
      model: this.identity.model,
      serialNumber: this.identity.serialNumber,
    };
  }

  /** The advert regardless of state: what a Bye says as the camera goes. */
  /** What a Bye says as the camera goes; a camera with ONVIF switched off says nothing. */
  private byeAdvert(): DiscoveryAdvert | undefined {
    return this.faults.onvifOff ? undefined : this.identityAdvert();
  }

  private identityAdvert(): DiscoveryAdvert {
    return {
      endpointReference: this.identity.endpointReference,
      scopes: this.scopes(),
      xaddrs: [this.serviceUrl('device')],
      metadataVersion: 1,
    };
  }

  nextSequence(): Sequence {
    return { instanceId: this.instanceId, messageNumber: ++this.messageNumber };
  }

  info(): SimCameraInfo {
    return {
      name: this.name,
      address: this.address,
      port: this.httpPort,
      rtspPort: this.rtspPort,
      xaddr: this.serviceUrl('device'),
      username: this.options.username,
      password: this.options.password,
      endpointReference: this.identity.endpointReference,
      serialNumber: this.identity.serialNumber,
      mac: this.identity.mac,
      manufacturer: this.identity.manufacturer,
      model: this.identity.model,
      auth: this.authMode,
      streamUri: this.streamUrl(DEFAULT_PROFILES[0]!.token),
      snapshotUri: this.snapshotUrl(DEFAULT_PROFILES[0]!.token),
    };
  }

  /** Opens the camera's listeners; unlike later changes, a failure here (address or port taken) is thrown. */
  start(): Promise<void> {
    this.syncing = this.syncNow(true);
    return this.syncing;
  }

  async stop(sendBye = true): Promise<void> {
    this.stopped = true;
    this.stopController.abort();
    clearTimeout(this.motionTimer);
    this.events.reset();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // A start that failed (its port taken) has said so to its caller; stopping still closes what it opened.
    await this.syncing.catch(() => undefined);
    await this.closeListeners(sendBye);
  }

  /** Changes faults at run time; listeners open and close to match (offline, no HTTP, RTSP down). */
  setFaults(changes: FaultChanges): Promise<void> {
    const { clockSkewSeconds, ...rest } = changes;
    if (clockSkewSeconds !== undefined) this.state.clockOffsetMs = clockSkewSeconds * 1000;
    const before = new Set(this.raisedTamperTopics());
    this.faults = withFaultChanges(this.faults, rest);
    // Powered off, its subscriptions are gone; tampering raises (and its end clears) the tamper topics.
    if (this.faults.offline) this.events.reset();
    const after = new Set(this.raisedTamperTopics());
    for (const topic of after) if (!before.has(topic)) this.raise(topic, true);
    for (const topic of before) if (!after.has(topic)) this.raise(topic, false);
    return this.sync();
  }

  /** The tamper topics its analytics hold set now: none on a camera without tamper analytics. */
  private raisedTamperTopics(): string[] {
    return this.persona.tamperAnalytics ? tamperTopics(this.faults.tampered) : [];
  }

  reboot(): void {
    this.later(50, async () => {
      this.rebooting = true;
      this.events.reset();
      await this.sync();
      this.later(this.options.rebootMs, async () => {
        this.rebooting = false;
        await this.sync();
      });
    });
  }

  applyNetwork(): void {
    // After the reply to SetNetworkInterfaces has left through the old address.
    this.later(100, () => this.sync());
  }

  private later(ms: number, fn: () => unknown): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) void fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Brings the listeners in line with the camera's faults, reboot state and address; serialised. */
  private sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncNow(false)).catch((err: Error) => this.options.warn(`${this.name}: ${err.message}`));
    return this.syncing;
  }

  private async syncNow(throwOnError: boolean): Promise<void> {
    if (this.stopped) return;
    const up = !this.faults.offline && !this.rebooting;
    if (this.boundAddress !== undefined && this.boundAddress !== this.address) await this.closeListeners(true);
    const address = this.address;

    const wantHttp = up && !this.faults.httpDown;
    if (wantHttp && !this.http) {
      const server = createServer((req, res) => {
        handleHttp(this, req, res).catch((err: Error) => {
          this.options.warn(`${this.name}: ${err.stack ?? err.message}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
      });
      server.keepAliveTimeout = 5000;
      try {
        this.httpPort = await listen(server, this.httpPort, address);
        this.http = server;
      } catch (err) {
        const message = `${this.name}: cannot listen on ${address}:${this.httpPort} (${(err as Error).message})`;
        if (throwOnError) throw new Error(message);
        this.options.warn(message);
      }
    } else if (!wantHttp && this.http) {
      await close(this.http);
      this.http = undefined;
    }

    const wantRtsp = up && !this.faults.rtspDown;
    if (wantRtsp && !this.rtsp) {
      const server = createRtspServer(
        {
          describe: (path) => this.describeStream(path),
          credentials: () => this.credentials(),
          latencyMs: () => this.faults.latencyMs,
          rtspUp: () => !this.faults.rtspDown,
        },
        this.rtspDigest,
      );
      try {
        this.rtspPort = await listen(server, this.rtspPort, address);
        this.rtsp = server;
      } catch (err) {
        const message = `${this.name}: cannot listen for RTSP on ${address}:${this.rtspPort} (${(err as Error).message})`;
        if (throwOnError) throw new Error(message);
        this.options.warn(message);
      }
    } else if (!wantRtsp && this.rtsp) {
      await close(this.rtsp);
      this.rtsp = undefined;
    }

    this.boundAddress = address;
    const discovery = this.options.discovery;
    if (discovery && up && !this.inDiscovery) {
      this.inDiscovery = true;
      await discovery.join(this);
    } else if (discovery && !up && this.inDiscovery) {
      this.inDiscovery = false;
      // A reboot says Bye; a power cut (offline) says nothing.
      await discovery.leave(this, this.rebooting ? this.byeAdvert() : undefined);
    }
  }

  private async closeListeners(sendBye: boolean): Promise<void> {
    await Promise.all([close(this.http), close(this.rtsp)]);
    this.http = undefined;
    this.rtsp = undefined;
    if (this.inDiscovery && this.options.discovery) {
      this.inDiscovery = false;
      await this.options.discovery.leave(this, sendBye ? this.byeAdvert() : undefined);
    }
    this.boundAddress = undefined;
  }
}
