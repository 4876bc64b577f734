/** How a camera's view was tampered with, as the field does it. */
export type Tamper =
  | { kind: 'none' | 'covered' | 'bagged' | 'turned' | 'upside-down' | 'defocused' | 'sprayed' | 'nudged' }
  /** The camera was physically rotated by this many degrees (its PTZ positions with it). */
  | { kind: 'panned'; degrees: number };

/** How a simulated camera authenticates SOAP requests. */
export type AuthMode = 'ws-security' | 'digest' | 'both' | 'none';
export type DigestAlgorithm = 'MD5' | 'SHA-256';
export type Codec = 'H264' | 'H265' | 'JPEG';

/** A position in the generic PTZ spaces: pan and tilt in [-1, 1], zoom in [0, 1]. */
export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

export interface Resolution {
  width: number;
  height: number;
}

export interface Range {
  min: number;
  max: number;
}

/** The settings of one video encoder configuration. */
export interface EncoderSettings {
  token: string;
  name: string;
  codec: Codec;
  width: number;
  height: number;
  fps: number;
  bitrateKbps: number;
  gop: number;
  quality: number;
  /** Codec profile, e.g. Main or High for H.264, Main for H.265. */
  codecProfile: string;
}

/** What an encoder accepts (the camera's GetVideoEncoderConfigurationOptions). */
export interface EncoderLimits {
  codecs: Codec[];
  resolutions: Resolution[];
  fps: Range;
  bitrateKbps: Range;
  gop: Range;
  quality: Range;
}

export interface MediaProfileSpec {
  token: string;
  name: string;
  encoderToken: string;
}

export interface PresetState {
  token: string;
  name: string;
  position: PtzPosition;
}

export interface NetworkState {
  dhcp: boolean;
  address: string;
  prefixLength: number;
  gateway: string[];
  dnsFromDhcp: boolean;
  dns: string[];
  searchDomain: string[];
  ntpFromDhcp: boolean;
  ntp: string[];
  hostname: string;
  hostnameFromDhcp: boolean;
  discoverable: boolean;
}

/** Everything about a camera that it remembers across a restart (what `--state FILE` persists). */
export interface CameraState {
  network: NetworkState;
  /** Camera clock = host clock + this offset. */
  clockOffsetMs: number;
  dateTimeType: 'Manual' | 'NTP';
  timezone: string;
  encoders: EncoderSettings[];
  presets: PresetState[];
  nextPresetNumber: number;
  home: PtzPosition;
  position: PtzPosition;
}

export interface CameraIdentity {
  manufacturer: string;
  model: string;
  firmwareVersion: string;
  serialNumber: string;
  hardwareId: string;
  mac: string;
  /** WS-Discovery EndpointReference address, `urn:uuid:…`. */
  endpointReference: string;
}

/** Faults that make a simulated camera behave like a broken or quirky real one. */
export interface CameraFaults {
  /** Added to every HTTP, RTSP and unicast discovery answer. */
  latencyMs: number;
  /** Share (0..1) of HTTP requests left unanswered. */
  dropRate: number;
  /** Share (0..1) of the WS-Discovery probes it receives that never reach it (lossy multicast, Wi-Fi bridges). */
  probeLoss: number;
  /** Powered off: no HTTP, RTSP or discovery. */
  offline: boolean;
  /** Answers WS-Discovery but its web server is down. */
  httpDown: boolean;
  /** ONVIF switched off in the camera's settings: no WS-Discovery, no SOAP services; web server, RTSP and UPnP still answer. */
  onvifOff: boolean;
  /** Its real password differs from the one the fleet reports, as on a camera someone re-keyed. */
  wrongPassword: boolean;
  /** What was done to the camera's view (see scene/render.ts): covered, bagged, turned, panned, … */
  tampered: Tamper;
  /**
   * The local time of day the picture shows, in hours (22.5 is 22:30), whatever the camera's clock says;
   * undefined follows the camera's clock and time zone. Lets a test jump to night.
   */
  timeOfDay: number | undefined;
  /** The camera has no PTZ service. */
  noPtz: boolean;
  /** PTZ without AbsoluteMove (relative and continuous only). */
  noAbsoluteMove: boolean;
  /** SetVideoEncoderConfiguration answers OK but changes nothing (a known vendor behaviour). */
  ignoreEncoderChanges: boolean;
  /** SOAP replies are cut short and are not well-formed XML. */
  malformedXml: boolean;
  /** The RTSP server does not answer. */
  rtspDown: boolean;
  /** No recording, search or replay service (a camera without a card, or that records to an NVR). */
  noRecording: boolean;
  /** Recording stopped this many hours ago (switched off, a broken card). */
  recordingStoppedHours: number | undefined;
  /** The card keeps only this many days (a small card, or an old one written at a high rate). */
  retentionDays: number | undefined;
  /** The card filled and recording stopped (no overwrite), two days ago. */
  sdFull: boolean;
}

export const NO_FAULTS: CameraFaults = {
  latencyMs: 0,
  dropRate: 0,
  probeLoss: 0,
  offline: false,
  httpDown: false,
  onvifOff: false,
  wrongPassword: false,
  tampered: { kind: 'none' },
  timeOfDay: undefined,
  noPtz: false,
  noAbsoluteMove: false,
  ignoreEncoderChanges: false,
  malformedXml: false,
  rtspDown: false,
  noRecording: false,
  recordingStoppedHours: undefined,
  retentionDays: undefined,
  sdFull: false,
};

/** Fault changes as accepted by the API and the `--fault` flag; clockSkewSeconds resets the camera clock. */
export type FaultChanges = Partial<Omit<CameraFaults, 'tampered'>> & {
  clockSkewSeconds?: number;
  /** A tamper, or just its kind (`'covered'`) for those without a parameter. */
  tampered?: Tamper | Exclude<Tamper['kind'], 'panned'>;
};

/** The faults as the camera keeps them: a tamper given by its kind alone becomes a whole one. */
export function withFaultChanges(faults: CameraFaults, changes: Omit<FaultChanges, 'clockSkewSeconds'>): CameraFaults {
  const { tampered, ...rest } = changes;
  return {
    ...faults,
    ...rest,
    ...(tampered === undefined ? {} : { tampered: typeof tampered === 'string' ? { kind: tampered } : tampered }),
  };
}
