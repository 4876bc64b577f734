import type { EncoderChangeResult, ProfileReport } from '../../device/profiles.js';
import type { DeviceReport } from '../../device/info.js';
import type { Unavailable } from '../../device/optional-read.js';
import type { RtspProbe } from '../../reach/rtsp.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';

/** Prints `value` as the command's JSON document, or `human()` for a person. */
export function emit(cli: Cli, value: Record<string, unknown>, human: () => string): void {
  cli.out(cli.json ? JSON.stringify({ formatVersion: 1, ...value }) : human());
}

const field = (cli: Cli, label: string, value: string | number | null | undefined): string =>
  `${cli.paint('bold', label.padEnd(14))} ${value === null || value === undefined || value === '' ? '-' : value}`;

/** A field the camera did not give: "not available (why)". */
export function notAvailable(unavailable: Unavailable[], field: string): string {
  const reason = unavailable.find((u) => u.field === field)?.reason;
  return `not available${reason ? ` (${reason})` : ''}`;
}

export function renderInfo(cli: Cli, target: string, r: DeviceReport): void {
  emit(cli, { target, ...r }, () => {
    const missing = (field: string) => cli.paint('dim', notAvailable(r.unavailable, field));
    const list = (values: string[] | null, field: string) => (values === null ? missing(field) : values.join(', '));
    const nic =
      r.network.interfaces === null
        ? [missing('interfaces')]
        : r.network.interfaces.map(
            (i) =>
              `${i.name || i.token} ${i.mac} ${i.addresses.map((a) => `${a.address}/${a.prefixLength}`).join(' ')}${i.dhcp ? ' (DHCP)' : ''}`,
          );
    return [
      field(cli, 'Device', `${r.device.manufacturer} ${r.device.model}`),
      field(cli, 'Firmware', r.device.firmwareVersion),
      field(cli, 'Serial', r.device.serialNumber),
      field(cli, 'Hardware', r.device.hardwareId),
      field(cli, 'Endpoint', r.endpoint),
      field(cli, 'Auth', r.auth),
      field(
        cli,
        'Capabilities',
        [r.capabilities.media2 ? 'Media2 (H.265)' : 'Media only', r.capabilities.ptz ? 'PTZ' : 'no PTZ'].join(', '),
      ),
      field(cli, 'Hostname', r.network.hostname ?? missing('hostname')),
      ...nic.map((n, i) => field(cli, i === 0 ? 'Interface' : '', n)),
      field(cli, 'Gateway', list(r.network.gateway, 'gateway')),
      field(cli, 'DNS', list(r.network.dns, 'dns')),
      field(cli, 'NTP', list(r.network.ntp, 'ntp')),
      field(
        cli,
        'Time (UTC)',
        `${r.time.cameraUtc} (${r.time.mode}, TZ ${r.time.timezone ?? '-'}), skew ${r.time.clockSkewSeconds > 0 ? '+' : ''}${r.time.clockSkewSeconds} s`,
      ),
      cli.paint('bold', 'Services'),
      ...r.services.map((s) => `  ${s.namespace.replace('http://www.onvif.org/', '')} ${s.version}  ${s.xaddr}`),
      cli.paint('bold', 'Scopes'),
      ...(r.scopes === null ? [`  ${missing('scopes')}`] : r.scopes.map((s) => `  ${s}`)),
    ].join('\n');
  });
}

export function renderProfiles(cli: Cli, target: string, profiles: ProfileReport[]): void {
  emit(cli, { target, profiles }, () => {
    const rows = profiles.map((p) => [
      p.token,
      p.name,
      p.encoder?.codec ?? '-',
      p.encoder ? `${p.encoder.width}x${p.encoder.height}` : '-',
      p.encoder ? String(p.encoder.fps) : '-',
      p.encoder ? `${p.encoder.bitrateKbps}` : '-',
      p.encoder?.gop === undefined ? '-' : String(p.encoder.gop),
      p.encoder ? String(p.encoder.quality) : '-',
    ]);
    const table = renderTable(['TOKEN', 'NAME', 'CODEC', 'RESOLUTION', 'FPS', 'KBIT/S', 'GOP', 'QUALITY'], rows, (s) =>
      cli.paint('bold', s),
    );
    const uris = profiles.map(
      (p) => `${p.token}: stream ${p.streamUri || '-'}\n${' '.repeat(p.token.length + 2)}snapshot ${p.snapshotUri || '-'}`,
    );
    return `${table}\n\n${uris.join('\n')}`;
  });
}

export function renderEncoderChange(cli: Cli, target: string, r: EncoderChangeResult): void {
  emit(cli, { target, ...r }, () => {
    const e = r.after;
    const now = `${e.codec} ${e.width}x${e.height} ${e.fps} fps ${e.bitrateKbps} kbit/s${e.gop !== undefined ? ` GOP ${e.gop}` : ''}`;
    return r.applied
      ? `${cli.paint('green', 'applied')}: ${r.profile} now streams ${now}`
      : `${cli.paint(['bold', 'red'], 'accepted but not applied')}: the camera said OK, but ${r.differences.join('; ')}.\nSome firmware ignores encoder changes; change it in the camera's web page, or replace the firmware.`;
  });
}

export function renderSnapshot(
  cli: Cli,
  target: string,
  r: { profile: string; file: string; bytes: number; contentType: string | null; auth: string },
): void {
  emit(cli, { target, ...r }, () => `saved ${r.bytes} bytes (${r.contentType ?? 'unknown type'}) from profile ${r.profile} to ${r.file}`);
}

export function renderStream(cli: Cli, target: string, r: { profile: string; uri: string; probe: RtspProbe | null }): void {
  emit(cli, { target, ...r }, () => {
    if (!r.probe) return r.uri;
    const p = r.probe;
    return p.ok
      ? `${r.uri}\n  answers: ${p.codec ?? '?'} ${p.width ?? '?'}x${p.height ?? '?'}${p.fps ? ` ${p.fps} fps` : ''}`
      : `${r.uri}\n  ${cli.paint('red', `does not answer: ${p.error}`)}`;
  });
}
