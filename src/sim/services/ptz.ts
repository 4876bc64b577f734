import { child, textAt, type XmlElement } from '../../xml/parse.js';
import { xmlEscape as x } from '../../xml/escape.js';
import { PTZ_SPACES } from '../../soap/namespaces.js';
import { parseDurationMs } from '../duration.js';
import type { PtzPosition } from '../model.js';
import { actionNotSupported, invalidArgVal } from '../soap/fault.js';
import { ptzConfiguration, ptzSpaces, ptzVector, PTZ_CONFIG_TOKEN, PTZ_NODE_TOKEN } from '../soap/tt.js';
import type { Handler, OperationContext, ServiceCamera } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { requireProfile } from './lookup.js';

export const MAX_PRESETS = 128;
const DEFAULT_TIMEOUT_MS = 5000;
const MAX_TIMEOUT_MS = 60_000;

function node(camera: ServiceCamera, tag: string): string {
  return (
    `<${tag} token="${PTZ_NODE_TOKEN}" FixedHomePosition="false"><tt:Name>PTZ</tt:Name>${ptzSpaces('tt:SupportedPTZSpaces', !camera.faults.noAbsoluteMove)}` +
    `<tt:MaximumNumberOfPresets>${MAX_PRESETS}</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported></${tag}>`
  );
}

/** Reads PanTilt and Zoom of a PTZVector or PTZSpeed, checking that any space given is one this node has. */
function readVector(el: XmlElement | undefined, spaces: { panTilt: string; zoom: string }): Partial<PtzPosition> {
  const panTilt = child(el, 'PanTilt');
  const zoom = child(el, 'Zoom');
  for (const [part, uri] of [
    [panTilt, spaces.panTilt],
    [zoom, spaces.zoom],
  ] as const) {
    if (part?.attrs.space !== undefined && part.attrs.space !== uri)
      throw invalidArgVal('SpaceNotSupported', `Space ${part.attrs.space} is not supported`);
  }
  const value = (v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) throw invalidArgVal('InvalidPosition', 'PanTilt and Zoom need numeric x (and y)');
    return n;
  };
  const out: Partial<PtzPosition> = {};
  if (panTilt) {
    out.pan = value(panTilt.attrs.x);
    out.tilt = value(panTilt.attrs.y);
  }
  if (zoom) out.zoom = value(zoom.attrs.x);
  return out;
}

function speedScale(request: XmlElement): number {
  const speed = readVector(child(request, 'Speed'), { panTilt: PTZ_SPACES.panTiltSpeed, zoom: PTZ_SPACES.zoomSpeed });
  return speed.pan ?? speed.zoom ?? 1;
}

function getNodes({ camera }: OperationContext): string {
  return `<tptz:GetNodesResponse>${node(camera, 'tptz:PTZNode')}</tptz:GetNodesResponse>`;
}

function getNode({ camera, request }: OperationContext): string {
  if (textAt(request, 'NodeToken') !== PTZ_NODE_TOKEN) throw invalidArgVal('NoEntity', 'No such PTZ node');
  return `<tptz:GetNodeResponse>${node(camera, 'tptz:PTZNode')}</tptz:GetNodeResponse>`;
}

function getConfigurations({ camera }: OperationContext): string {
  return `<tptz:GetConfigurationsResponse>${ptzConfiguration('tptz:PTZConfiguration', !camera.faults.noAbsoluteMove)}</tptz:GetConfigurationsResponse>`;
}

function getConfiguration({ camera, request }: OperationContext): string {
  if (textAt(request, 'PTZConfigurationToken') !== PTZ_CONFIG_TOKEN) throw invalidArgVal('NoConfig', 'No such PTZ configuration');
  return `<tptz:GetConfigurationResponse>${ptzConfiguration('tptz:PTZConfiguration', !camera.faults.noAbsoluteMove)}</tptz:GetConfigurationResponse>`;
}

function getConfigurationOptions({ camera, request }: OperationContext): string {
  if (textAt(request, 'ConfigurationToken') !== PTZ_CONFIG_TOKEN) throw invalidArgVal('NoConfig', 'No such PTZ configuration');
  return (
    `<tptz:GetConfigurationOptionsResponse><tptz:PTZConfigurationOptions>${ptzSpaces('tt:Spaces', !camera.faults.noAbsoluteMove)}` +
    `<tt:PTZTimeout><tt:Min>PT1S</tt:Min><tt:Max>PT60S</tt:Max></tt:PTZTimeout></tptz:PTZConfigurationOptions></tptz:GetConfigurationOptionsResponse>`
  );
}

