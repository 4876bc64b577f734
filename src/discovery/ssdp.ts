import type { LocalInterface } from './interfaces.js';
import { displayText } from '../text/display.js';
import type { SsdpHit } from './model.js';

/** The service types searched for: every device (cameras announce themselves under many). */
const SEARCH_TARGET = 'ssdp:all';

/**
 * Sends an SSDP M-SEARCH through each chosen interface (sockets bound to the interface address, so
 * nothing leaves elsewhere) with @achingbrain/ssdp, and collects the devices that answer, with the
 * details their description document gives.
 */
export async function ssdpSearch(interfaces: LocalInterface[], timeoutMs: number): Promise<SsdpHit[]> {
  if (interfaces.length === 0) return [];
  const { default: ssdp } = await import('@achingbrain/ssdp');
  const bus = await ssdp({
    cache: false,
    sockets: interfaces.map((i) => ({
      type: 'udp4' as const,
      bind: { address: i.address, port: 0 },
      broadcast: { address: '239.255.255.250', port: 1900 },
      maxHops: 4,
    })),
  });
  bus.on('error', () => undefined);
  const hits = new Map<string, SsdpHit>();
  try {
    for await (const service of bus.discover({ serviceType: SEARCH_TARGET, signal: AbortSignal.timeout(timeoutMs) })) {
      const device = ((service.details as { device?: Record<string, unknown> })?.device ?? {}) as Record<string, unknown>;
      // What a device says is shown to people: neutralised and cut, like every camera text.
      const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? displayText(v.trim(), 200) : undefined);
      const address = service.location.hostname;
      const key = `${address} ${service.uniqueServiceName}`;
      if (hits.has(key)) continue;
      hits.set(key, {
        address,
        usn: service.uniqueServiceName,
        location: service.location.toString(),
        server: undefined,
        ...(text(device.friendlyName) ? { friendlyName: text(device.friendlyName) } : {}),
        ...(text(device.manufacturer) ? { manufacturer: text(device.manufacturer) } : {}),
        ...(text(device.modelName) ? { model: text(device.modelName) } : {}),
        ...(text(device.serialNumber) ? { serialNumber: text(device.serialNumber) } : {}),
      });
    }
  } catch (err) {
    // The platform's own abort and timeout errors (AbortSignal.timeout) have no class to test for.
    if ((err as Error).name !== 'AbortError' && (err as Error).name !== 'TimeoutError') throw err;
  } finally {
    await bus.stop();
  }
  // One entry per device address: a device answers once per service it offers.
  const byAddress = new Map<string, SsdpHit>();
  for (const hit of hits.values()) if (!byAddress.has(hit.address)) byAddress.set(hit.address, hit);
  return [...byAddress.values()];
}
