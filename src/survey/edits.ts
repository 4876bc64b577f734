import { InventoryEditor, type FileChange } from '../inventory/editor.js';
import type { Point, SiteInventory } from '../inventory/model.js';
import { deviceAddress, identityOf } from '../reconcile/adopt.js';
import type { Decision } from './model.js';

/** The inventory files the survey's decisions change. Pure: the same decisions give the same files. */
export function surveyChanges(sites: SiteInventory[], decisions: Decision[], today: string): FileChange[] {
  const editor = new InventoryEditor(sites);
  for (const d of decisions) {
    switch (d.type) {
      case 'assign':
        editor.setAddress(d.pointId, d.device.address, d.device.port);
        editor.setIdentity(d.pointId, identityOf(d.device));
        break;
      case 'create': {
        const identity = identityOf(d.device);
        const location = d.point.location && Object.keys(d.point.location).length ? d.point.location : undefined;
        const point: Point = {
          id: d.point.id,
          label: d.point.label,
          ...(location ? { location } : {}),
          ...(d.point.facing !== undefined ? { facing: d.point.facing } : {}),
          ...(d.point.watches ? { watches: d.point.watches } : {}),
          owner: d.point.owner,
          device: { address: deviceAddress(d.device), ...(Object.keys(identity).length ? { identity } : {}) },
        };
        editor.addPoint(d.street, point, `${d.point.id}: new point for the device at ${d.device.address}`);
        break;
      }
      case 'ignore':
        editor.ignoreDevice(d.site, {
          identity: identityOf(d.device),
          address: d.device.address,
          ...(d.note ? { note: d.note } : {}),
          date: today,
        });
        break;
      case 'preset':
        editor.setPreset(d.pointId, { name: d.name, ...d.position });
        break;
      case 'view':
        editor.setView(d.pointId, undefined, d.view);
        break;
      case 'skip':
      case 'snapshot':
      case 'walked':
        break;
    }
  }
  return editor.changes();
}
