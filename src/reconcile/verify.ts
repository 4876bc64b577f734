import { encoderDifferences } from '../onvif/encoder-check.js';
import { positionDistance as distance } from '../onvif/ptz.js';
import type { FixAction, Observation } from './model.js';

/**
 * Whether an action took effect, judged from a fresh observation. Pure. A camera that said OK but did
 * not change is caught here ("accepted but not applied").
 */
export function verifyAction(action: FixAction, after: Observation, maxSkewSeconds: number): { ok: boolean | null; detail: string | null } {
  switch (action.type) {
    case 'set-preset': {
      const named = (after.presets ?? []).filter((p) => p.name === action.name);
      const found = named[0];
      if (!found?.position) return { ok: false, detail: `the camera has no preset '${action.name}' after saving it` };
      if (named.length > 1) return { ok: false, detail: `the camera now holds ${named.length} presets named '${action.name}'` };
      const off = distance(found.position, action.position);
      return off <= action.tolerance
        ? { ok: true, detail: null }
        : {
            ok: false,
            detail: `the camera saved it at pan ${found.position.pan} tilt ${found.position.tilt} zoom ${found.position.zoom} (off by ${Math.round(off * 1000) / 1000})`,
          };
    }
    case 'remove-preset':
      return (after.presets ?? []).some((p) => p.token === action.token)
        ? { ok: false, detail: 'the preset is still there' }
        : { ok: true, detail: null };
    case 'set-encoder': {
      const profile = after.profiles?.find((p) => p.token === action.profile);
      if (!profile?.encoder) return { ok: false, detail: 'the profile could not be read back' };
      const diff = encoderDifferences(action.encoder, profile.encoder);
      return diff.length ? { ok: false, detail: `accepted but not applied: ${diff.join('; ')}` } : { ok: true, detail: null };
    }
    case 'sync-time': {
      if (!after.clock) return { ok: false, detail: 'the clock could not be read back' };
      if (Math.abs(after.clock.skewSeconds) > maxSkewSeconds)
        return { ok: false, detail: `the clock is still ${after.clock.skewSeconds} s off` };
      if (action.timezone && after.clock.timezone !== action.timezone)
        return { ok: false, detail: `the time zone is ${after.clock.timezone}` };
      return { ok: true, detail: null };
    }
    case 'set-network': {
      const n = after.network;
      if (!n) return { ok: false, detail: 'the network settings could not be read back' };
      const wrong: string[] = [];
      if (action.ntp && !action.ntp.every((s) => n.ntp.includes(s))) wrong.push(`NTP is ${n.ntp.join(', ') || 'none'}`);
      if (action.dns && action.dns.join(',') !== n.dns.join(',')) wrong.push(`DNS is ${n.dns.join(', ') || 'none'}`);
      if (action.gateway && !n.gateway.includes(action.gateway)) wrong.push(`gateway is ${n.gateway.join(', ') || 'none'}`);
      if (action.staticAddress && n.dhcp) wrong.push('the address still comes from DHCP');
      return wrong.length ? { ok: false, detail: `accepted but not applied: ${wrong.join('; ')}` } : { ok: true, detail: null };
    }
    case 'goto-preset': {
      if (!after.position) return { ok: false, detail: 'the position could not be read back' };
      const stored = (after.presets ?? []).find((p) => p.name === action.name)?.position;
      // Judged against the inventory when it gives the position: a camera whose stored preset was
      // turned away goes there faithfully and still looks at the wrong place.
      const target = action.position ?? stored;
      if (!target) return { ok: null, detail: null };
      if (distance(after.position, target) <= action.tolerance) return { ok: true, detail: null };
      const at = `pan ${after.position.pan} tilt ${after.position.tilt} zoom ${after.position.zoom}`;
      if (action.position && stored && distance(after.position, stored) <= action.tolerance) {
        return {
          ok: false,
          detail: `the camera's preset '${action.name}' points at ${at}, not where the inventory says (pan ${action.position.pan} tilt ${action.position.tilt} zoom ${action.position.zoom}); 'camfleet ptz reaim --save' stores the inventory's positions`,
        };
      }
      return { ok: false, detail: `the camera stopped at ${at}` };
    }
    case 'set-home':
      // ONVIF has no way to read a home position back.
      return { ok: null, detail: null };
  }
}
