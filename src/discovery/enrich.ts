import pLimit from 'p-limit';
import type { Credentials } from '../credentials/secret.js';
import { parseDeviceAddress } from '../net/endpoint.js';
import { OnvifClient } from '../onvif/client.js';
import { getDeviceInformation, getNetworkInterfaces } from '../onvif/device.js';
import type { DiscoveredDevice } from './model.js';

export interface EnrichOptions {
  credentials: Credentials | undefined;
  timeoutMs: number;
  concurrency: number;
  signal?: AbortSignal;
}

/** Asks each device for its clock (no credentials) and, with credentials, its identity and MAC. */
export async function enrichDevices(devices: DiscoveredDevice[], options: EnrichOptions): Promise<void> {
  const limit = pLimit(options.concurrency);
  await Promise.all(
    devices.map((device) =>
      limit(async () => {
        const xaddr = device.xaddrs[0];
        const endpoint = xaddr ? parseDeviceAddress(xaddr) : undefined;
        if (!endpoint || options.signal?.aborted || device.findings.some((f) => f.kind.endsWith('-xaddr'))) return;
        const client = new OnvifClient({ endpoint, credentials: options.credentials, timeoutMs: options.timeoutMs });
        try {
          const clock = await client.syncClock();
          device.clockSkewSeconds = Math.round(clock.offsetMs / 100) / 10;
        } catch (err) {
          device.findings.push({ kind: 'enrich-failed', message: `GetSystemDateAndTime: ${(err as Error).message}` });
          return;
        }
        if (!options.credentials) {
          device.auth = 'no-credentials';
          return;
        }
        try {
          const [info, interfaces] = await Promise.all([getDeviceInformation(client), getNetworkInterfaces(client)]);
          Object.assign(device, {
            manufacturer: info.manufacturer || device.manufacturer,
            model: info.model || device.model,
            firmwareVersion: info.firmwareVersion || null,
            serialNumber: info.serialNumber || device.serialNumber,
            hardwareId: info.hardwareId || null,
            mac: interfaces.find((i) => i.mac)?.mac ?? null,
            auth: 'ok',
          });
        } catch (err) {
          const auth = (err as Error).name === 'AuthError';
          device.auth = auth ? 'failed' : 'unknown';
          device.findings.push({ kind: auth ? 'auth-failed' : 'enrich-failed', message: (err as Error).message });
        }
      }),
    ),
  );
}
