import { loadInventory } from '../../src/inventory/load.js';
import { overridesFromInventory } from '../../src/sim/from-inventory.js';
import { startFleet, type CameraOverride, type Fleet } from '../../src/sim/index.js';
import { credentialsFile } from './credentials-file.js';
import { copySample } from './sample-copy.js';

/** A private copy of a sample site, its simulated cameras (with changes), and a credentials file. */
export interface ReconcileEnv {
  site: string;
  env: Record<string, string>;
  fleet: Fleet;
  extra: Fleet[];
  stop(): Promise<void>;
}

export async function reconcileEnv(
  octet: number,
  change: (c: CameraOverride) => CameraOverride = (c) => c,
  options: { ptzSpeed?: number; onRequest?: (camera: string, body: string) => void } = {},
): Promise<ReconcileEnv> {
  const sample = await copySample('tan-xuan-2', octet);
  const credentials = await credentialsFile('tan-xuan-2');
  // The sample's reference views were taken by day: its cameras show 11:00 (a test that wants night says so).
  const cameras = overridesFromInventory(await loadInventory(sample.dir))
    .map((c) => ({ ...c, faults: { timeOfDay: 11, ...c.faults } }))
    .map(change);
  const fleet = await startFleet({ cameras, ptzSpeed: options.ptzSpeed ?? 6, onRequest: options.onRequest });
  const extra: Fleet[] = [];
  return {
    site: sample.dir,
    env: { ...credentials.env },
    fleet,
    extra,
    async stop() {
      await Promise.all([fleet.stop(), ...extra.map((f) => f.stop())]);
      await sample.cleanup();
      await credentials.remove();
    },
  };
}