function getStatus({ camera, request }: OperationContext): string {
  requireProfile(request);
  const s = camera.ptz.sample();
  const status = (moving: boolean): string => (moving ? 'MOVING' : 'IDLE');
  return (
    `<tptz:GetStatusResponse><tptz:PTZStatus>${ptzVector('tt:Position', s.position)}` +
    `<tt:MoveStatus><tt:PanTilt>${status(s.panTiltMoving)}</tt:PanTilt><tt:Zoom>${status(s.zoomMoving)}</tt:Zoom></tt:MoveStatus>` +
    `<tt:UtcTime>${new Date(camera.cameraNow()).toISOString().replace(/\.\d{3}Z$/, 'Z')}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>`
  );
}

function absoluteMove({ camera, request }: OperationContext): string {
  if (camera.faults.noAbsoluteMove) throw actionNotSupported('AbsoluteMove is not supported by this PTZ node');
  requireProfile(request);
  const target = readVector(child(request, 'Position'), { panTilt: PTZ_SPACES.absolutePanTilt, zoom: PTZ_SPACES.absoluteZoom });
  // Out of the generic spaces is refused, as the PTZ service specification asks, not clamped.
  const outside = (v: number | undefined, min: number): boolean => v !== undefined && (v < min || v > 1);
  if (outside(target.pan, -1) || outside(target.tilt, -1) || outside(target.zoom, 0)) {
    throw invalidArgVal('InvalidPosition', 'The requested position is out of bounds');
  }
  if (camera.persona.statelessPresets) return '<tptz:AbsoluteMoveResponse/>';
  const from = camera.ptz.position;
  camera.ptz.moveTo({ pan: target.pan ?? from.pan, tilt: target.tilt ?? from.tilt, zoom: target.zoom ?? from.zoom }, speedScale(request));
  camera.changed();
  return '<tptz:AbsoluteMoveResponse/>';
}

function relativeMove({ camera, request }: OperationContext): string {
  requireProfile(request);
  const delta = readVector(child(request, 'Translation'), { panTilt: PTZ_SPACES.relativePanTilt, zoom: PTZ_SPACES.relativeZoom });
  if (camera.persona.statelessPresets) return '<tptz:RelativeMoveResponse/>';
  camera.ptz.moveBy({ pan: delta.pan ?? 0, tilt: delta.tilt ?? 0, zoom: delta.zoom ?? 0 }, speedScale(request));
  camera.changed();
  return '<tptz:RelativeMoveResponse/>';
}

function continuousMove({ camera, request }: OperationContext): string {
  requireProfile(request);
  const velocity = readVector(child(request, 'Velocity'), { panTilt: PTZ_SPACES.continuousPanTilt, zoom: PTZ_SPACES.continuousZoom });
  const timeoutText = textAt(request, 'Timeout');
  const timeout = timeoutText === undefined ? DEFAULT_TIMEOUT_MS : parseDurationMs(timeoutText);
  if (timeout === undefined || timeout <= 0) throw invalidArgVal('InvalidArgVal', `Timeout '${timeoutText}' is not a positive duration`);
  camera.ptz.moveAt({ pan: velocity.pan ?? 0, tilt: velocity.tilt ?? 0, zoom: velocity.zoom ?? 0 }, Math.min(timeout, MAX_TIMEOUT_MS));
  camera.changed();
  return '<tptz:ContinuousMoveResponse/>';
}

function stop({ camera, request }: OperationContext): string {
  requireProfile(request);
  const panTilt = textAt(request, 'PanTilt');
  const zoom = textAt(request, 'Zoom');
  // Both absent means stop everything.
  const both = panTilt === undefined && zoom === undefined;
  camera.ptz.stop(both || panTilt === 'true', both || zoom === 'true');
  camera.changed();
  return '<tptz:StopResponse/>';
}

