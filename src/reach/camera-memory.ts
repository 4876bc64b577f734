import type { ChallengeAnswerer } from '../auth/digest-client.js';
import type { ServiceEntry } from '../onvif/device.js';

/** A Digest challenge as last answered: the next request goes out answered, without a 401 first. */
export interface KeptChallenge {
  answerer?: ChallengeAnswerer;
}

/** A media address as last used (a snapshot's, a stream's): the URI of a profile, and its Digest challenge. */
export interface KeptAddress extends KeptChallenge {
  uri?: { profile: string; uri: string };
}

/**
 * What a long-running watch keeps of one camera between its checks, so a check asks only what can change:
 * where its services are (GetServices), where its snapshots and its stream are (GetSnapshotUri,
 * GetStreamUri), with their Digest challenges. While it is kept, the camera's ports are only checked when
 * ONVIF does not answer (inspect.ts). Kept only through clean checks: an error forgets it all, and the next
 * check reads everything afresh; a kept address that stops answering is asked for again in the same check.
 */
export class CameraMemory {
  services: ServiceEntry[] | undefined;
  snapshot: KeptAddress = {};
  stream: KeptAddress = {};

  /** Whether the last check was clean, so this one may build on what it kept. */
  get remembered(): boolean {
    return this.services !== undefined;
  }

  forget(): void {
    this.services = undefined;
    this.snapshot = {};
    this.stream = {};
  }
}
