import type { DeviceIdentity } from '../inventory/model.js';
import type { DesiredPoint } from './desired.js';
import type { Observation } from './model.js';

type SeenIdentity = { serialNumber: string | null; mac: string | null; endpointReference: string | null };

/** Whether a device seen on the network is the one an inventory identity describes (EPR, serial or MAC). */
export function sameDevice(id: DeviceIdentity | undefined, device: SeenIdentity): boolean {
  if (!id) return false;
  return (
    (id.endpointReference !== undefined && device.endpointReference?.toLowerCase() === id.endpointReference.toLowerCase()) ||
    (id.serialNumber !== undefined && device.serialNumber?.toUpperCase() === id.serialNumber.toUpperCase()) ||
    (id.mac !== undefined && device.mac?.toLowerCase() === id.mac.toLowerCase())
  );
}

/** Whether a discovered device is the camera a point's inventory identity describes. */
export function identityMatches(d: DesiredPoint, device: SeenIdentity): boolean {
  return sameDevice(d.point.device.identity, device);
}

/** The identity fields the inventory lists that the camera contradicts. */
export function identityConflicts(d: DesiredPoint, o: Observation): string[] {
  const id = d.point.device.identity;
  const seen = o.identity;
  if (!id || !seen) return [];
  const out: string[] = [];
  if (id.serialNumber && seen.serialNumber && id.serialNumber.toUpperCase() !== seen.serialNumber.toUpperCase())
    out.push(`serial ${seen.serialNumber} (inventory: ${id.serialNumber})`);
  if (id.mac && seen.mac && id.mac.toLowerCase() !== seen.mac.toLowerCase()) out.push(`MAC ${seen.mac} (inventory: ${id.mac})`);
  if (id.model && seen.model && id.model !== seen.model) out.push(`model ${seen.model} (inventory: ${id.model})`);
  return out;
}
