import { parseDeviceAddress } from '../net/endpoint.js';
import type { DeviceIdentity, IgnoredDevice, LoadedFile, Point, PresetSpec, Site, SiteInventory, Street, ViewReference } from './model.js';

/** One inventory file to rewrite: the text it was read as, and its new document. */
export interface FileChange {
  path: string;
  kind: 'site' | 'street';
  before: string;
  doc: Site | Street;
  /** What changed, one line each, for the summary. */
  notes: string[];
}

/** The address text for `host` written the way the point wrote its old one (keeping a non-default port). */
export function rewriteAddress(old: string, host: string, port?: number | null): string {
  const endpoint = parseDeviceAddress(old);
  if (/^https?:\/\//i.test(old) && endpoint) return old.replace(endpoint.host, host);
  const keep = port ?? endpoint?.port ?? 80;
  return keep === 80 ? host : `${host}:${keep}`;
}

/** A lower-case slug for a point id, from a label or a device name. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'camera'
  );
}

/**
 * Edits an inventory in memory, file by file: each change works on a copy of the document as it was
 * read, and `changes()` lists the files to write (with the text they were read as, so the writer can
 * refuse a file that changed on disk meanwhile). Pure: no I/O.
 */
export class InventoryEditor {
  private readonly files = new Map<string, FileChange>();

  constructor(private readonly sites: SiteInventory[]) {}

  private fileOf(kind: 'site' | 'street', file: LoadedFile<Site | Street>): FileChange {
    let change = this.files.get(file.path);
    if (!change) {
      change = { path: file.path, kind, before: file.text, doc: structuredClone(file.doc), notes: [] };
      this.files.set(file.path, change);
    }
    return change;
  }

  /** The point with this id, as it stands after the edits so far, and the change that holds it. */
  private pointFor(pointId: string): { point: Point; change: FileChange } | undefined {
    for (const site of this.sites) {
      for (const file of site.streets) {
        if (!file.doc.points.some((p) => p.id === pointId)) continue;
        const change = this.fileOf('street', file);
        return { point: (change.doc as Street).points.find((p) => p.id === pointId)!, change };
      }
    }
    // A point added by an earlier edit.
    for (const change of this.files.values()) {
      const point = change.kind === 'street' ? (change.doc as Street).points.find((p) => p.id === pointId) : undefined;
      if (point) return { point, change };
    }
    return undefined;
  }

  private require(pointId: string): { point: Point; change: FileChange } {
    const found = this.pointFor(pointId);
    if (!found) throw new Error(`no point '${pointId}' in the inventory`);
    return found;
  }

  hasPoint(pointId: string): boolean {
    return this.pointFor(pointId) !== undefined;
  }

  /** Every point id in use, counting points added by edits. */
  pointIds(): Set<string> {
    const ids = new Set(this.sites.flatMap((s) => s.streets.flatMap((f) => f.doc.points.map((p) => p.id))));
    for (const change of this.files.values()) if (change.kind === 'street') for (const p of (change.doc as Street).points) ids.add(p.id);
    return ids;
  }

  /** `base`, or `base-2`, `base-3`, … : the first id not in use. */
  freeId(base: string): string {
    const taken = this.pointIds();
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  setAddress(pointId: string, host: string, port?: number | null): void {
    const { point, change } = this.require(pointId);
    const from = point.device.address;
    const to = rewriteAddress(from, host, port);
    if (to === from) return;
    point.device.address = to;
    change.notes.push(`${pointId}: address ${from} → ${to}`);
  }

  setIdentity(pointId: string, identity: DeviceIdentity): void {
    const { point, change } = this.require(pointId);
    if (JSON.stringify(point.device.identity ?? {}) === JSON.stringify(identity)) return;
    point.device.identity = identity;
    change.notes.push(`${pointId}: identity recorded${identity.serialNumber ? ` (serial ${identity.serialNumber})` : ''}`);
  }

  /** Adds a point to a street; returns false when there is no such street. */
  addPoint(streetId: string, point: Point, note = `${point.id}: new point`): boolean {
    for (const site of this.sites) {
      const file = site.streets.find((f) => f.doc.id === streetId);
      if (!file) continue;
      const change = this.fileOf('street', file);
      (change.doc as Street).points.push(point);
      change.notes.push(note);
      return true;
    }
    return false;
  }

  /** Records a preset for a point: replaces the one of that name, or adds it. */
  setPreset(pointId: string, preset: PresetSpec): void {
    const { point, change } = this.require(pointId);
    point.ptz ??= {};
    const presets = (point.ptz.presets ??= []);
    const index = presets.findIndex((p) => p.name === preset.name);
    const next = { ...(index === -1 ? {} : presets[index]), ...preset };
    if (index !== -1 && JSON.stringify(presets[index]) === JSON.stringify(next)) return;
    if (index === -1) presets.push(next);
    else presets[index] = next;
    change.notes.push(`${pointId}: preset '${preset.name}' at pan ${preset.pan} tilt ${preset.tilt} zoom ${preset.zoom}`);
  }

  /**
   * Records a reference view of a point (or of one of its presets): replaces the one of the same light,
   * or adds it. Returns whether it replaces one.
   */
  setView(pointId: string, preset: string | undefined, view: ViewReference): boolean {
    const { point, change } = this.require(pointId);
    const owner = preset === undefined ? point : point.ptz?.presets?.find((p) => p.name === preset);
    if (!owner) throw new Error(`point '${pointId}' has no preset '${preset}'`);
    const views = (owner.views ??= []);
    const index = views.findIndex((v) => v.light === view.light);
    if (index === -1) views.push(view);
    else views[index] = view;
    change.notes.push(`${pointId}${preset ? ` preset '${preset}'` : ''}: ${view.light} view ${view.file}`);
    return index !== -1;
  }

  /** Lists a device in the site's ignoredDevices (once per identity). */
  ignoreDevice(siteId: string, entry: IgnoredDevice): boolean {
    const site = this.sites.find((s) => s.site.doc.id === siteId);
    if (!site) return false;
    const change = this.fileOf('site', site.site);
    const list = ((change.doc as Site).ignoredDevices ??= []);
    if (list.some((d) => JSON.stringify(d.identity) === JSON.stringify(entry.identity))) return true;
    list.push(entry);
    change.notes.push(`${entry.address ?? 'a device'}: not part of the programme${entry.note ? ` (${entry.note})` : ''}`);
    return true;
  }

  /** The files that differ from what was read, in the order the edits first touched them. */
  changes(): FileChange[] {
    return [...this.files.values()].filter((c) => c.notes.length > 0);
  }
}
