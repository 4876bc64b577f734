// Generated from schemas/site.schema.json and schemas/street.schema.json by scripts/schema-types.mjs:
// do not edit. Change the schema, then run `npm run schema-types`.

/**
 * what the camera must keep on its own storage (ONVIF Profile G): false for a camera that records elsewhere (an NVR) or not at all
 */
export type Recording =
  | false
  | {
      /**
       * the footage must reach back at least this many days (default 7)
       */
      minRetentionDays?: number;
      /**
       * the newest footage may be at most this old, on the camera's clock (default 15)
       */
      maxSilenceMinutes?: number;
      /**
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` "^x-".
       */
      [extension: `x-${string}`]: unknown;
    };
/**
 * desired stream settings per media profile
 */
export type StreamDefaults = Stream[];
/**
 * reference views: what this camera (or preset) should see, one picture per light (day, night); the check compares with the best match
 *
 * @maxItems 8
 */
export type Views = {
  /**
   * the picture, relative to the site folder, such as views/tx2-gate-in.jpg
   */
  file: string;
  /**
   * when it was taken (the camera's clock, UTC)
   */
  takenAt: string;
  /**
   * the snapshot's resolution when taken, WIDTHxHEIGHT
   */
  resolution?: string;
  /**
   * by day, or at night (infrared)
   */
  light: 'day' | 'night';
  /**
   * This interface was referenced by `undefined`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}[];

export interface InventoryDocuments {
  site?: Site;
  street?: Street;
}
/**
 * site.json: who runs the cameras of this site, and the defaults for its street files
 */
export interface Site {
  /**
   * the path or URL of this schema, so editors validate while typing
   */
  $schema?: string;
  /**
   * the inventory format version; this camfleet reads version 1
   */
  schemaVersion: 1;
  /**
   * lower-case letters, digits and single hyphens, such as tx2-gate-north
   */
  id: string;
  /**
   * the name people use for this site
   */
  name: string;
  country?: string;
  /**
   * province or centrally-run city
   */
  province?: string;
  district: string;
  /**
   * ward, commune or town
   */
  ward: string;
  /**
   * the residential group (tổ dân phố) or programme this inventory covers
   */
  residentialGroup: string;
  /**
   * who to call about these cameras
   */
  contact: {
    name: string;
    role?: string;
    /**
     * a phone number, digits with + ( ) . - and spaces
     */
    phone?: string;
    email?: string;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * the credential profiles this site's cameras may name (the passwords live outside the repository)
   *
   * Items: the name of a credential profile in ~/.config/camfleet/credentials.json (or $CAMFLEET_CREDENTIALS); never the password itself
   */
  credentialProfiles?: string[];
  /**
   * defaults for every street file of the site
   */
  defaults?: {
    /**
     * address ranges to sweep for cameras (a real site lists its LAN ranges)
     *
     * Items: an IPv4 range: A.B.C.D/PREFIX (CIDR) or A.B.C.D-E
     */
    networkRanges?: string[];
    /**
     * the name of a credential profile in ~/.config/camfleet/credentials.json (or $CAMFLEET_CREDENTIALS); never the password itself
     */
    credentialProfile?: string;
    access?: Access;
    recording?: Recording;
    /**
     * a host name or IPv4 address
     */
    ntpServer?: string;
    /**
     * the default gateway cameras must use (IPv4)
     */
    gateway?: string;
    /**
     * the DNS servers cameras must use (IPv4)
     */
    dns?: string[];
    /**
     * a POSIX TZ string as cameras take it, such as ICT-7 for Vietnam (UTC+7)
     */
    timezone?: string;
    /**
     * how far a camera clock may be off, in seconds
     */
    maxClockSkewSeconds?: number;
    streams?: StreamDefaults;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * devices on the site's networks that are not part of the programme (a neighbour's camera, a recorder): plan, check and survey do not report them
   */
  ignoredDevices?: {
    identity: DeviceIdentity;
    /**
     * where it was found (for people; the identity decides)
     */
    address?: string;
    /**
     * what it is, and who said it is not ours
     */
    note?: string;
    /**
     * when it was marked, YYYY-MM-DD
     */
    date?: string;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  }[];
  notes?: string;
  /**
   * This interface was referenced by `Site`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
/**
 * what this camera's credentials may be used for beyond the safe default (credentials only to the camera's own host, Digest with qop or WS-Security, https certificates checked)
 */
export interface Access {
  /**
   * which certificate an https:// camera may present, when it is not one the system trusts
   */
  tls?: {
    /**
     * the SHA-256 fingerprint of the camera's own certificate (pinned)
     */
    certificateSha256?: string;
    /**
     * accept any certificate: protects against listeners, not against an impostor
     */
    acceptAnyCertificate?: true;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * other hosts that may receive this camera's credentials, such as the NVR that serves its snapshots
   *
   * Items: a host name or IPv4 address
   */
  credentialHosts?: string[];
  /**
   * weaker authentication some cameras still ask for
   */
  legacyAuth?: {
    /**
     * answer HTTP Basic over plain HTTP (the password crosses the network readable)
     */
    basic?: boolean;
    /**
     * answer Digest without qop (RFC 2069), as many RTSP servers ask
     */
    digestWithoutQop?: boolean;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * This interface was referenced by `Access`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
/**
 * how one media profile of a camera must stream
 */
export interface Stream {
  /**
   * the media profile name (MainStream, SubStream) or token (Profile_1)
   */
  profile: string;
  /**
   * the video codec
   */
  codec?: 'H264' | 'H265' | 'JPEG';
  /**
   * WIDTHxHEIGHT in pixels, such as 1920x1080
   */
  resolution?: string;
  /**
   * frames per second
   */
  fps?: number;
  /**
   * the accepted bitrate range in kbit/s
   */
  bitrateKbps?: {
    min: number;
    max: number;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * group-of-pictures length (frames between key frames)
   */
  gop?: number;
  /**
   * This interface was referenced by `Stream`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
/**
 * what a camera says it is; any of these
 */
export interface DeviceIdentity {
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  /**
   * lower-case, colon-separated, such as 02:cf:7c:9f:17:be
   */
  mac?: string;
  /**
   * the WS-Discovery address, urn:uuid:…
   */
  endpointReference?: string;
  /**
   * This interface was referenced by `DeviceIdentity`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
export interface Street {
  /**
   * the path or URL of this schema, so editors validate while typing
   */
  $schema?: string;
  /**
   * the inventory format version; this camfleet reads version 1
   */
  schemaVersion: 1;
  /**
   * lower-case letters, digits and single hyphens, such as tx2-gate-north
   */
  id: string;
  /**
   * the street's name
   */
  name: string;
  /**
   * defaults for this street's points, over the site's
   */
  defaults?: {
    /**
     * the name of a credential profile in ~/.config/camfleet/credentials.json (or $CAMFLEET_CREDENTIALS); never the password itself
     */
    credentialProfile?: string;
    streams?: StreamDefaults;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * the camera points of this street
   */
  points: Point[];
  notes?: string;
  /**
   * This interface was referenced by `Street`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
/**
 * one camera point: a place, what it watches, and the camera there
 */
export interface Point {
  /**
   * lower-case letters, digits and single hyphens, such as tx2-gate-north
   */
  id: string;
  /**
   * a short description people recognise
   */
  label: string;
  location?: {
    latitude?: number;
    longitude?: number;
    address?: string;
    /**
     * what the camera is mounted on
     */
    mounting?: 'gate' | 'pole' | 'facade' | 'wall' | 'roof' | 'indoor' | 'other';
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  /**
   * compass bearing the camera faces, in degrees (0 north, 90 east)
   */
  facing?: number;
  /**
   * what the camera is there to watch
   */
  watches?: 'gate' | 'road' | 'junction' | 'alley' | 'entrance' | 'parking' | 'playground' | 'market' | 'other';
  /**
   * who owns the camera
   */
  owner: 'public' | 'household' | 'business';
  /**
   * the camera at this point
   */
  device: {
    /**
     * host, host:port, or the device service URL (http://host/onvif/device_service)
     */
    address: string;
    identity?: DeviceIdentity;
    /**
     * the name of a credential profile in ~/.config/camfleet/credentials.json (or $CAMFLEET_CREDENTIALS); never the password itself
     */
    credentialProfile?: string;
    access?: Access;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  streams?: StreamDefaults;
  views?: Views;
  recording?: Recording;
  /**
   * where a PTZ camera must be able to point
   */
  ptz?: {
    presets?: {
      /**
       * the preset name on the camera, such as road
       */
      name: string;
      /**
       * pan in the generic space, -1 to 1
       */
      pan: number;
      /**
       * tilt in the generic space, -1 to 1
       */
      tilt: number;
      /**
       * zoom in the generic space, 0 to 1
       */
      zoom: number;
      /**
       * how far the camera's preset may be from this, in generic units (default 0.02)
       */
      tolerance?: number;
      views?: Views;
      /**
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` "^x-".
       */
      [extension: `x-${string}`]: unknown;
    }[];
    home?: Position;
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^x-".
     */
    [extension: `x-${string}`]: unknown;
  };
  tags?: string[];
  notes?: string;
  /**
   * This interface was referenced by `Point`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
/**
 * a PTZ position in the generic spaces: pan and tilt from -1 to 1, zoom from 0 to 1
 */
export interface Position {
  /**
   * pan in the generic space, -1 to 1
   */
  pan: number;
  /**
   * tilt in the generic space, -1 to 1
   */
  tilt: number;
  /**
   * zoom in the generic space, 0 to 1
   */
  zoom: number;
  /**
   * This interface was referenced by `Position`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [extension: `x-${string}`]: unknown;
}
