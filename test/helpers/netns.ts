import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether this run may create network namespaces (root with iproute2, as in CI). */
export async function canUseNetns(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  try {
    await run('ip', ['netns', 'list']);
    return true;
  } catch {
    return false;
  }
}

/** Two namespaces joined by a veth pair, each end with an address; removed by `destroy()` even after a failure. */
export interface NetnsPair {
  a: { ns: string; dev: string; address: string };
  b: { ns: string; dev: string; address: string };
  destroy(): Promise<void>;
}

export async function createNetnsPair(tag: string, subnet: string): Promise<NetnsPair> {
  const id = `${tag}${process.pid % 100000}`;
  const a = { ns: `cf-${id}-a`, dev: `cf${id}a`.slice(0, 15), address: `${subnet}.2` };
  const b = { ns: `cf-${id}-b`, dev: `cf${id}b`.slice(0, 15), address: `${subnet}.3` };
  const destroy = async (): Promise<void> => {
    for (const ns of [a.ns, b.ns]) await run('ip', ['netns', 'del', ns]).catch(() => undefined);
  };
  await destroy();
  try {
    await run('ip', ['netns', 'add', a.ns]);
    await run('ip', ['netns', 'add', b.ns]);
    await run('ip', ['link', 'add', a.dev, 'type', 'veth', 'peer', 'name', b.dev]);
    for (const end of [a, b]) {
      await run('ip', ['link', 'set', end.dev, 'netns', end.ns]);
      await run('ip', ['-n', end.ns, 'addr', 'add', `${end.address}/24`, 'dev', end.dev]);
      await run('ip', ['-n', end.ns, 'link', 'set', end.dev, 'up']);
      await run('ip', ['-n', end.ns, 'link', 'set', 'lo', 'up']);
      // Multicast leaves through the veth end, and only inside this namespace.
      await run('ip', ['-n', end.ns, 'route', 'add', '224.0.0.0/4', 'dev', end.dev]);
    }
  } catch (err) {
    await destroy();
    throw err;
  }
  return { a, b, destroy };
}

/** Runs a command inside a namespace. */
export function netnsExec(ns: string, command: string[], options: { timeoutMs?: number } = {}) {
  return run('ip', ['netns', 'exec', ns, ...command], { timeout: options.timeoutMs ?? 30_000 });
}

/** Starts a long-running command inside a namespace; resolves once its stdout has a first line. */
export function netnsSpawn(ns: string, command: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn('ip', ['netns', 'exec', ns, ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl !== -1) resolve({ child, firstLine: out.slice(0, nl) });
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before reporting: ${err}`)));
  });
}
