import type { DiscoveredDevice } from '../discovery/model.js';
import { InventoryEditor, slug, type FileChange } from '../inventory/editor.js';
import type { DeviceIdentity, Owner, Point, SiteInventory } from '../inventory/model.js';
import type { Plan } from './model.js';
import { counted } from '../text/counted.js';

export interface AdoptOptions {
  /** Unknown devices become new points of this street; without it they are only listed. */
  street?: string;
  owner: Owner;
  /** ADDRESS → point id: the device found at ADDRESS is that point's camera (its address and identity). */
  assign?: Map<string, string>;
  /** ADDRESS → note: the device found at ADDRESS is not part of the programme. */
  ignore?: Map<string, string | undefined>;
  /** Today's date (YYYY-MM-DD), for ignored devices. */
  today: string;
}

/** What a device found on the network says it is, as the inventory writes an identity. */
export function identityOf(
  device: Pick<DiscoveredDevice, 'manufacturer' | 'model' | 'serialNumber' | 'mac' | 'endpointReference'>,
): DeviceIdentity {
  return {
    ...(device.manufacturer ? { manufacturer: device.manufacturer } : {}),
    ...(device.model ? { model: device.model } : {}),
    ...(device.serialNumber ? { serialNumber: device.serialNumber } : {}),
    ...(device.mac ? { mac: device.mac.toLowerCase() } : {}),
    ...(device.endpointReference ? { endpointReference: device.endpointReference.toLowerCase() } : {}),
  };
}

/** The device-service address text of a device found on the network (the port only when not 80). */
export const deviceAddress = (device: Pick<DiscoveredDevice, 'address' | 'port'>): string =>
  `${device.address}${device.port && device.port !== 80 ? `:${device.port}` : ''}`;

/** A new point for a device nobody surveyed yet: to be completed by hand (label, location). */
export function pointForDevice(device: DiscoveredDevice, id: string, owner: Owner): Point {
  const identity = identityOf(device);
  return {
    id,
    label: device.name
      ? `${device.name} (found ${device.address})`
      : `${[device.manufacturer, device.model].filter(Boolean).join(' ') || 'Camera'} at ${device.address}`,
    owner,
    device: { address: deviceAddress(device), ...(Object.keys(identity).length ? { identity } : {}) },
    notes: 'Added by camfleet inventory adopt from a device found on the network; check its label, location and owner.',
  };
}

/**
 * The inventory changes a plan's observations call for: a moved camera's new address, the identity of a
 * point that had none, devices assigned to points or marked as not ours, and (with `street`) each other
 * unknown device as a new point. Pure: documents in, documents out.
 */
export function adoptChanges(plan: Plan, sites: SiteInventory[], options: AdoptOptions): { changes: FileChange[]; notes: string[] } {
  const editor = new InventoryEditor(sites);
  const notes: string[] = [];
  const deviceAt = (address: string) => plan.devices.find((d) => d.address === address);
  const handled = new Set<string>();

  for (const [address, pointId] of options.assign ?? []) {
    const device = deviceAt(address);
    if (!device) notes.push(`--assign ${address}=${pointId}: no device was found at ${address}`);
    else if (!editor.hasPoint(pointId)) notes.push(`--assign ${address}=${pointId}: no point '${pointId}' in the inventory`);
    else {
      editor.setAddress(pointId, device.address, device.port);
      editor.setIdentity(pointId, identityOf(device));
      handled.add(address);
    }
  }

  for (const [address, note] of options.ignore ?? []) {
    const device = deviceAt(address);
    const identity = device && identityOf(device);
    if (!identity || !(identity.serialNumber || identity.mac || identity.endpointReference)) {
      notes.push(
        `--ignore ${address}: ${device ? 'the device there gave no serial, MAC or endpoint reference to recognise it by' : `no device was found at ${address}`}`,
      );
      continue;
    }
    const site = plan.findings.find((f) => f.address === address)?.site || sites[0]?.site.doc.id || '';
    editor.ignoreDevice(site, { identity, address, ...(note ? { note } : {}), date: options.today });
    handled.add(address);
  }

  for (const f of plan.findings.filter((f) => f.topic === 'moved' && f.pointId && !handled.has(f.address))) {
    if (editor.hasPoint(f.pointId!)) editor.setAddress(f.pointId!, f.address);
  }

  for (const p of plan.points.filter((p) => p.observedIdentity)) {
    const point = sites.flatMap((s) => s.streets.flatMap((f) => f.doc.points)).find((x) => x.id === p.pointId);
    if (!point || point.device.identity || [...(options.assign?.values() ?? [])].includes(p.pointId)) continue;
    const seen = p.observedIdentity!;
    editor.setIdentity(p.pointId, identityOf({ ...seen, endpointReference: deviceAt(p.address)?.endpointReference ?? null }));
  }

  const unknown = plan.findings.filter((f) => f.topic === 'unknown-device' && !handled.has(f.address));
  if (unknown.length && !options.street) {
    notes.push(
      `${counted(unknown.length, 'unknown device')} not added: give --into STREET to add ${unknown.length === 1 ? 'it' : 'them'} as new points`,
    );
  } else if (unknown.length) {
    for (const f of unknown) {
      const device = deviceAt(f.address);
      if (!device) continue;
      const id = editor.freeId(slug(device.name ?? device.serialNumber ?? f.address));
      if (!editor.addPoint(options.street!, pointForDevice(device, id, options.owner), `${id}: new point for the device at ${f.address}`)) {
        notes.push(`no street '${options.street}' in the inventory: unknown devices not added`);
        break;
      }
    }
  }
  return { changes: editor.changes(), notes };
}
