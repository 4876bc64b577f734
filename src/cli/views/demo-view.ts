import type { DemoScene } from '../../demo/run.js';
import type { Cli } from '../context.js';
import { renderCheck } from './check-view.js';
import { renderHtmlReport } from './html-report-view.js';
import { inventoryChangesView } from './inventory-changes-view.js';
import { planView } from './plan-view.js';

/** The demo as a person sees it: each step in bold, then what the command it stands for would show. */
export function demoView(cli: Cli): (scene: DemoScene) => Promise<void> {
  // The demo narrates for a person, also under --json.
  const person: Cli = { ...cli, json: false };
  const plans = planView(person);
  const changes = inventoryChangesView(person);
  return async (scene) => {
    switch (scene.type) {
      case 'step':
        return cli.out(cli.paint('bold', `\n━━ ${scene.n}. ${scene.text}`));
      case 'faults':
        return cli.out(scene.faults.map((f) => `  ${f}`).join('\n'));
      case 'checked':
        await renderCheck(person, scene.outcome, {});
        if (scene.report) await renderHtmlReport(cli, scene.report.dir, scene.report.input);
        return;
      case 'planned':
        return plans.plan(scene.plan);
      case 'work':
        return plans.work(`Applying ${scene.file}`, scene.work);
      case 'applied':
        return plans.apply(scene.report);
      case 'adopting':
        return changes.changes(scene.changes);
      case 'adopted':
        return changes.written(scene.changes);
      case 'done':
        return cli.out(
          `\nDone in ${scene.seconds} s. Try it on the simulator yourself:\n` +
            `  camfleet sim --inventory inventory/tan-xuan-2 &\n  CAMFLEET_PASSWORD=camfleet camfleet plan --inventory inventory/tan-xuan-2 --user admin`,
        );
    }
  };
}
