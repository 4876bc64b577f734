import { createHash } from 'node:crypto';
import type { Observation } from './model.js';

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * A digest of the parts of an observation that apply relies on (identity, encoders, presets, network
 * settings); not the clock or the head's current position, which change by themselves.
 */
export function fingerprintOf(o: Observation): string | null {
  if (!o.identity) return null;
  const stable = {
    identity: o.identity,
    encoders: (o.profiles ?? []).map((p) => ({ profile: p.token, ...(p.encoder ?? {}) })),
    presets: (o.presets ?? []).map((p) => ({
      token: p.token,
      name: p.name,
      position: p.position && { pan: round(p.position.pan), tilt: round(p.position.tilt), zoom: round(p.position.zoom) },
    })),
    network: o.network && {
      dhcp: o.network.dhcp,
      address: o.network.address,
      gateway: o.network.gateway,
      dns: o.network.dns,
      ntp: o.network.ntp,
    },
  };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 16);
}
