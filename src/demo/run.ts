import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialResolver } from '../credentials/resolve.js';
import type { FileChange } from '../inventory/editor.js';
import { loadInventory } from '../inventory/load.js';
import { writeChanges } from '../inventory/write-changes.js';
import { type ApplyWork, applyWork } from '../reconcile/apply.js';
import { adoptChanges } from '../reconcile/adopt.js';
import { type CheckOutcome, runCheck } from '../reconcile/check.js';
import type { ApplyReport, Plan } from '../reconcile/model.js';
import { writePlan } from '../reconcile/plan-file.js';
import { type ObserveSettings, planSelection, type ReconcileDeps, referencesOf } from '../reconcile/run.js';
import { verifySavedPlan } from '../reconcile/saved-plan.js';
import { selectPoints } from '../reconcile/selection.js';
import { thumbnailCollector } from '../report/thumbnail.js';
import type { HtmlReportInput } from '../report/write-html-report.js';
import { canListen, type Fleet, startFleet } from '../sim/fleet.js';
import { DEMO_FAULTS, demoCameras, prepareDemoSite, UNKNOWN_AT } from './scenario.js';

/** What the demo shows, step by step; the front end renders each as it comes. */
export type DemoScene =
  | { type: 'step'; n: number; text: string }
  | { type: 'faults'; faults: string[] }
  /** `report`: the field report of a check to write, with `dir` where it goes. */
  | { type: 'checked'; outcome: CheckOutcome; report?: { dir: string; input: HtmlReportInput } }
  | { type: 'planned'; plan: Plan }
  | { type: 'work'; file: string; work: ApplyWork[] }
  | { type: 'applied'; report: ApplyReport }
  | { type: 'adopting'; changes: FileChange[] }
  | { type: 'adopted'; changes: FileChange[] }
  | { type: 'done'; seconds: number };

export interface DemoDeps {
  now: () => Date;
  signal?: AbortSignal;
  show: (scene: DemoScene) => Promise<void> | void;
}

/** The whole sample site, as the demo's inventory stands now (adopt changes it between steps). */
async function selectAll(site: string) {
  return selectPoints(site, await loadInventory(site), {});
}

/**
 * The sample residential group on simulated cameras with seven faults, then check (with the field report),
 * plan, apply, adopt (into a temporary copy of the inventory) and check again. Everything stays on
 * loopback: discovery sweeps the sample's loopback ranges and sends no multicast.
 */
export async function runDemo(deps: DemoDeps): Promise<void> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-demo-'));
  const fleets: Fleet[] = [];
  const step = (n: number, text: string) => deps.show({ type: 'step', n, text });
  try {
    const port = (await canListen('127.20.2.11', 80)) ? 80 : 8080;
    const { site, credentials: file } = await prepareDemoSite(dir, port);
    // The demo's own credentials file, and nothing from the user's environment.
    const credentials = new CredentialResolver(
      {},
      { env: { CAMFLEET_CREDENTIALS: file }, interactive: false, readStdin: async () => '', prompt: async () => '' },
    );

    await step(1, `Starting 12 simulated cameras of Tân Xuân 2 on 127.20.2.x, with faults`);
    fleets.push(await startFleet({ cameras: await demoCameras(site), port, standardPorts: port === 80, ptzSpeed: 4 }));
    fleets.push(await startFleet({ count: 1, addressBase: UNKNOWN_AT, port, standardPorts: port === 80, seed: 'demo-unknown' }));
    await deps.show({ type: 'faults', faults: DEMO_FAULTS });

    const settings: ObserveSettings = {
      timeoutMs: 3000,
      concurrency: 32,
      rtspPort: port === 80 ? 554 : 8554,
      discovery: true,
      interfaces: [],
    };
    const reconcile: ReconcileDeps = { credentials, now: deps.now, signal: deps.signal };

    await step(2, 'camfleet check --html: is every camera healthy and as the inventory says? (what CI runs)');
    const pictures = thumbnailCollector();
    const first = await runCheck({ dir: site }, settings, { ...reconcile, keepSnapshot: pictures.keep });
    // The report outlives the demo's temporary folder: its pictures are copied in as thumbnails.
    const input = {
      report: first.report,
      plan: first.plan,
      ...first.selection!,
      checkedAt: first.plan?.createdAt ?? deps.now().toISOString(),
      thumbnails: pictures.thumbnails,
    };
    await deps.show({ type: 'checked', outcome: first, report: { dir: join(tmpdir(), 'camfleet-demo-report'), input } });

    await step(3, 'camfleet plan --out plan.json: what apply would fix, what needs a person');
    const planFile = join(dir, 'plan.json');
    const plan = await planSelection(await selectAll(site), settings, reconcile);
    await writePlan(planFile, plan);
    await deps.show({ type: 'planned', plan });

    await step(4, 'camfleet apply plan.json: re-aim the preset, fix the stream, verify');
    const planned = await selectAll(site);
    const work = await verifySavedPlan(plan, planned, settings, reconcile);
    await deps.show({ type: 'work', file: planFile, work });
    const applyOptions = { concurrency: 32, timeoutMs: settings.timeoutMs, rtspPort: settings.rtspPort, credentials };
    await deps.show({ type: 'applied', report: await applyWork(work, { ...applyOptions, references: referencesOf(planned) }) });

    await step(5, 'camfleet inventory adopt --into cong-chinh: record the moved camera and the unknown one (in a temporary copy)');
    const selection = await selectAll(site);
    const today = deps.now().toISOString().slice(0, 10);
    const adoptOptions = { street: 'cong-chinh', owner: 'public' as const, today };
    const { changes } = adoptChanges(await planSelection(selection, settings, reconcile), selection.sites, adoptOptions);
    await deps.show({ type: 'adopting', changes });
    await writeChanges(changes);
    await deps.show({ type: 'adopted', changes });

    await step(
      6,
      'camfleet check again: the offline camera needs a person on site; the adopted camera now gets the site settings on the next apply',
    );
    await deps.show({ type: 'checked', outcome: await runCheck({ dir: site }, settings, reconcile) });
    await deps.show({ type: 'done', seconds: Math.round((Date.now() - started) / 1000) });
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
    await rm(dir, { recursive: true, force: true });
  }
}
