import type { ChallengeAnswerer } from '../auth/digest-client.js';
import type { ServiceEntry } from '../onvif/device.js';

/** A snapshot address as last used: the URI of a profile, and its Digest challenge, answered without a 401 first. */
export interface KeptSnapshot {
  uri?: { profile: string; uri: string };
  answerer?: ChallengeAnswerer;
}

/**
 * What a long-running watch keeps of one camera between its checks, so a check asks only what can change:
 * where its services are (GetServices) and where its snapshots are, with their Digest challenge. Kept only
 * through clean checks: an error forgets it all, and the next check reads everything afresh; a kept snapshot
 * address that stops answering is asked for again in the same check.
 */
export class CameraMemory {
  services: ServiceEntry[] | undefined;
  snapshot: KeptSnapshot = {};

  forget(): void {
    this.services = undefined;
    this.snapshot = {};
  }
}
