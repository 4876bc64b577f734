import type { AuthMode, DigestAlgorithm } from './model.js';
import { expandTargets } from './fault-spec.js';
import type { ServiceName } from './services/service-name.js';

/**
 * How a simulated camera behaves where real devices differ, named for the behaviour, never a vendor.
 * Data, applied by the services and the HTTP layer: the field is more varied than the standard.
 */
export interface Persona {
  name: PersonaName;
  /** The only operations that exist, per service; absent: all the simulator has. Others are ActionNotSupported. */
  only?: Partial<Record<ServiceName, readonly string[]>>;
  /** No GetServices (ActionNotSupported), as on devices older than ONVIF 2.0: services are in GetCapabilities alone. */
  servicesInCapabilitiesOnly: boolean;
  /** No Media2 service. */
  noMedia2: boolean;
  /** Replies put the tt: children in the service's own namespace, as lenient servers do (not schema-valid). */
  lenientNamespaces: boolean;
  auth: AuthMode | undefined;
  digestAlgorithms: DigestAlgorithm[] | undefined;
  /** A reused WS-Security nonce (or Digest nonce count) is accepted, as some servers do. */
  replayTolerant: boolean;
  /** Every reply says Connection: close. */
  closeAfterReply: boolean;
  /** SetPreset and moves are accepted and forgotten: the head never moves. */
  statelessPresets: boolean;
  /** Recording search results name each recording and little else (no tracks, no times, status Unknown). */
  sparseSearchResults: boolean;
  /**
   * The camera's analytics raise tamper alarms (scene change, too dark, too bright, too blurry) and its
   * GetEventProperties lists them. False: motion alone, as on many small cameras, which leaves the view to
   * the watch's own checks.
   */
  tamperAnalytics: boolean;
}

export const PERSONA_NAMES = [
  'strict',
  'capabilities-only',
  'minimal',
  'lenient-namespaces',
  'no-auth',
  'digest-md5-only',
  'replay-tolerant',
  'close-after-reply',
  'stateless-presets',
  'sparse-search',
  'motion-only-events',
] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

const STRICT: Persona = {
  name: 'strict',
  servicesInCapabilitiesOnly: false,
  noMedia2: false,
  lenientNamespaces: false,
  auth: undefined,
  digestAlgorithms: undefined,
  replayTolerant: false,
  closeAfterReply: false,
  statelessPresets: false,
  sparseSearchResults: false,
  tamperAnalytics: true,
};

/** The mandatory Profile S calls a minimal device answers; everything else is ActionNotSupported. */
const MINIMAL_OPERATIONS: Partial<Record<ServiceName, readonly string[]>> = {
  device: [
    'GetSystemDateAndTime',
    'SetSystemDateAndTime',
    'GetDeviceInformation',
    'GetCapabilities',
    'GetNetworkInterfaces',
    'SetNetworkInterfaces',
    'GetNetworkDefaultGateway',
    'SetNetworkDefaultGateway',
    'GetDNS',
    'SetDNS',
    'GetHostname',
    'SetHostname',
    'SystemReboot',
  ],
  media: [
    'GetProfiles',
    'GetProfile',
    'GetStreamUri',
    'GetVideoEncoderConfigurations',
    'GetVideoEncoderConfiguration',
    'GetVideoEncoderConfigurationOptions',
    'SetVideoEncoderConfiguration',
    'GetVideoSources',
  ],
  ptz: [],
  recording: [],
  search: [],
  replay: [],
  events: [],
  subscription: [],
};

export const PERSONAS: Record<PersonaName, Persona> = {
  strict: STRICT,
  'capabilities-only': { ...STRICT, name: 'capabilities-only', servicesInCapabilitiesOnly: true, noMedia2: true },
  minimal: { ...STRICT, name: 'minimal', only: MINIMAL_OPERATIONS, noMedia2: true },
  'lenient-namespaces': { ...STRICT, name: 'lenient-namespaces', lenientNamespaces: true },
  'no-auth': { ...STRICT, name: 'no-auth', auth: 'none' },
  'digest-md5-only': { ...STRICT, name: 'digest-md5-only', auth: 'digest', digestAlgorithms: ['MD5'] },
  'replay-tolerant': { ...STRICT, name: 'replay-tolerant', replayTolerant: true },
  'close-after-reply': { ...STRICT, name: 'close-after-reply', closeAfterReply: true },
  'stateless-presets': { ...STRICT, name: 'stateless-presets', statelessPresets: true },
  'sparse-search': { ...STRICT, name: 'sparse-search', sparseSearchResults: true },
  'motion-only-events': { ...STRICT, name: 'motion-only-events', tamperAnalytics: false },
};

/** Whether a persona answers this operation at all. */
export function personaAnswers(persona: Persona, service: ServiceName, operation: string): boolean {
  if (persona.servicesInCapabilitiesOnly && operation === 'GetServices') return false;
  const only = persona.only?.[service];
  return only === undefined || only.includes(operation);
}

/** A reply as a lenient server writes it: the schema's tt: elements in the service's own namespace prefix. */
export function lenientReply(body: string, servicePrefix: string): string {
  return body.replace(/<(\/?)tt:/g, `<$1${servicePrefix}:`);
}

/** `--persona NAME[@CAMERAS]`, as `--fault` names cameras; throws RangeError listing the personas. */
export function parsePersonaSpec(text: string): { persona: PersonaName; targets: string[] | undefined } {
  const at = text.indexOf('@');
  const name = at === -1 ? text : text.slice(0, at);
  if (!(PERSONA_NAMES as readonly string[]).includes(name))
    throw new RangeError(`unknown persona '${name}'; personas: ${PERSONA_NAMES.join(', ')}`);
  return { persona: name as PersonaName, targets: at === -1 ? undefined : expandTargets(text.slice(at + 1)) };
}
