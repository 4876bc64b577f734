import type { XmlElement } from '../../xml/parse.js';
import type { CameraFaults, CameraIdentity, CameraState } from '../model.js';
import type { Persona } from '../persona.js';
import type { ServiceName } from './service-name.js';
import type { EventHub } from '../events/hub.js';
import type { PtzHead } from '../ptz-head.js';
import type { RecordedSpan, StorageModel } from '../storage.js';

/** What the SOAP service handlers may see and change of a simulated camera. */
export interface ServiceCamera {
  readonly name: string;
  readonly identity: CameraIdentity;
  readonly state: CameraState;
  readonly faults: CameraFaults;
  readonly location: string | undefined;
  readonly hasMedia2: boolean;
  readonly hasPtz: boolean;
  /** Records to its card, with the recording, search and replay services (Profile G). */
  readonly hasRecording: boolean;
  readonly storage: StorageModel;
  /** The footage on its card now, on its own clock. */
  recordedSpan(): RecordedSpan;
  replayUrl(recordingToken: string): string;
  /** Has the events service (PullPoint subscriptions). */
  readonly hasEvents: boolean;
  readonly events: EventHub;
  subscriptionUrl(id: string): string;
  /** A subscription was made: the camera starts raising motion while anyone listens. */
  eventsSubscribed(): void;
  /** Aborted when the camera stops: long polls end at once. */
  readonly stopping: AbortSignal;
  readonly ptz: PtzHead;
  /** How it behaves where real devices differ. */
  readonly persona: Persona;
  /** The camera's own clock (host clock plus its offset), in ms since the epoch. */
  cameraNow(): number;
  serviceUrl(service: ServiceName): string;
  snapshotUrl(profileToken: string): string;
  streamUrl(profileToken: string): string;
  scopes(): string[];
  /** Settings changed: persist them if the fleet keeps a state file. */
  changed(): void;
  /** Goes offline for the reboot time, then comes back (with any new network settings). */
  reboot(): void;
  /** Applies the network settings in `state.network` (for example a new address). */
  applyNetwork(): void;
}

export interface OperationContext {
  camera: ServiceCamera;
  /** The operation element, the first child of the SOAP Body. */
  request: XmlElement;
  /** The subscription a request to a subscription's address is for. */
  subscription?: string;
}

/** Returns the serialised response element (the SOAP Body's content) or throws a SoapFault. */
export type Handler = (ctx: OperationContext) => string | Promise<string>;
