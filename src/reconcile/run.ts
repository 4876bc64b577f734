import type { AccessFlags } from '../auth/access-policy.js';
import type { CredentialResolver } from '../credentials/resolve.js';
import type { LocalInterface } from '../discovery/interfaces.js';
import { IcmpProber } from '../reach/icmp.js';
import { ReferenceLoader } from '../view/reference.js';
import { buildPlan } from './build-plan.js';
import { inventoryDigest } from './inventory-digest.js';
import type { Plan } from './model.js';
import { observe } from './observe.js';
import type { Selection } from './selection.js';

/** How cameras are looked at: the same for plan, apply, check, adopt, watch and the report. */
export interface ObserveSettings {
  /** One call's deadline. */
  timeoutMs: number;
  concurrency: number;
  rtspPort: number;
  /** Sweep the sites' networkRanges for devices the inventory does not know. */
  discovery: boolean;
  /** Also probe by multicast through these interfaces. */
  interfaces: LocalInterface[];
  /** Compare what the cameras see with their reference views (default true). */
  views?: boolean;
  /** Ranges to sweep besides the sites' networkRanges (survey --range). */
  ranges?: string[];
  /** Relaxations of the credential rules from the command line, over the inventory's. */
  access?: AccessFlags;
}

/** The I/O a reconcile flow is given: no CLI object, so watch, the report and tests drive it alike. */
export interface ReconcileDeps {
  credentials: CredentialResolver;
  now: () => Date;
  signal?: AbortSignal;
  /** Progress of long work, as a short line ("observing… 3/12 cameras"). */
  progress?: (text: string) => void;
  /** ICMP probes (a helper process); made per run when absent. */
  icmp?: IcmpProber;
  /** Receives each point's snapshot, for the HTML report's thumbnails. */
  keepSnapshot?: (pointId: string, jpeg: Buffer) => void;
}

/** The reference views of the selected sites, read once per run. */
export function referencesOf(selection: Selection): ReferenceLoader {
  return new ReferenceLoader((siteId) => selection.sites.find((s) => s.site.doc.id === siteId)?.dir ?? selection.dir);
}

export interface PlanOptions {
  prune?: boolean;
  home?: boolean;
  /** Look for devices the inventory does not know (default: as the settings say). */
  discovery?: boolean;
}

/** select → observe → plan: looks at the selected points' cameras (and the sites' networks) and compares. */
export async function planSelection(
  selection: Selection,
  settings: ObserveSettings,
  deps: ReconcileDeps,
  options: PlanOptions = {},
): Promise<Plan> {
  const icmp = deps.icmp ?? new IcmpProber();
  try {
    const discovery = options.discovery ?? settings.discovery;
    const ranges = discovery
      ? [...new Set([...selection.sites.flatMap((s) => s.site.doc.defaults?.networkRanges ?? []), ...(settings.ranges ?? [])])]
      : [];
    const { observations, devices } = await observe(selection.points, {
      timeoutMs: settings.timeoutMs,
      concurrency: settings.concurrency,
      rtspPort: settings.rtspPort,
      icmp,
      credentials: deps.credentials,
      ranges,
      interfaces: discovery ? settings.interfaces : [],
      discoveryTimeoutMs: 1500,
      signal: deps.signal,
      onProgress: (done, total) => deps.progress?.(`observing… ${done}/${total} cameras`),
      references: settings.views === false ? undefined : referencesOf(selection),
      keepSnapshot: deps.keepSnapshot,
    });
    return buildPlan({
      inventory: selection.dir,
      inventoryDigest: inventoryDigest(selection.dir, selection.sites),
      createdAt: deps.now().toISOString(),
      points: selection.points,
      allPoints: selection.all,
      ignored: selection.sites.flatMap((s) => (s.site.doc.ignoredDevices ?? []).map((d) => d.identity)),
      observations,
      devices,
      prune: options.prune === true,
      home: options.home === true,
    });
  } finally {
    if (!deps.icmp) icmp.close();
  }
}
