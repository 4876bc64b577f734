import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FAULTS, demoCameras, prepareDemoSite, UNKNOWN_AT } from '../../demo/scenario.js';
import { loadInventory } from '../../inventory/load.js';
import { canListen, type Fleet, startFleet } from '../../sim/fleet.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { adoptChanges } from '../../reconcile/adopt.js';
import { applyWork } from '../../reconcile/apply.js';
import { runCheck } from '../../reconcile/check.js';
import { writePlan } from '../../reconcile/plan-file.js';
import { type ObserveSettings, planSelection, type ReconcileDeps, referencesOf } from '../../reconcile/run.js';
import { verifySavedPlan } from '../../reconcile/saved-plan.js';
import { selectPoints } from '../../reconcile/selection.js';
import { credentialResolver } from '../credentials.js';
import { renderCheck } from '../views/check-view.js';
import { renderHtmlReport, thumbnailCollector } from '../views/html-report-view.js';
import { inventoryChangesView } from '../views/inventory-changes-view.js';
import { planView } from '../views/plan-view.js';
import { writeChanges } from '../../inventory/write-changes.js';

/** The whole sample site, as the demo's inventory stands now (adopt changes it between steps). */
async function loadSelection(site: string) {
  return selectPoints(site, await loadInventory(site), {});
}

/**
 * `camfleet demo`: the sample residential group on simulated cameras with seven faults, then
 * check, plan, apply, adopt (into a temporary copy of the inventory) and check again. Everything stays
 * on loopback: discovery sweeps the sample's loopback ranges and sends no multicast.
 */
export async function runDemo(cli: Cli): Promise<ExitCode> {
  const step = (n: number, text: string): void => cli.out(cli.paint('bold', `\n━━ ${n}. ${text}`));
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-demo-'));
  const fleets: Fleet[] = [];
  try {
    const port = (await canListen('127.20.2.11', 80)) ? 80 : 8080;
    const { site, credentials } = await prepareDemoSite(dir, port);
    const demoCli: Cli = { ...cli, json: false, env: { ...cli.env, CAMFLEET_CREDENTIALS: credentials } };

    step(1, `Starting 12 simulated cameras of Tân Xuân 2 on 127.20.2.x, with faults`);
    fleets.push(await startFleet({ cameras: await demoCameras(site), port, standardPorts: port === 80, ptzSpeed: 4 }));
    fleets.push(await startFleet({ count: 1, addressBase: UNKNOWN_AT, port, standardPorts: port === 80, seed: 'demo-unknown' }));
    cli.out(DEMO_FAULTS.map((f) => `  ${f}`).join('\n'));

    const settings: ObserveSettings = {
      timeoutMs: 3000,
      concurrency: 32,
      rtspPort: port === 80 ? 554 : 8554,
      discovery: true,
      interfaces: [],
    };
    const credentialsResolver = await credentialResolver(demoCli, {});
    const deps: ReconcileDeps = { credentials: credentialsResolver, now: () => new Date(), signal: cli.signal };
    const view = planView(demoCli);

    step(2, 'camfleet check --html: is every camera healthy and as the inventory says? (what CI runs)');
    const pictures = thumbnailCollector();
    const first = await runCheck({ dir: site }, settings, { ...deps, keepSnapshot: pictures.keep });
    await renderCheck(demoCli, first, {});
    // The report outlives the demo's temporary folder: its pictures are copied in as thumbnails.
    const reportDir = join(tmpdir(), 'camfleet-demo-report');
    await renderHtmlReport(cli, reportDir, {
      report: first.report,
      plan: first.plan,
      ...first.selection!,
      checkedAt: first.plan?.createdAt ?? new Date().toISOString(),
      thumbnails: pictures.thumbnails,
    });
    step(3, 'camfleet plan --out plan.json: what apply would fix, what needs a person');
    const planFile = join(dir, 'plan.json');
    const plan = await planSelection(await loadSelection(site), settings, deps);
    await writePlan(planFile, plan);
    view.plan(plan);
    step(4, 'camfleet apply plan.json: re-aim the preset, fix the stream, verify');
    const planned = await loadSelection(site);
    const work = await verifySavedPlan(plan, planned, settings, deps);
    view.work(`Applying ${planFile}`, work);
    view.apply(
      await applyWork(work, {
        concurrency: 32,
        timeoutMs: settings.timeoutMs,
        rtspPort: settings.rtspPort,
        credentials: credentialsResolver,
        references: referencesOf(planned),
      }),
    );
    step(5, 'camfleet inventory adopt --into cong-chinh: record the moved camera and the unknown one (in a temporary copy)');
    const selection = await loadSelection(site);
    const { changes } = adoptChanges(await planSelection(selection, settings, deps), selection.sites, {
      street: 'cong-chinh',
      owner: 'public',
      today: new Date().toISOString().slice(0, 10),
    });
    const changesView = inventoryChangesView(demoCli);
    changesView.changes(changes);
    await writeChanges(changes);
    changesView.written(changes);
    step(
      6,
      'camfleet check again: the offline camera needs a person on site; the adopted camera now gets the site settings on the next apply',
    );
    await renderCheck(demoCli, await runCheck({ dir: site }, settings, deps), {});
    cli.out(
      `\nDone in ${Math.round((Date.now() - started) / 1000)} s. Try it on the simulator yourself:\n` +
        `  camfleet sim --inventory inventory/tan-xuan-2 &\n  CAMFLEET_PASSWORD=camfleet camfleet plan --inventory inventory/tan-xuan-2 --user admin`,
    );
    return Exit.Ok;
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
    await rm(dir, { recursive: true, force: true });
  }
}
