import { UserError } from '../errors.js';
import type { AuthMode } from '../sim/model.js';
import type { CameraOverride } from '../sim/index.js';

/** The options of `camfleet sim`, as commander parses them. */
export interface SimOptions {
  count: number;
  addressBase: string;
  singleAddress?: string;
  port?: number;
  rtspPort?: number;
  user: string;
  password?: string;
  auth: AuthMode;
  interface?: string[];
  discovery: boolean;
  ssdp: boolean;
  state?: string;
  ptzSpeed: number;
  fault?: string[];
  persona?: string[];
  inventory?: string;
}

/** The cameras an inventory describes, to simulate; a UserError when it describes none. */
export async function inventoryCameras(dir: string): Promise<CameraOverride[]> {
  const [{ loadInventory }, { overridesFromInventory }] = await Promise.all([
    import('../inventory/load.js'),
    import('../sim/from-inventory.js'),
  ]);
  const cameras = overridesFromInventory(await loadInventory(dir));
  if (cameras.length === 0)
    throw new UserError(`the inventory at ${dir} has no camera points`, { hint: 'add points to its streets/*.json files' });
  return cameras;
}
