import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../fs/package-root.js';
import { loadInventory } from '../../inventory/load.js';
import { overridesFromInventory } from '../../sim/from-inventory.js';
import { type CameraOverride, canListen, type Fleet, startFleet } from '../../sim/fleet.js';
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
import { writeChanges } from './inventory-changes.js';

const SAMPLE = join(PACKAGE_ROOT, 'inventory/tan-xuan-2');

/** The faults the demo injects, one of each kind of drift, by point id. */
const OFFLINE = 'tx2-gate-parking';
const TURNED = 'tx2-gate-out';
const MOVED = 'tx2-ngo-15-2';
const WRONG_RESOLUTION = 'tx2-nba-1';
const COVERED = 'tx2-ngo-8-2';
const NOT_RECORDING = 'tx2-ngo-8-3';
const MOVED_TO = '127.20.2.99';
const UNKNOWN_AT = '127.20.2.50';

/** Copies the sample site; when port 80 cannot be bound (not root), its addresses get the simulator's port. */
async function copySample(dir: string, port: number): Promise<string> {
  const site = join(dir, 'tan-xuan-2');
  await cp(SAMPLE, site, { recursive: true });
  if (port !== 80) {
    for (const file of (await readdir(join(site, 'streets'))).map((f) => join(site, 'streets', f))) {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/"address": "(127\.20\.\d+\.\d+)"/g, `"address": "$1:${port}"`));
    }
  }
  return site;
}

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
    const site = await copySample(dir, port);
    const credentials = join(dir, 'credentials.json');
    await writeFile(credentials, JSON.stringify({ profiles: { 'tan-xuan-2': { username: 'admin', password: 'camfleet' } } }));
    await chmod(credentials, 0o600);
    const demoCli: Cli = { ...cli, json: false, env: { ...cli.env, CAMFLEET_CREDENTIALS: credentials } };

    step(1, `Starting 12 simulated cameras of Tân Xuân 2 on 127.20.2.x, with faults`);
    // The pictures show 11:00 whatever the hour, so the demo looks the same by day and by night.
    const daylight = (c: CameraOverride): CameraOverride => ({ ...c, faults: { timeOfDay: 11, ...c.faults } });
    const cameras = overridesFromInventory(await loadInventory(site))
      .map((c) => {
        if (c.name === OFFLINE) return { ...c, faults: { offline: true } };
        if (c.name === COVERED) return daylight({ ...c, faults: { tampered: 'covered' } });
        if (c.name === NOT_RECORDING) return { ...c, faults: { recordingStoppedHours: 30 } };
        if (c.name === TURNED)
          return { ...c, presets: c.presets?.map((p) => (p.name === 'road' ? { ...p, pan: Math.max(-1, p.pan - 0.45), tilt: 0.2 } : p)) };
        if (c.name === MOVED) return { ...c, address: MOVED_TO };
        if (c.name === WRONG_RESOLUTION)
          return { ...c, encoders: { ...c.encoders, VideoEncoder_1: { ...c.encoders?.VideoEncoder_1, width: 1280, height: 720 } } };
        return c;
      })
      .map(daylight);
    fleets.push(await startFleet({ cameras, port, standardPorts: port === 80, ptzSpeed: 4 }));
    fleets.push(await startFleet({ count: 1, addressBase: UNKNOWN_AT, port, standardPorts: port === 80, seed: 'demo-unknown' }));
    cli.out(
      [
        `  ${OFFLINE} is powered off`,
        `  ${TURNED} was turned away from its road preset`,
        `  ${MOVED} was moved to ${MOVED_TO}`,
        `  ${WRONG_RESOLUTION} streams 1280x720 instead of 1920x1080`,
        `  ${COVERED} has its lens covered`,
        `  ${NOT_RECORDING} stopped recording 30 hours ago`,
        `  an unknown camera answers at ${UNKNOWN_AT}`,
      ].join('\n'),
    );

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
