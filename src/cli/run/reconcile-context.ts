import { UserError } from '../../errors.js';
import { localInterfaces, selectInterfaces, type LocalInterface } from '../../discovery/interfaces.js';
import { defaultInventoryDir, loadInventory } from '../../inventory/load.js';
import type { SiteInventory } from '../../inventory/model.js';
import { IcmpProber } from '../../reach/icmp.js';
import { desiredPoints, type DesiredPoint } from '../../reconcile/desired.js';
import { buildPlan } from '../../reconcile/diff.js';
import type { Finding, Plan } from '../../reconcile/model.js';
import { summarise } from '../../reconcile/model.js';
import { observe } from '../../reconcile/observe.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { progressLine } from '../progress.js';
import type { ReconcileFlags } from './reconcile-flags.js';

export interface Selection {
  dir: string;
  sites: SiteInventory[];
  /** The selected points (a street, a point, a shard). */
  points: DesiredPoint[];
  /** Every point of the sites: what claims a device found on the network. */
  all: DesiredPoint[];
}

/** The inventory and the points the selectors name; an unknown street or point is a UserError. */
export async function select(flags: ReconcileFlags, dir?: string, sites?: SiteInventory[]): Promise<Selection> {
  const root = dir ?? flags.inventory ?? (await defaultInventoryDir());
  const loaded = sites ?? (await loadInventory(root));
  const all = desiredPoints(loaded, {}, flags);
  const points = desiredPoints(loaded, { street: flags.street, point: flags.point }, flags);
  if (flags.street && !all.some((p) => p.street.id === flags.street)) {
    throw new UserError(`no street '${flags.street}' in the inventory`, {
      hint: `streets: ${[...new Set(all.map((p) => p.street.id))].join(', ')}`,
    });
  }
  if (flags.point && points.length === 0)
    throw new UserError(`no point '${flags.point}'${flags.street ? ` on street '${flags.street}'` : ''} in the inventory`);
  return { dir: root, sites: loaded, points, all };
}

/** Observes the selected points (and the sites' networks) and builds the plan. */
export async function makePlan(
  cli: Cli,
  flags: ReconcileFlags,
  selection: Selection,
  options: { prune?: boolean; home?: boolean; discovery?: boolean; ranges?: string[]; interfaces?: LocalInterface[] } = {},
): Promise<Plan> {
  const icmp = new IcmpProber();
  const progress = progressLine(cli);
  try {
    const ranges =
      options.discovery === false || !flags.discovery
        ? []
        : [...new Set([...selection.sites.flatMap((s) => s.site.doc.defaults?.networkRanges ?? []), ...(options.ranges ?? [])])];
    const { observations, devices } = await observe(selection.points, {
      timeoutMs: flags.timeout * 1000,
      concurrency: flags.concurrency,
      rtspPort: flags.rtspPort,
      icmp,
      credentials: await credentialResolver(cli, flags),
      ranges,
      interfaces: options.interfaces ?? (flags.interface?.length ? selectInterfaces(flags.interface, localInterfaces()) : []),
      discoveryTimeoutMs: 1500,
      signal: cli.signal,
      onProgress: (done, total) => progress.update(`observing… ${done}/${total} cameras`),
    });
    const plan = buildPlan({
      inventory: selection.dir,
      createdAt: new Date().toISOString(),
      points: selection.points,
      allPoints: selection.all,
      ignored: selection.sites.flatMap((s) => (s.site.doc.ignoredDevices ?? []).map((d) => d.identity)),
      observations,
      devices,
      prune: options.prune === true,
    });
    if (options.home) addHomeFindings(plan, selection.points);
    return plan;
  } finally {
    progress.done();
    icmp.close();
  }
}

/** Home positions cannot be read over ONVIF: with --home, apply sets them on every reachable PTZ point that lists one. */
function addHomeFindings(plan: Plan, points: DesiredPoint[]): void {
  for (const d of points) {
    const home = d.point.ptz?.home;
    const state = plan.points.find((p) => p.pointId === d.point.id)?.state;
    if (!home || state !== 'ok') continue;
    const finding: Finding = {
      kind: 'fix',
      topic: 'home',
      site: d.site,
      street: d.street.id,
      pointId: d.point.id,
      address: d.host,
      message: `home position will be set to pan ${home.pan} tilt ${home.tilt} zoom ${home.zoom} (ONVIF cannot read it back)`,
      hint: 'apply --home sets it',
      action: { type: 'set-home', position: home },
      file: d.file,
      line: d.line,
    };
    plan.findings.push(finding);
  }
  plan.summary = summarise(plan.findings);
}
