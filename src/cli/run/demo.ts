import { runDemo as demo } from '../../demo/run.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { demoView } from '../views/demo-view.js';

/** `camfleet demo`: the sample residential group on simulated cameras with faults (src/demo/run.ts). */
export async function runDemo(cli: Cli): Promise<ExitCode> {
  await demo({ now: () => new Date(), signal: cli.signal, show: demoView(cli) });
  return Exit.Ok;
}
