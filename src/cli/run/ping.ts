import type { AccessFlags } from '../../auth/access-policy.js';
import { IcmpProber } from '../../reach/icmp.js';
import { pingAll } from '../../reach/ping.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { collectTargets } from '../targets.js';
import { renderPing } from '../views/ping-view.js';

export interface PingFlags extends AccessFlags {
  inventory?: string;
  street?: string;
  maxSkew: number;
  slowMs: number;
  timeout: number;
  concurrency: number;
  rtspPort: number;
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
}

export async function runPing(cli: Cli, texts: string[], flags: PingFlags): Promise<ExitCode> {
  const targets = await collectTargets(
    texts,
    flags.inventory ? { dir: flags.inventory, street: flags.street } : undefined,
    await credentialResolver(cli, flags),
    flags,
  );
  const icmp = new IcmpProber();
  const progress = progressLine(cli);
  const started = performance.now();
  const results = await pingAll(
    targets.map(({ target, endpoint, credentials, policy }) => ({ target, endpoint, credentials, policy })),
    {
      timeoutMs: flags.timeout * 1000,
      concurrency: flags.concurrency,
      rtspPort: flags.rtspPort,
      maxSkewSeconds: flags.maxSkew,
      slowMs: flags.slowMs,
      icmp,
      signal: cli.signal,
      onResult: (_r, done) => progress.update(`checked ${done}/${targets.length}…`),
    },
  );
  progress.done();
  icmp.close();
  renderPing(cli, results, Math.round(performance.now() - started), icmp.problem);
  return results.some((r) => r.state !== 'ok') ? Exit.Findings : Exit.Ok;
}
