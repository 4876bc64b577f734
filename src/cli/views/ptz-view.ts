import type { PresetSetResult } from '../../device/ptz-ops.js';
import type { Position, Preset, PtzStatus } from '../../onvif/ptz.js';
import type { Cli } from '../context.js';
import { emit } from './device-view.js';
import { renderTable } from './table.js';

const at = (p: Position | undefined): string => (p ? `pan ${p.pan} tilt ${p.tilt} zoom ${p.zoom}` : '-');

export function renderPtzStatus(cli: Cli, target: string, s: PtzStatus): void {
  emit(
    cli,
    { target, ...s },
    () => `${at(s.position)}  (${s.moving ? 'moving' : 'idle'}: pan/tilt ${s.panTiltStatus}, zoom ${s.zoomStatus})`,
  );
}

export function renderPtzAction(cli: Cli, target: string, action: string, position: Position | null): void {
  emit(cli, { target, action, position }, () => (position ? `${action}: done, now at ${at(position)}` : `${action}: sent`));
}

export function renderPresets(cli: Cli, target: string, presets: Preset[]): void {
  emit(cli, { target, presets }, () =>
    presets.length === 0
      ? 'no presets'
      : renderTable(
          ['TOKEN', 'NAME', 'POSITION'],
          presets.map((p) => [p.token, p.name, at(p.position)]),
          (s) => cli.paint('bold', s),
        ),
  );
}

export function renderPresetSet(cli: Cli, target: string, r: PresetSetResult): void {
  emit(cli, { target, ...r }, () => `preset '${r.name}' ${r.outcome} (token ${r.token}) at ${at(r.position)}`);
}
