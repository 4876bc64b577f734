import { isIP } from 'node:net';

export type IcmpResult = { kind: 'reply'; ms: number } | { kind: 'no-reply' } | { kind: 'unavailable'; reason: string };

/** What to tell the user when ICMP cannot be used at all, with the fix. */
export interface IcmpUnavailable {
  reason: string;
  fix: string;
}

interface PingModule {
  promise: { probe(host: string, config: { timeout: number; min_reply?: number }): Promise<{ alive: boolean; time: number | 'unknown'; output: string }> };
}

/**
 * ICMP echo through the system `ping` (the `ping` package). The host must already be an IP address:
 * the package passes it to the program unchecked, and a host such as "-h" would be read as a flag.
 * When the program is missing or not permitted, every later probe answers "unavailable" at once.
 */
export class IcmpProber {
  private unavailable: IcmpUnavailable | undefined;
  private module: PingModule | undefined;

  get problem(): IcmpUnavailable | undefined {
    return this.unavailable;
  }

  async probe(ip: string, timeoutMs: number): Promise<IcmpResult> {
    if (!isIP(ip)) throw new TypeError(`ICMP probe needs an IP address, not '${ip}'`);
    if (this.unavailable) return { kind: 'unavailable', reason: this.unavailable.reason };
    this.module ??= ((await import('ping')) as unknown as { default: PingModule }).default;
    let result: Awaited<ReturnType<PingModule['promise']['probe']>>;
    try {
      result = await this.module.promise.probe(ip, { timeout: Math.max(1, Math.ceil(timeoutMs / 1000)), min_reply: 1 });
    } catch {
      this.unavailable = { reason: 'the system ping program is missing', fix: 'install it (Debian: apt-get install iputils-ping)' };
      return { kind: 'unavailable', reason: this.unavailable.reason };
    }
    if (/operation not permitted|permission denied|socket: /i.test(result.output)) {
      this.unavailable = {
        reason: 'the system ping program is not permitted to send ICMP',
        fix: "allow it: sudo setcap cap_net_raw+ep $(command -v ping), or sysctl net.ipv4.ping_group_range='0 2147483647'",
      };
      return { kind: 'unavailable', reason: this.unavailable.reason };
    }
    if (!result.alive) return { kind: 'no-reply' };
    return { kind: 'reply', ms: typeof result.time === 'number' ? result.time : 0 };
  }
}

/** On loopback the kernel itself answers for every 127.x.y.z: a reply there says nothing about a camera. */
export const isLoopback = (ip: string): boolean => /^127\./.test(ip);