function getPresets({ camera, request }: OperationContext): string {
  requireProfile(request);
  const items = camera.state.presets.map(
    (p) => `<tptz:Preset token="${x(p.token)}"><tt:Name>${x(p.name)}</tt:Name>${ptzVector('tt:PTZPosition', p.position)}</tptz:Preset>`,
  );
  return `<tptz:GetPresetsResponse>${items.join('')}</tptz:GetPresetsResponse>`;
}

function setPreset({ camera, request }: OperationContext): string {
  requireProfile(request);
  const name = textAt(request, 'PresetName');
  const token = textAt(request, 'PresetToken');
  if (name !== undefined && (name.length === 0 || name.length > 64))
    throw invalidArgVal('InvalidPresetName', 'PresetName must be 1 to 64 characters');
  const position = camera.ptz.position;
  const presets = camera.state.presets;
  // A camera that accepts presets and forgets them answers as if it had saved one.
  if (camera.persona.statelessPresets)
    return `<tptz:SetPresetResponse><tptz:PresetToken>${x(token ?? String(camera.state.nextPresetNumber))}</tptz:PresetToken></tptz:SetPresetResponse>`;
  if (token !== undefined) {
    // With a token the preset is overwritten in place: this is how a client avoids duplicates.
    const existing = presets.find((p) => p.token === token);
    if (!existing) throw invalidArgVal('NoToken', `No preset with token '${token}'`);
    existing.position = position;
    if (name !== undefined) existing.name = name;
    camera.changed();
    return `<tptz:SetPresetResponse><tptz:PresetToken>${x(existing.token)}</tptz:PresetToken></tptz:SetPresetResponse>`;
  }
  // Without a token a new preset is made even when the name exists, as many cameras do.
  if (presets.length >= MAX_PRESETS) throw invalidArgVal('TooManyPresets', 'Maximum number of presets reached');
  const created = { token: String(camera.state.nextPresetNumber++), name: name ?? `Preset ${camera.state.nextPresetNumber - 1}`, position };
  presets.push(created);
  camera.changed();
  return `<tptz:SetPresetResponse><tptz:PresetToken>${created.token}</tptz:PresetToken></tptz:SetPresetResponse>`;
}

function presetOf(camera: ServiceCamera, request: XmlElement) {
  const token = textAt(request, 'PresetToken');
  const preset = camera.state.presets.find((p) => p.token === token);
  if (!preset) throw invalidArgVal('NoToken', `No preset with token '${token ?? ''}'`);
  return preset;
}

function gotoPreset({ camera, request }: OperationContext): string {
  requireProfile(request);
  camera.ptz.moveTo(presetOf(camera, request).position, speedScale(request));
  camera.changed();
  return '<tptz:GotoPresetResponse/>';
}

function removePreset({ camera, request }: OperationContext): string {
  requireProfile(request);
  const preset = presetOf(camera, request);
  camera.state.presets = camera.state.presets.filter((p) => p !== preset);
  camera.changed();
  return '<tptz:RemovePresetResponse/>';
}

function gotoHomePosition({ camera, request }: OperationContext): string {
  requireProfile(request);
  camera.ptz.moveTo(camera.state.home, speedScale(request));
  camera.changed();
  return '<tptz:GotoHomePositionResponse/>';
}

function setHomePosition({ camera, request }: OperationContext): string {
  requireProfile(request);
  camera.state.home = camera.ptz.position;
  camera.changed();
  return '<tptz:SetHomePositionResponse/>';
}

function serviceCapabilities(): string {
  return `<tptz:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.ptz('tptz:Capabilities')}</tptz:GetServiceCapabilitiesResponse>`;
}

/** PTZ (ver20) operations. */
export const ptzHandlers: Record<string, Handler> = {
  GetNodes: getNodes,
  GetNode: getNode,
  GetConfigurations: getConfigurations,
  GetConfiguration: getConfiguration,
  GetConfigurationOptions: getConfigurationOptions,
  GetStatus: getStatus,
  AbsoluteMove: absoluteMove,
  RelativeMove: relativeMove,
  ContinuousMove: continuousMove,
  Stop: stop,
  GetPresets: getPresets,
  SetPreset: setPreset,
  GotoPreset: gotoPreset,
  RemovePreset: removePreset,
  GotoHomePosition: gotoHomePosition,
  SetHomePosition: setHomePosition,
  GetServiceCapabilities: serviceCapabilities,
};
