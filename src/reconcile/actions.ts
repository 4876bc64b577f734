import { UserError } from '../errors.js';
import { move, ptzProfile, waitIdle } from '../device/ptz-ops.js';
import type { CameraSession } from '../device/session.js';
import * as device from '../onvif/device.js';
import { setEncoder } from '../onvif/media.js';
import * as ptz from '../onvif/ptz.js';
import type { FixAction } from './model.js';

const fmt = (p: ptz.Position): string => `pan ${p.pan} tilt ${p.tilt} zoom ${p.zoom}`;

/** A one-line description of an action, for plans, prompts and reports. */
export function describeAction(a: FixAction): string {
  switch (a.type) {
    case 'set-preset':
      return `${a.token ? 'update' : 'create'} preset '${a.name}' at ${fmt(a.position)}`;
    case 'remove-preset':
      return `remove preset '${a.name}'`;
    case 'goto-preset':
      return `go to preset '${a.name}'`;
    case 'set-encoder':
      return `set ${a.profile} to ${a.encoder.codec} ${a.encoder.width}x${a.encoder.height} ${a.encoder.fps} fps ${a.encoder.bitrateKbps} kbit/s${a.encoder.gop !== undefined ? ` GOP ${a.encoder.gop}` : ''}`;
    case 'sync-time':
      return a.ntpServer
        ? `set the clock to NTP ${a.ntpServer}${a.timezone ? `, time zone ${a.timezone}` : ''}`
        : `set the clock from this host${a.timezone ? `, time zone ${a.timezone}` : ''}`;
    case 'set-network':
      return `set ${[a.ntp && `NTP ${a.ntp.join(', ')}`, a.dns && `DNS ${a.dns.join(', ')}`, a.gateway && `gateway ${a.gateway}`, a.staticAddress && `static address ${a.staticAddress.address}/${a.staticAddress.prefixLength}`].filter(Boolean).join(', ')}`;
    case 'set-home':
      return `set the home position at ${fmt(a.position)}`;
  }
}

/** Order in which a camera's actions run: settings first, moves last, so the camera ends where presets leave it. */
const ORDER: FixAction['type'][] = ['sync-time', 'set-network', 'set-encoder', 'remove-preset', 'set-preset', 'set-home', 'goto-preset'];
export const byExecutionOrder = (a: FixAction, b: FixAction): number => ORDER.indexOf(a.type) - ORDER.indexOf(b.type);

/** Carries out one action on a camera. Verification is a separate read afterwards. */
export async function executeAction(session: CameraSession, action: FixAction): Promise<void> {
  const c = session.client;
  switch (action.type) {
    case 'sync-time': {
      if (action.ntpServer) {
        await device.setNtp(c, [action.ntpServer]);
        await device.setSystemDateAndTime(c, { type: 'NTP', timezone: action.timezone ?? undefined });
      } else {
        await device.setSystemDateAndTime(c, { type: 'Manual', utc: new Date(), timezone: action.timezone ?? undefined });
      }
      await c.syncClock();
      return;
    }
    case 'set-network': {
      if (action.ntp) await device.setNtp(c, action.ntp);
      if (action.dns) await device.setDns(c, action.dns);
      if (action.gateway) await device.setDefaultGateway(c, [action.gateway]);
      if (action.staticAddress) {
        const nic = (await device.getNetworkInterfaces(c))[0];
        if (!nic) throw new UserError('the camera reports no network interface');
        await device.setNetworkInterface(c, nic.token, action.staticAddress);
      }
      return;
    }
    case 'set-encoder':
      await setEncoder(c, action.encoder);
      return;
    case 'set-preset': {
      const profile = await ptzProfile(session, 'SetPreset');
      await move(session, profile, { kind: 'absolute', to: action.position });
      await waitIdle(session, profile);
      // Through the existing preset's token when there is one: the camera then keeps one preset of that name.
      const existing = (await ptz.getPresets(c, profile)).find((p) => p.name === action.name);
      await ptz.setPreset(c, profile, action.name, existing?.token ?? action.token ?? undefined);
      return;
    }
    case 'remove-preset': {
      const profile = await ptzProfile(session, 'RemovePreset');
      await ptz.removePreset(c, profile, action.token);
      return;
    }
    case 'set-home': {
      const profile = await ptzProfile(session, 'SetHomePosition');
      await move(session, profile, { kind: 'absolute', to: action.position });
      await waitIdle(session, profile);
      await ptz.setHome(c, profile);
      return;
    }
    case 'goto-preset': {
      const profile = await ptzProfile(session, 'GotoPreset');
      const preset = (await ptz.getPresets(c, profile)).find((p) => p.name === action.name);
      if (!preset) throw new UserError(`the camera has no preset '${action.name}'`);
      await ptz.gotoPreset(c, profile, preset.token);
      await waitIdle(session, profile);
      return;
    }
  }
}
