import pLimit from 'p-limit';
import type { Credentials } from '../credentials/secret.js';
import { parseDeviceAddress } from '../net/endpoint.js';
import { OnvifClient } from '../onvif/client.js';
import { getDeviceInformation, getNetworkInterfaces } from '../onvif/device.js';
import { AuthError } from '../onvif/errors.js';
import type { DiscoveredDevice } from './model.js';

export interface EnrichOptions {
  credentials: Credentials | undefined;
  timeoutMs: number;
  concurrency: number;
  signal?: AbortSignal;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Asks each device for its clock (no credentials) and, with credentials, its identity and MAC. Each read
 * stands on its own: a device without GetNetworkInterfaces keeps the identity it gave, with the MAC not
 * available and the reason as a finding.
 */
export async function enrichDevices(devices: DiscoveredDevice[], options: EnrichOptions): Promise<void> {
  const limit = pLimit(options.concurrency);
  await Promise.all(
    devices.map((device) =>
      limit(async () => {
        const xaddr = device.xaddrs[0];
        const endpoint = xaddr ? parseDeviceAddress(xaddr) : undefined;
        if (!endpoint || options.signal?.aborted || device.findings.some((f) => f.kind.endsWith('-xaddr'))) return;
        const client = new OnvifClient({
          endpoint,
          credentials: options.credentials,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        });
        try {
          const clock = await client.syncClock();
          device.clockSkewSeconds = Math.round(clock.offsetMs / 100) / 10;
        } catch (err) {
          device.findings.push({ kind: 'enrich-failed', message: `GetSystemDateAndTime: ${message(err)}` });
          return;
        }
        if (!options.credentials) {
          device.auth = 'no-credentials';
          return;
        }
        const [info, interfaces] = await Promise.allSettled([getDeviceInformation(client), getNetworkInterfaces(client)]);
        if (info.status === 'fulfilled') {
          Object.assign(device, {
            manufacturer: info.value.manufacturer || device.manufacturer,
            model: info.value.model || device.model,
            firmwareVersion: info.value.firmwareVersion || null,
            serialNumber: info.value.serialNumber || device.serialNumber,
            hardwareId: info.value.hardwareId || null,
            auth: 'ok',
          });
        } else {
          const auth = info.reason instanceof AuthError;
          device.auth = auth ? 'failed' : 'unknown';
          device.findings.push({ kind: auth ? 'auth-failed' : 'enrich-failed', message: `GetDeviceInformation: ${message(info.reason)}` });
        }
        if (interfaces.status === 'fulfilled') device.mac = interfaces.value.find((i) => i.mac)?.mac ?? null;
        else if (!(interfaces.reason instanceof AuthError)) {
          device.findings.push({
            kind: 'enrich-failed',
            message: `MAC not available: GetNetworkInterfaces: ${message(interfaces.reason)}`,
          });
        }
      }),
    ),
  );
}
