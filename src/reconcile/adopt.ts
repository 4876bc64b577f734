import { parseDeviceAddress } from '../inventory/device-address.js';
import type { Point, SiteInventory, Street } from '../inventory/model.js';
import type { Plan } from './model.js';

export interface AdoptChange {
  /** The street file to rewrite, and its new document. */
  path: string;
  before: string;
  doc: Street;
  notes: string[];
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'camera';

/** The address text for `host` written the way the point wrote its old one (keeping a non-default port). */
function rewriteAddress(old: string, host: string): string {
  const endpoint = parseDeviceAddress(old);
  if (!endpoint) return host;
  if (/^https?:\/\//i.test(old)) return old.replace(endpoint.host, host);
  return endpoint.port === 80 ? host : `${host}:${endpoint.port}`;
}

/**
 * The inventory changes a plan's observations call for: a moved camera's new address, the identity of a
 * point that had none, and (with `street`) each unknown device as a new point. Pure: documents in, out.
 */
export function adoptChanges(plan: Plan, sites: SiteInventory[], newDevices: { street?: string; owner: Point['owner'] }): { changes: AdoptChange[]; notes: string[] } {
  const files = new Map<string, AdoptChange>();
  const notes: string[] = [];
  const fileOf = (path: string, doc: Street, before: string): AdoptChange => {
    let change = files.get(path);
    if (!change) {
      change = { path, before, doc: structuredClone(doc), notes: [] };
      files.set(path, change);
    }
    return change;
  };
  const locate = (pointId: string) => {
    for (const site of sites) {
      for (const file of site.streets) {
        const index = file.doc.points.findIndex((p) => p.id === pointId);
        if (index !== -1) return { site, file, index };
      }
    }
    return undefined;
  };

  for (const f of plan.findings.filter((f) => f.topic === 'moved' && f.pointId)) {
    const at = locate(f.pointId!);
    if (!at) continue;
    const change = fileOf(at.file.path, at.file.doc, at.file.text);
    const point = change.doc.points[at.index]!;
    const from = point.device.address;
    point.device.address = rewriteAddress(from, f.address);
    change.notes.push(`${point.id}: address ${from} → ${point.device.address}`);
  }

  for (const p of plan.points.filter((p) => p.observedIdentity)) {
    const at = locate(p.pointId);
    if (!at || at.file.doc.points[at.index]!.device.identity) continue;
    const change = fileOf(at.file.path, at.file.doc, at.file.text);
    const point = change.doc.points[at.index]!;
    const seen = p.observedIdentity!;
    const epr = plan.devices.find((d) => d.address === p.address)?.endpointReference ?? undefined;
    point.device.identity = {
      ...(seen.manufacturer ? { manufacturer: seen.manufacturer } : {}),
      ...(seen.model ? { model: seen.model } : {}),
      ...(seen.serialNumber ? { serialNumber: seen.serialNumber } : {}),
      ...(seen.mac ? { mac: seen.mac } : {}),
      ...(epr ? { endpointReference: epr.toLowerCase() } : {}),
    };
    change.notes.push(`${point.id}: identity recorded (serial ${seen.serialNumber})`);
  }

  const unknown = plan.findings.filter((f) => f.topic === 'unknown-device');
  if (unknown.length && !newDevices.street) {
    notes.push(`${unknown.length} unknown device${unknown.length === 1 ? '' : 's'} not added: give --into STREET to add ${unknown.length === 1 ? 'it' : 'them'} as new points`);
  } else if (unknown.length) {
    const target = sites.flatMap((s) => s.streets).find((s) => s.doc.id === newDevices.street);
    if (!target) {
      notes.push(`no street '${newDevices.street}' in the inventory: unknown devices not added`);
    } else {
      const change = fileOf(target.path, target.doc, target.text);
      const taken = new Set(sites.flatMap((s) => s.streets.flatMap((f) => f.doc.points.map((p) => p.id))));
      for (const f of unknown) {
        const device = plan.devices.find((d) => d.address === f.address);
        let id = slug(device?.name ?? device?.serialNumber ?? f.address);
        for (let n = 2; taken.has(id); n++) id = `${slug(device?.name ?? device?.serialNumber ?? f.address)}-${n}`;
        taken.add(id);
        const identity = {
          ...(device?.manufacturer ? { manufacturer: device.manufacturer } : {}),
          ...(device?.model ? { model: device.model } : {}),
          ...(device?.serialNumber ? { serialNumber: device.serialNumber } : {}),
          ...(device?.mac ? { mac: device.mac } : {}),
          ...(device?.endpointReference ? { endpointReference: device.endpointReference.toLowerCase() } : {}),
        };
        const port = device?.port && device.port !== 80 ? `:${device.port}` : '';
        change.doc.points.push({
          id,
          label: device?.name ? `${device.name} (found ${f.address})` : `${[device?.manufacturer, device?.model].filter(Boolean).join(' ') || 'Camera'} at ${f.address}`,
          owner: newDevices.owner,
          device: { address: `${f.address}${port}`, ...(Object.keys(identity).length ? { identity } : {}) },
          notes: 'Added by camfleet inventory adopt from a device found on the network; check its label, location and owner.',
        });
        change.notes.push(`${id}: new point for the device at ${f.address}`);
      }
    }
  }
  return { changes: [...files.values()], notes };
}
