import { NS, XMLNS_TT as TT, xmlnsDefault } from '../soap/namespaces.js';
import { xmlEscape as x } from '../xml/escape.js';
import type { OnvifClient } from './client.js';
import { ProtocolError } from './errors.js';
import type { Reply } from './reply.js';

/** PTZ (ver20) calls of the facade, in the generic spaces: pan and tilt in [-1, 1], zoom in [0, 1]. */

const TPTZ = xmlnsDefault(NS.tptz);

export interface Position {
  pan: number;
  tilt: number;
  zoom: number;
}

/** How close counts as "there" when the inventory does not say: 0.02 of a generic unit (about 3.6° of a 360° pan). */
export const DEFAULT_POSITION_TOLERANCE = 0.02;

/**
 * How far `at` is from `asked`: the largest difference over the axes `asked` gives (all three for a full
 * position). NaN when a coordinate is not a number, so a garbled position is never "close enough".
 */
export function positionDistance(at: Position, asked: Partial<Position>): number {
  let off = 0;
  for (const axis of ['pan', 'tilt', 'zoom'] as const) {
    const want = asked[axis];
    if (want !== undefined) off = Math.max(off, Math.abs(at[axis] - want));
  }
  return off;
}

export const describePosition = (p: Partial<Position>): string =>
  (['pan', 'tilt', 'zoom'] as const)
    .filter((axis) => p[axis] !== undefined)
    .map((axis) => `${axis} ${p[axis]}`)
    .join(' ');

export interface PtzStatus {
  position: Position;
  moving: boolean;
  panTiltStatus: string;
  zoomStatus: string;
}

export interface Preset {
  token: string;
  name: string;
  position: Position | undefined;
}

export interface PtzNodeInfo {
  token: string;
  absolute: boolean;
  relative: boolean;
  continuous: boolean;
  maxPresets: number;
  homeSupported: boolean;
}

const vector = (p: Partial<Position>): string =>
  (p.pan !== undefined && p.tilt !== undefined ? `<tt:PanTilt ${TT} x="${p.pan}" y="${p.tilt}"/>` : '') +
  (p.zoom !== undefined ? `<tt:Zoom ${TT} x="${p.zoom}"/>` : '');

/** A position as the camera states it; a coordinate that is not a finite number is invalid data, never read as 0. */
function readPosition(r: Reply, action: string, endpoint: string): Position | undefined {
  const pt = r.child('PanTilt');
  const z = r.child('Zoom');
  if (!pt.exists && !z.exists) return undefined;
  const coordinate = (e: Reply, name: string): number => {
    if (e.attr(name) === undefined) return 0;
    const n = e.numberAttr(name);
    if (n === undefined)
      throw new ProtocolError(`the camera gave a position that is not a number (${name}="${e.attr(name)?.slice(0, 20)}")`, {
        endpoint,
        action,
      });
    return n;
  };
  return { pan: coordinate(pt, 'x'), tilt: coordinate(pt, 'y'), zoom: coordinate(z, 'x') };
}

const profile = (token: string): string => `<ProfileToken>${x(token)}</ProfileToken>`;

export async function getNodes(c: OnvifClient): Promise<PtzNodeInfo[]> {
  const r = await c.call('ptz', 'GetNodes', `<GetNodes ${TPTZ}/>`);
  return r.all('PTZNode').map((n) => {
    const spaces = n.child('SupportedPTZSpaces');
    return {
      token: n.attr('token') ?? '',
      absolute: spaces.child('AbsolutePanTiltPositionSpace').exists || spaces.child('AbsoluteZoomPositionSpace').exists,
      relative: spaces.child('RelativePanTiltTranslationSpace').exists,
      continuous: spaces.child('ContinuousPanTiltVelocitySpace').exists,
      maxPresets: n.number('MaximumNumberOfPresets') ?? 0,
      homeSupported: n.bool('HomeSupported') ?? false,
    };
  });
}

