import { UserError } from '../errors.js';
import type { ApplyWork } from './apply.js';
import { DEFAULT_POSITION_TOLERANCE as DEFAULT_TOLERANCE } from '../onvif/ptz.js';
import type { FixAction, Plan } from './model.js';
import type { Selection } from './selection.js';

/** Groups a plan's fixable findings into one unit of work per camera. */
export function workOf(plan: Plan, selection: Selection): ApplyWork[] {
  const work = new Map<string, ApplyWork>();
  for (const f of plan.findings) {
    if (f.kind !== 'fix' || !f.action || !f.pointId) continue;
    const point = selection.points.find((p) => p.point.id === f.pointId);
    if (!point) {
      throw new UserError(`the plan names point '${f.pointId}', which the inventory does not have`, {
        hint: 'make a new plan from the current inventory',
      });
    }
    const entry = work.get(f.pointId) ?? { point, actions: [] };
    entry.actions.push(f.action);
    work.set(f.pointId, entry);
  }
  return [...work.values()];
}

/** `ptz reaim`: to one preset (`preset`), or the inventory's presets saved on each camera (`save`). */
export function reaimWork(selection: Selection, what: { preset: string } | { save: true }): ApplyWork[] {
  const save = 'save' in what;
  return (
    selection.points
      // A preset goes to the cameras whose inventory lists it; --save to every PTZ point with presets.
      .filter((d) => (save ? d.point.ptz?.presets?.length : d.point.ptz?.presets?.some((p) => p.name === what.preset)))
      .map((d) => {
        const presets = d.point.ptz!.presets!;
        const actions: FixAction[] = save
          ? presets.map((p) => ({
              type: 'set-preset' as const,
              name: p.name,
              position: { pan: p.pan, tilt: p.tilt, zoom: p.zoom },
              tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
              token: null,
            }))
          : presets
              .filter((p) => p.name === what.preset)
              .map((p) => ({
                type: 'goto-preset' as const,
                name: p.name,
                position: { pan: p.pan, tilt: p.tilt, zoom: p.zoom },
                tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
              }));
        return { point: d, actions };
      })
  );
}
