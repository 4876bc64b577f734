import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { WSD } from '../../soap/namespaces.js';
import { byeMessage, DEVICE_TYPES, helloMessage, probeMatchesMessage, type DiscoveryAdvert, type Sequence } from './messages.js';
import { parseProbe, probeMatches } from './probe.js';

/** A camera as the discovery responder sees it. */
export interface DiscoveryMember {
  /** Current IPv4 address: unicast probes to it on port 3702 are answered for this member. */
  readonly address: string;
  /** What to advertise, or undefined while the camera is off. */
  advert(): DiscoveryAdvert | undefined;
  latencyMs(): number;
  /** Whether this probe never reached it: each camera loses its own share of what is sent to it. */
  probeLost(): boolean;
  nextSequence(): Sequence;
}

export interface ResponderOptions {
  /** IPv4 addresses of the interfaces to join the WS-Discovery group on and to announce through. */
  interfaces: string[];
  /** Upper bound of the random wait before answering a multicast probe (WS-Discovery APP_MAX_DELAY). */
  maxReplyDelayMs: number;
  random: () => number;
  /** Called with problems that do not stop the fleet (a socket error, an address that cannot be bound). */
  warn: (message: string) => void;
  /** Whether a multicast probe from this sender is answered: only senders on the links of `interfaces`. */
  onOurLinks: (sender: string) => boolean;
}