export async function getStatus(c: OnvifClient, profileToken: string): Promise<PtzStatus> {
  const r = (await c.call('ptz', 'GetStatus', `<GetStatus ${TPTZ}>${profile(profileToken)}</GetStatus>`)).child('PTZStatus');
  const panTiltStatus = r.text('MoveStatus', 'PanTilt') ?? 'UNKNOWN';
  const zoomStatus = r.text('MoveStatus', 'Zoom') ?? 'UNKNOWN';
  return {
    position: readPosition(r.child('Position'), 'GetStatus', c.endpoint.url) ?? { pan: 0, tilt: 0, zoom: 0 },
    moving: panTiltStatus === 'MOVING' || zoomStatus === 'MOVING',
    panTiltStatus,
    zoomStatus,
  };
}

export async function absoluteMove(c: OnvifClient, profileToken: string, to: Partial<Position>): Promise<void> {
  await c.call('ptz', 'AbsoluteMove', `<AbsoluteMove ${TPTZ}>${profile(profileToken)}<Position>${vector(to)}</Position></AbsoluteMove>`);
}

export async function relativeMove(c: OnvifClient, profileToken: string, by: Partial<Position>): Promise<void> {
  await c.call(
    'ptz',
    'RelativeMove',
    `<RelativeMove ${TPTZ}>${profile(profileToken)}<Translation>${vector(by)}</Translation></RelativeMove>`,
  );
}

export async function continuousMove(c: OnvifClient, profileToken: string, velocity: Partial<Position>, timeoutMs: number): Promise<void> {
  const seconds = Math.max(0.1, timeoutMs / 1000);
  await c.call(
    'ptz',
    'ContinuousMove',
    `<ContinuousMove ${TPTZ}>${profile(profileToken)}<Velocity>${vector(velocity)}</Velocity><Timeout>PT${seconds}S</Timeout></ContinuousMove>`,
  );
}

export async function stop(c: OnvifClient, profileToken: string): Promise<void> {
  await c.call('ptz', 'Stop', `<Stop ${TPTZ}>${profile(profileToken)}<PanTilt>true</PanTilt><Zoom>true</Zoom></Stop>`);
}

export async function getPresets(c: OnvifClient, profileToken: string): Promise<Preset[]> {
  const r = await c.call('ptz', 'GetPresets', `<GetPresets ${TPTZ}>${profile(profileToken)}</GetPresets>`);
  return r.all('Preset').map((p) => ({
    token: p.attr('token') ?? '',
    name: p.text('Name') ?? '',
    position: readPosition(p.child('PTZPosition'), 'GetPresets', c.endpoint.url),
  }));
}

/** Saves the current position as a preset; with `token`, overwrites that preset instead of creating one. */
export async function setPreset(c: OnvifClient, profileToken: string, name: string, token?: string): Promise<string> {
  const tokenXml = token !== undefined ? `<PresetToken>${x(token)}</PresetToken>` : '';
  const r = await c.call(
    'ptz',
    'SetPreset',
    `<SetPreset ${TPTZ}>${profile(profileToken)}<PresetName>${x(name)}</PresetName>${tokenXml}</SetPreset>`,
  );
  return r.text('PresetToken') ?? token ?? '';
}

export async function gotoPreset(c: OnvifClient, profileToken: string, presetToken: string): Promise<void> {
  await c.call(
    'ptz',
    'GotoPreset',
    `<GotoPreset ${TPTZ}>${profile(profileToken)}<PresetToken>${x(presetToken)}</PresetToken></GotoPreset>`,
  );
}

export async function removePreset(c: OnvifClient, profileToken: string, presetToken: string): Promise<void> {
  await c.call(
    'ptz',
    'RemovePreset',
    `<RemovePreset ${TPTZ}>${profile(profileToken)}<PresetToken>${x(presetToken)}</PresetToken></RemovePreset>`,
  );
}

export async function gotoHome(c: OnvifClient, profileToken: string): Promise<void> {
  await c.call('ptz', 'GotoHomePosition', `<GotoHomePosition ${TPTZ}>${profile(profileToken)}</GotoHomePosition>`);
}

export async function setHome(c: OnvifClient, profileToken: string): Promise<void> {
  await c.call('ptz', 'SetHomePosition', `<SetHomePosition ${TPTZ}>${profile(profileToken)}</SetHomePosition>`);
}
