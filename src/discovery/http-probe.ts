import pLimit from 'p-limit';
import { OnvifClient } from '../onvif/client.js';

/** The ports cameras that ignore unicast probes usually serve ONVIF on. */
export const HTTP_PORTS = [80, 8080];

/**
 * For devices that ignore unicast WS-Discovery probes: asks each address for GetSystemDateAndTime
 * (no credentials needed) on the usual ports. A SOAP answer, even a fault, means an ONVIF device.
 */
export async function httpProbe(
  addresses: string[],
  options: { timeoutMs: number; concurrency: number; signal?: AbortSignal },
): Promise<{ address: string; port: number }[]> {
  const limit = pLimit(options.concurrency);
  const hits: { address: string; port: number }[] = [];
  await Promise.all(
    addresses.flatMap((address) =>
      HTTP_PORTS.map((port) =>
        limit(async () => {
          if (options.signal?.aborted) return;
          const client = new OnvifClient({
            endpoint: {
              scheme: 'http',
              host: address,
              port,
              path: '/onvif/device_service',
              url: `http://${address}:${port}/onvif/device_service`,
            },
            timeoutMs: options.timeoutMs,
          });
          try {
            await client.syncClock();
            hits.push({ address, port });
          } catch (err) {
            const name = (err as Error).name;
            // A fault (even "not authorized") still proves an ONVIF endpoint is there.
            if (name === 'OnvifFault' || name === 'AuthError' || name === 'UnsupportedError') hits.push({ address, port });
          }
        }),
      ),
    ),
  );
  return hits;
}