function bindUdp(socket: Socket, address: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    socket.once('error', onError);
    socket.bind({ address, port, exclusive: true }, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}

/**
 * The WS-Discovery side of a simulated fleet: one socket joined to 239.255.255.250:3702 on each
 * interface, and one unicast socket per camera address on port 3702, so that answers come from the
 * camera's own address as they would on a LAN.
 */
export class DiscoveryResponder {
  private multicast: Socket | undefined;
  private readonly announcers = new Map<string, Socket>();
  private readonly unicast = new Map<string, { socket: Socket; members: Set<DiscoveryMember> }>();
  /** Members whose address could not be bound: they answer multicast only, from an announcer. */
  private readonly orphans = new Set<DiscoveryMember>();
  private readonly pending = new Set<NodeJS.Timeout>();
  /** Probe MessageIDs recently answered: a retransmitted probe is the same message, answered once. */
  private readonly recentProbes = new Map<string, number>();
  private readonly memberKeys = new WeakMap<DiscoveryMember, number>();
  private membersSeen = 0;
  private stopped = false;

  constructor(private readonly options: ResponderOptions) {}

  async start(): Promise<void> {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.on('error', (err) => this.options.warn(`discovery multicast socket: ${err.message}`));
    socket.on('message', (msg, rinfo) => {
      if (this.options.onOurLinks(rinfo.address)) this.onProbe(msg, rinfo, undefined);
    });
    // Bound to the group address, it receives only multicast, never unicast meant for someone else.
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: WSD.multicastAddress, port: WSD.port }, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.setMulticastLoopback(true);
    for (const iface of this.options.interfaces) socket.addMembership(WSD.multicastAddress, iface);
    this.multicast = socket;
    for (const iface of this.options.interfaces) {
      const announcer = createSocket('udp4');
      announcer.on('error', (err) => this.options.warn(`discovery announcer on ${iface}: ${err.message}`));
      await bindUdp(announcer, iface, 0);
      announcer.setMulticastInterface(iface);
      announcer.setMulticastTTL(1);
      this.announcers.set(iface, announcer);
    }
  }

  /** Starts answering for `member` (binding its address's unicast socket if needed) and sends Hello. */
  async join(member: DiscoveryMember): Promise<void> {
    let entry = this.unicast.get(member.address);
    if (!entry) {
      // Address reuse: another WS-Discovery listener on this host may also bind port 3702.
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      socket.on('message', (msg, rinfo) => this.onProbe(msg, rinfo, member.address));
      socket.on('error', (err) => this.options.warn(`discovery socket ${member.address}: ${err.message}`));
      try {
        await bindUdp(socket, member.address, WSD.port);
        entry = { socket, members: new Set() };
        this.unicast.set(member.address, entry);
      } catch (err) {
        // A camera on an address this host cannot bind (a wrong static address) still answers
        // multicast probes, from the announcer: exactly the field case camfleet must flag.
        socket.close();
        this.options.warn(`discovery: cannot bind ${member.address}:${WSD.port} (${(err as Error).message})`);
        this.orphans.add(member);
      }
    }
    entry?.members.add(member);
    await this.announceHello(member);
  }

  /** Stops answering for `member`, sending Bye for `byeAdvert` when given (a clean shutdown, not a power cut). */
  async leave(member: DiscoveryMember, byeAdvert: DiscoveryAdvert | undefined): Promise<void> {
    if (byeAdvert) await this.announce(member, Buffer.from(byeMessage(byeAdvert, member.nextSequence())));
    this.orphans.delete(member);
    for (const [address, entry] of this.unicast) {
      if (!entry.members.delete(member) || entry.members.size > 0) continue;
      this.unicast.delete(address);
      entry.socket.close();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    for (const entry of this.unicast.values()) entry.socket.close();
    this.unicast.clear();
    for (const socket of this.announcers.values()) socket.close();
    this.announcers.clear();
    this.multicast?.close();
    this.multicast = undefined;
  }

  private allMembers(): Iterable<DiscoveryMember> {
    const all = new Set<DiscoveryMember>(this.orphans);
    for (const entry of this.unicast.values()) for (const m of entry.members) all.add(m);
    return all;
  }

  private onProbe(msg: Buffer, rinfo: RemoteInfo, unicastAddress: string | undefined): void {
    const probe = parseProbe(msg.toString('utf8'));
    if (!probe) return;
    const members = unicastAddress === undefined ? this.allMembers() : (this.unicast.get(unicastAddress)?.members ?? []);
    for (const member of members) {
      // Lost on the way, it is as if never sent: a retransmission may still reach this camera first.
      if (member.probeLost()) continue;
      // A retransmitted probe is the same message: each camera answers it once.
      if (probe.messageId && this.isRepeat(`${this.keyOf(member)} ${probe.messageId}`)) continue;
      const advert = member.advert();
      if (!advert || !probeMatches(probe, DEVICE_TYPES, advert.scopes)) continue;
      // Multicast answers wait a random 0..APP_MAX_DELAY so a thousand cameras do not answer at once.
      const delay = (unicastAddress === undefined ? this.options.random() * this.options.maxReplyDelayMs : 0) + member.latencyMs();
      this.later(delay, () => {
        const current = member.advert();
        if (!current) return;
        const reply = Buffer.from(probeMatchesMessage(current, probe.messageId, member.nextSequence()));
        this.socketFor(member)?.send(reply, rinfo.port, rinfo.address);
      });
    }
  }

  private keyOf(member: DiscoveryMember): number {
    const known = this.memberKeys.get(member);
    if (known !== undefined) return known;
    const key = ++this.membersSeen;
    this.memberKeys.set(member, key);
    return key;
  }

  private isRepeat(key: string): boolean {
    const now = Date.now();
    for (const [k, expires] of this.recentProbes) {
      if (expires > now) break;
      this.recentProbes.delete(k);
    }
    if (this.recentProbes.has(key)) return true;
    this.recentProbes.set(key, now + 10_000);
    return false;
  }

  private socketFor(member: DiscoveryMember): Socket | undefined {
    return this.unicast.get(member.address)?.socket ?? this.announcers.values().next().value;
  }

  private announceHello(member: DiscoveryMember): Promise<void> {
    const advert = member.advert();
    return advert ? this.announce(member, Buffer.from(helloMessage(advert, member.nextSequence()))) : Promise.resolve();
  }

  /**
   * Multicasts a camera's Hello or Bye from its own address (through each interface), as a real camera
   * sends it; a camera on an address this host cannot bind falls back to the interfaces' own sockets.
   */
  private announce(member: DiscoveryMember, message: Buffer): Promise<void> {
    const own = this.unicast.get(member.address)?.socket;
    if (!own || this.stopped) return this.send(message);
    const sends = [...this.announcers.keys()].map(
      (iface) =>
        new Promise<void>((resolve) => {
          try {
            own.setMulticastInterface(iface);
            own.send(message, WSD.port, WSD.multicastAddress, () => resolve());
          } catch {
            resolve();
          }
        }),
    );
    return Promise.all(sends).then(() => undefined);
  }

  /** Multicasts a message through every interface. */
  private send(message: Buffer): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const sends = [...this.announcers.values()].map(
      (socket) => new Promise<void>((resolve) => socket.send(message, WSD.port, WSD.multicastAddress, () => resolve())),
    );
    return Promise.all(sends).then(() => undefined);
  }

  private later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      if (!this.stopped) fn();
    }, ms);
    this.pending.add(timer);
  }
}
