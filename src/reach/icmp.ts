import { fork, type ChildProcess } from 'node:child_process';
import { isIP } from 'node:net';
import { packageUrl } from '../fs/package-root.js';

/** `not-sent`: no probe was needed (the camera's ONVIF port answered, so the host is up). */
export type IcmpResult =
  | { kind: 'reply'; ms: number }
  | { kind: 'no-reply' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'not-sent' };

/** What to tell the user when ICMP cannot be used at all, with the fix. */
export interface IcmpUnavailable {
  reason: string;
  fix: string;
}

type WorkerReply = { id: number; alive: boolean; ms: number; output: string } | { id: number; error: string };

/** How long past a probe's own timeout the helper may take to answer (starting up, under load) before the probe gives up. */
const HELPER_GRACE_MS = 5000;

// The helper is always the built one: tests run the sources, but a process needs JavaScript.
const WORKER = packageUrl('dist/reach/icmp-worker.js');

/**
 * ICMP echo through the system `ping` (the `ping` package), run from a small helper process. The
 * host must already be an IP address: the package passes it to the program unchecked, and a host
 * such as "-h" would be read as a flag. When the program is missing or not permitted, every later
 * probe answers "unavailable" at once.
 */
export class IcmpProber {
  private unavailable: IcmpUnavailable | undefined;
  private worker: ChildProcess | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();

  get problem(): IcmpUnavailable | undefined {
    return this.unavailable;
  }

  private start(): ChildProcess {
    if (this.worker) return this.worker;
    // A clean environment: the helper, and the system ping it runs, never see CAMFLEET_PASSWORD or any
    // other secret of camfleet's own; C locale so that ping's output reads as the ping package expects.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
    const worker = fork(WORKER, [], { execArgv: [], env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'json' });
    worker.on('message', (reply: WorkerReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
    });
    worker.on('exit', () => {
      for (const done of this.waiting.values()) done({ id: -1, error: 'the ping helper stopped' });
      this.waiting.clear();
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  async probe(ip: string, timeoutMs: number): Promise<IcmpResult> {
    if (!isIP(ip)) throw new TypeError(`ICMP probe needs an IP address, not '${ip}'`);
    if (this.unavailable) return { kind: 'unavailable', reason: this.unavailable.reason };
    const worker = this.start();
    worker.ref();
    const id = ++this.nextId;
    // Never waits for ever: a helper that does not answer in time counts as no reply.
    const reply = await new Promise<WorkerReply>((resolve) => {
      const deadline = setTimeout(() => {
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
        resolve({ id, alive: false, ms: 0, output: '' });
      }, timeoutMs + HELPER_GRACE_MS);
      this.waiting.set(id, (r) => {
        clearTimeout(deadline);
        resolve(r);
      });
      worker.send({ id, ip, timeoutMs });
    });
    if ('error' in reply) {
      this.unavailable ??= { reason: 'the system ping program is missing', fix: 'install it (Debian: apt-get install iputils-ping)' };
      return { kind: 'unavailable', reason: this.unavailable.reason };
    }
    if (/operation not permitted|permission denied|socket: /i.test(reply.output)) {
      this.unavailable ??= {
        reason: 'the system ping program is not permitted to send ICMP',
        fix: "allow it: sudo setcap cap_net_raw+ep $(command -v ping), or sysctl net.ipv4.ping_group_range='0 2147483647'",
      };
      return { kind: 'unavailable', reason: this.unavailable.reason };
    }
    return reply.alive ? { kind: 'reply', ms: reply.ms } : { kind: 'no-reply' };
  }

  /** Stops the helper process. */
  close(): void {
    this.worker?.disconnect();
  }
}

/** On loopback the kernel itself answers for every 127.x.y.z: a reply there says nothing about a camera. */
export const isLoopback = (ip: string): boolean => /^127\./.test(ip);
