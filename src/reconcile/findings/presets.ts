import { DEFAULT_POSITION_TOLERANCE as DEFAULT_TOLERANCE, positionDistance as distance, type Position } from '../../onvif/ptz.js';
import type { Finding } from '../model.js';
import type { TopicInput } from './context.js';

const fmt = (p: Position | undefined): string => (p ? `pan ${p.pan} tilt ${p.tilt} zoom ${p.zoom}` : 'no position');
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** The inventory's presets against the camera's: missing or moved ones are fixes; with `prune`, extra ones too. */
export function presetFindings({ d, o, finding }: TopicInput, prune: boolean): Finding[] {
  const presets = d.point.ptz?.presets ?? [];
  if (presets.length && o.ptz === false) {
    return [
      finding(
        'attention',
        'unsupported',
        'the inventory lists PTZ presets but the camera has no PTZ service',
        'a fixed camera was installed: correct the inventory or the camera',
      ),
    ];
  }
  if (!o.presets) return [];
  const out: Finding[] = [];
  for (const want of presets) {
    const target = { pan: want.pan, tilt: want.tilt, zoom: want.zoom };
    const tolerance = want.tolerance ?? DEFAULT_TOLERANCE;
    const have = o.presets.find((p) => p.name === want.name);
    if (!have) {
      out.push(
        finding('fix', 'preset', `preset '${want.name}' is missing`, 'apply moves the camera there and saves it', {
          type: 'set-preset',
          name: want.name,
          position: target,
          tolerance,
          token: null,
        }),
      );
    } else if (!have.position || !(distance(have.position, target) <= tolerance)) {
      const off = have.position ? round3(distance(have.position, target)) : '?';
      out.push(
        finding(
          'fix',
          'preset',
          `preset '${want.name}' is at ${fmt(have.position)}, wants ${fmt(target)} (off by ${off}, tolerance ${tolerance})`,
          'apply re-aims it',
          {
            type: 'set-preset',
            name: want.name,
            position: target,
            tolerance,
            token: have.token,
          },
        ),
      );
    }
  }
  // Only a point that manages presets (a ptz block with a presets list) has presets to prune: without
  // one, the inventory says nothing about them, which is not "none".
  if (prune && d.point.ptz?.presets !== undefined) {
    for (const extra of o.presets.filter((p) => !presets.some((w) => w.name === p.name))) {
      out.push(
        finding('fix', 'preset', `preset '${extra.name}' is not in the inventory`, 'apply --prune removes it', {
          type: 'remove-preset',
          name: extra.name,
          token: extra.token,
        }),
      );
    }
  }
  return out;
}

/** Home positions cannot be read over ONVIF: with --home, apply sets them on every reachable PTZ point that lists one. */
export function homeFindings({ d, o, finding }: TopicInput): Finding[] {
  const home = d.point.ptz?.home;
  if (!home || o.state !== 'ok') return [];
  return [
    finding(
      'fix',
      'home',
      `home position will be set to pan ${home.pan} tilt ${home.tilt} zoom ${home.zoom} (ONVIF cannot read it back)`,
      'apply --home sets it',
      {
        type: 'set-home',
        position: home,
      },
    ),
  ];
}
