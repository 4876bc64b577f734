import { localInterfaces, selectInterfaces } from '../../discovery/interfaces.js';
import { defaultInventoryDir, loadInventory } from '../../inventory/load.js';
import type { ObserveSettings, ReconcileDeps } from '../../reconcile/run.js';
import { type Selection, selectPoints } from '../../reconcile/selection.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import type { ReconcileFlags } from '../options/groups.js';

/** How to look at cameras, from the flags plan, apply, check, reaim, adopt and survey share. */
export function settingsOf(flags: ReconcileFlags): ObserveSettings {
  return {
    timeoutMs: flags.timeout * 1000,
    concurrency: flags.concurrency,
    rtspPort: flags.rtspPort,
    discovery: flags.discovery !== false,
    interfaces: flags.interface?.length ? selectInterfaces(flags.interface, localInterfaces()) : [],
    views: flags.views !== false,
    access: flags,
  };
}

/** The I/O a reconcile flow gets from the command line: credentials, the clock, Ctrl-C and a progress line. */
export async function depsOf(cli: Cli, flags: ReconcileFlags, progress?: (text: string) => void): Promise<ReconcileDeps> {
  return { credentials: await credentialResolver(cli, flags), now: () => new Date(), signal: cli.signal, progress };
}

/** The inventory the flags name (or the default one) and the points they select. */
export async function loadSelection(flags: ReconcileFlags, dir?: string): Promise<Selection> {
  const root = dir ?? flags.inventory ?? (await defaultInventoryDir());
  return selectPoints(root, await loadInventory(root), { street: flags.street, point: flags.point }, flags);
}
