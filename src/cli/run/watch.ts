import { setFlagsFromString } from 'node:v8';
import { UserError } from '../../errors.js';
import { batchGapMs, pullSecondsFor } from '../../watch/follow-events.js';
import { WatchMetrics } from '../../watch/metrics.js';
import { parseListen, startMetricsServer } from '../../watch/server.js';
import { healthVerdict, type WatchHealth, watch } from '../../watch/watch.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { watchLogger } from '../views/watch-view.js';
import type { WatchFlags } from '../options/watch.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `camfleet watch`: the check cycle around the clock, its metrics served, until SIGINT or SIGTERM. */
export async function runWatch(cli: Cli, flags: WatchFlags): Promise<ExitCode> {
  // A long-running process whose event long-polls outlive the young generation: what they leave is found only
  // by full collections, and V8 let the old space grow to three times the live heap (RSS 375 MB for 1,000
  // cameras, 63 MB of it live). Growing it by 40% at each collection kept RSS at 242–250 MB, flat, over the
  // 10-minute benchmark, for about four points of CPU (README, Performance). V8 reads the factor at each
  // collection, so it holds when set here.
  setFlagsFromString('--heap-growing-percent=40');
  const listen = parseListen(flags.listen);
  if (!listen) throw new UserError(`--listen '${flags.listen}' is not HOST:PORT`, { hint: 'e.g. --listen 127.0.0.1:9464' });
  const selection = await loadSelection(flags);
  const metrics = new WatchMetrics();
  const health: WatchHealth = { lastCycleAt: null };
  const started = Date.now();
  const intervalMs = flags.interval * 1000;
  const server = await startMetricsServer(listen, metrics.registry, () => healthVerdict(health, started, intervalMs, Date.now())).catch(
    (err: NodeJS.ErrnoException) => {
      throw new UserError(`cannot listen on ${flags.listen} (${err.code === 'EADDRINUSE' ? 'the port is taken' : err.message})`, {
        hint: 'give another --listen HOST:PORT, or stop what holds it',
      });
    },
  );
  const signal = cli.signal;
  cli.info(
    `Watching ${selection.points.length} points every ${flags.interval} s${flags.events ? ', with events' : ''}; metrics at http://${server.address}/metrics. Ctrl-C stops.`,
  );
  try {
    const deps = await depsOf(cli, flags);
    await watch(
      selection,
      {
        intervalMs,
        settings: settingsOf(flags),
        events: flags.events
          ? {
              terminationSeconds: flags.subscriptionSeconds,
              pullSeconds: pullSecondsFor(flags.subscriptionSeconds),
              batchGapMs: batchGapMs(intervalMs),
            }
          : null,
        viewEvery: flags.viewEvery,
      },
      { credentials: deps.credentials, now: () => new Date(), signal, log: watchLogger(cli), metrics },
      health,
    );
  } finally {
    await server.close();
  }
  cli.info('Stopped: every event subscription ended.');
  return Exit.Ok;
}
