import type { Credentials } from '../credentials/secret.js';
import { enrichDevices } from './enrich.js';
import { httpProbe } from './http-probe.js';
import type { LocalInterface } from './interfaces.js';
import { mergeByIdentity, mergeFindings, sortByAddress } from './merge.js';
import type { DiscoveredDevice, ProbeMatch, SsdpHit } from './model.js';
import { xaddrFindings } from './reachability.js';
import { ssdpSearch } from './ssdp.js';
import { defaultUdpDeps, wsProbe, type UdpDeps } from './ws-discovery.js';

export interface DiscoverOptions {
  /** Interfaces for multicast probes and SSDP (empty: none). */
  interfaces: LocalInterface[];
  /** Every local interface, to judge whether an XAddr is reachable. */
  localInterfaces: LocalInterface[];
  /** Addresses to sweep with unicast probes (and HTTP, with `http`). */
  sweep: string[];
  http: boolean;
  ssdp: boolean;
  anyType: boolean;
  timeoutMs: number;
  rate: number;
  concurrency: number;
  enrich: boolean;
  credentials: Credentials | undefined;
  /** Per-call time limit of the enrichment. */
  callTimeoutMs: number;
  /** Devices to leave un-enriched (for example those a caller has already read). */
  skipEnrich?: (device: DiscoveredDevice) => boolean;
  signal?: AbortSignal;
  onProgress?: (phase: string, found: number) => void;
}

export interface DiscoveryResult {
  devices: DiscoveredDevice[];
  /** Replies that were not WS-Discovery, by sender: printers, NAS boxes, broken firmware. */
  ignored: { from: string; reason: string }[];
  durationMs: number;
}

/** Finds ONVIF devices by every means asked for, merges them by identity, and enriches them. */
export async function discover(options: DiscoverOptions, deps: UdpDeps = defaultUdpDeps): Promise<DiscoveryResult> {
  const started = Date.now();
  const matches: ProbeMatch[] = [];
  const ignored: { from: string; reason: string }[] = [];
  const seen = new Set<string>();
  const progress = (phase: string) => options.onProgress?.(phase, seen.size);

  const probing = wsProbe(
    {
      interfaces: options.interfaces,
      unicastTargets: options.sweep,
      timeoutMs: options.timeoutMs,
      anyType: options.anyType,
      rate: options.rate,
      signal: options.signal,
      onMatch: (m) => {
        matches.push(m);
        seen.add(m.endpointReference);
        progress('probing');
      },
      onMalformed: (from, reason) => ignored.push({ from, reason }),
    },
    deps,
  );
  const ssdp: Promise<SsdpHit[]> = options.ssdp ? ssdpSearch(options.interfaces, options.timeoutMs) : Promise.resolve([]);
  const http = options.http
    ? httpProbe(options.sweep, {
        timeoutMs: Math.min(options.callTimeoutMs, options.timeoutMs),
        concurrency: options.concurrency,
        signal: options.signal,
      })
    : Promise.resolve([]);
  const [, ssdpHits, httpHits] = await Promise.all([probing, ssdp, http]);

  const devices = mergeFindings(matches, httpHits, ssdpHits);
  const asked = { interfaces: options.interfaces, sweep: new Set(options.sweep) };
  for (const d of devices) d.findings.push(...xaddrFindings(d, options.localInterfaces, asked));
  if (options.enrich) {
    progress('enriching');
    await enrichDevices(
      // Only devices inside what was asked are contacted, and never two claiming one identity (one is lying).
      devices.filter(
        (d) =>
          d.xaddrs.length > 0 &&
          !options.skipEnrich?.(d) &&
          !d.findings.some((f) => f.kind === 'outside-xaddr' || f.kind === 'conflicting-identity'),
      ),
      { credentials: options.credentials, timeoutMs: options.callTimeoutMs, concurrency: options.concurrency, signal: options.signal },
    );
  }
  return { devices: sortByAddress(mergeByIdentity(devices)), ignored, durationMs: Date.now() - started };
}
