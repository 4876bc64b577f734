import { basename } from 'node:path';
import { addressKey, parseDeviceAddress } from '../net/endpoint.js';
import { displayPath, type Diagnostic, type Severity } from './diagnostics.js';
import type { LoadedFile, Site, StreamSpec, Street } from './model.js';

/** Checks that span files or need more than a schema can say. Runs on schema-valid documents only. */
export function crossFileRules(site: LoadedFile<Site>, streets: LoadedFile<Street>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (file: LoadedFile<unknown>, pointer: string, severity: Severity, rule: string, message: string, hint: string): void => {
    const position = file.positions.valueAt(pointer) ?? { line: 1, column: 1 };
    out.push({ severity, file: displayPath(file.path), ...position, pointer, message, hint, rule });
  };
  const where = (file: LoadedFile<unknown>, pointer: string): string =>
    `${displayPath(file.path)}:${file.positions.valueAt(pointer)?.line ?? 1}`;

  /** Reports the second and later holders of the same value. */
  const unique = (rule: string, what: string, hint: string) => {
    const seen = new Map<string, { file: LoadedFile<unknown>; pointer: string }>();
    return (key: string | undefined, shown: string, file: LoadedFile<unknown>, pointer: string): void => {
      if (key === undefined) return;
      const first = seen.get(key);
      if (first) at(file, pointer, 'error', rule, `${what} '${shown}' is already used at ${where(first.file, first.pointer)}`, hint);
      else seen.set(key, { file, pointer });
    };
  };
  const pointIds = unique('duplicate-id', 'point id', 'point ids must be unique within the site: rename one');
  const streetIds = unique('duplicate-id', 'street id', 'street ids must be unique within the site');
  const addresses = unique('duplicate-address', 'device address', 'two points cannot have the same camera address: fix the address of one');
  const serials = unique('duplicate-identity', 'serial number', 'a camera can only be at one point: check which point really has it');
  const macs = unique('duplicate-identity', 'MAC address', 'a camera can only be at one point: check which point really has it');
  const endpoints = unique(
    'duplicate-identity',
    'endpoint reference',
    'a camera can only be at one point: check which point really has it',
  );

  const known = new Set(site.doc.credentialProfiles ?? []);
  const checkProfile = (profile: string | undefined, file: LoadedFile<unknown>, pointer: string): void => {
    if (profile !== undefined && !known.has(profile)) {
      at(
        file,
        pointer,
        'error',
        'credential-profile',
        `credential profile '${profile}' is not listed in site.json`,
        `add it to "credentialProfiles" in ${displayPath(site.path)}, or correct the name`,
      );
    }
  };
  checkProfile(site.doc.defaults?.credentialProfile, site, '/defaults/credentialProfile');
  checkStreams(site.doc.defaults?.streams, site, '/defaults/streams', at);

  for (const street of streets) {
    const doc = street.doc;
    streetIds(doc.id, doc.id, street, '/id');
    const expected = basename(street.path, '.json');
    if (expected !== doc.id)
      at(
        street,
        '/id',
        'warning',
        'file-name',
        `street id '${doc.id}' differs from the file name '${expected}.json'`,
        `rename the file to ${doc.id}.json, or the id to '${expected}'`,
      );
    checkProfile(doc.defaults?.credentialProfile, street, '/defaults/credentialProfile');
    checkStreams(doc.defaults?.streams, street, '/defaults/streams', at);
    doc.points.forEach((point, i) => {
      const base = `/points/${i}`;
      pointIds(point.id, point.id, street, `${base}/id`);
      if (!parseDeviceAddress(point.device.address)) {
        at(
          street,
          `${base}/device/address`,
          'error',
          'device-address',
          `device address '${point.device.address}' is not a host, host:port or http(s) device service URL`,
          'write it as 192.168.1.64, 192.168.1.64:8080 or http://192.168.1.64/onvif/device_service (no user or password in it)',
        );
      } else addresses(addressKey(point.device.address), point.device.address, street, `${base}/device/address`);
      const id = point.device.identity;
      serials(id?.serialNumber?.toUpperCase(), id?.serialNumber ?? '', street, `${base}/device/identity/serialNumber`);
      macs(id?.mac?.toLowerCase(), id?.mac ?? '', street, `${base}/device/identity/mac`);
      endpoints(id?.endpointReference?.toLowerCase(), id?.endpointReference ?? '', street, `${base}/device/identity/endpointReference`);
      checkProfile(point.device.credentialProfile, street, `${base}/device/credentialProfile`);
      checkStreams(point.streams, street, `${base}/streams`, at);
      const presetNames = new Map<string, number>();
      (point.ptz?.presets ?? []).forEach((preset, j) => {
        const first = presetNames.get(preset.name);
        if (first !== undefined)
          at(
            street,
            `${base}/ptz/presets/${j}/name`,
            'error',
            'duplicate-preset',
            `preset '${preset.name}' is listed twice for point '${point.id}' (also item ${first})`,
            'preset names must be unique per camera: cameras look presets up by name',
          );
        else presetNames.set(preset.name, j);
      });
    });
  }
  return out;
}

type At = (file: LoadedFile<unknown>, pointer: string, severity: Severity, rule: string, message: string, hint: string) => void;

/** Stream settings no ONVIF camera could meet are errors; unusual ones are warnings. */
function checkStreams(streams: StreamSpec[] | undefined, file: LoadedFile<unknown>, pointer: string, at: At): void {
  const profiles = new Map<string, number>();
  (streams ?? []).forEach((s, i) => {
    const p = `${pointer}/${i}`;
    const first = profiles.get(s.profile);
    if (first !== undefined)
      at(
        file,
        `${p}/profile`,
        'error',
        'stream',
        `stream settings for profile '${s.profile}' are given twice (also item ${first})`,
        'keep one entry per media profile',
      );
    profiles.set(s.profile, i);
    if (s.bitrateKbps && s.bitrateKbps.min > s.bitrateKbps.max) {
      at(
        file,
        `${p}/bitrateKbps`,
        'error',
        'stream',
        `bitrate range ${s.bitrateKbps.min}-${s.bitrateKbps.max} kbit/s is empty (min above max)`,
        'swap min and max',
      );
    }
    if (s.bitrateKbps && s.bitrateKbps.max > 51_200) {
      at(
        file,
        `${p}/bitrateKbps/max`,
        'warning',
        'stream',
        `${s.bitrateKbps.max} kbit/s is above what IP cameras stream (50 Mbit/s)`,
        'check the unit: the range is in kbit/s',
      );
    }
    if (s.resolution) {
      const [w, h] = s.resolution.split('x').map(Number) as [number, number];
      if (w % 2 || h % 2)
        at(
          file,
          `${p}/resolution`,
          'error',
          'stream',
          `resolution ${s.resolution} has an odd dimension, which no video encoder produces`,
          'use even numbers, such as 1920x1080',
        );
      else if (w > 7680 || h > 4320)
        at(
          file,
          `${p}/resolution`,
          'warning',
          'stream',
          `resolution ${s.resolution} is above 8K; no ONVIF camera streams it`,
          'check the numbers',
        );
    }
    if (s.fps !== undefined && s.fps > 60)
      at(
        file,
        `${p}/fps`,
        'warning',
        'stream',
        `${s.fps} fps is above what surveillance cameras stream (60)`,
        'most cameras stream 25 or 30 fps',
      );
    if (s.codec === 'JPEG' && s.gop !== undefined)
      at(file, `${p}/gop`, 'warning', 'stream', 'a JPEG stream has no GOP; the value is ignored', 'remove gop, or choose H264 or H265');
  });
}
