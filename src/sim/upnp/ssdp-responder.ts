import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { UPNP_DEVICE_TYPE, type UpnpAdvert } from './description.js';

const SSDP_GROUP = '239.255.255.250';
const SSDP_PORT = 1900;
const SERVER = 'Linux/5.10 UPnP/1.0 camfleet-sim/1.0';

/** A camera as the SSDP responder sees it. */
export interface SsdpMember {
  /** What to announce, or undefined while the camera does not answer UPnP (off, rebooting, web server down). */
  upnpAdvert(): UpnpAdvert | undefined;
  latencyMs(): number;
}

export interface SsdpResponderOptions {
  /** IPv4 addresses of the interfaces to join the SSDP group on. */
  interfaces: string[];
  /** Upper bound of the random wait before answering (UPnP says up to MX seconds; the fleet caps it). */
  maxReplyDelayMs: number;
  random: () => number;
  warn: (message: string) => void;
  /** Whether a search from this sender is answered: only senders on the links of `interfaces`. */
  onOurLinks: (sender: string) => boolean;
}

interface Search {
  target: string;
  maxWaitSeconds: number;
}

/**
 * Reads an M-SEARCH as UPnP Device Architecture 1.0 §1.3.2 defines it; anything else (a NOTIFY, a
 * search without `MAN: "ssdp:discover"` or without MX) is not a search and gets no answer.
 */
export function parseSearch(text: string): Search | undefined {
  const [start, ...lines] = text.split(/\r?\n/);
  if (!/^M-SEARCH \* HTTP\/1\.1$/i.test(start?.trim() ?? '')) return undefined;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
  }
  const target = headers.get('ST');
  const mx = Number(headers.get('MX'));
  if (headers.get('MAN') !== '"ssdp:discover"' || !target || !Number.isInteger(mx) || mx < 0) return undefined;
  return { target, maxWaitSeconds: Math.min(mx, 5) };
}

/** The (ST, USN) pairs a root device answers a search with: all three for ssdp:all, else the one asked for. */
export function searchAnswers(target: string, udn: string): { st: string; usn: string }[] {
  const all = [
    { st: 'upnp:rootdevice', usn: `${udn}::upnp:rootdevice` },
    { st: udn, usn: udn },
    { st: UPNP_DEVICE_TYPE, usn: `${udn}::${UPNP_DEVICE_TYPE}` },
  ];
  if (target === 'ssdp:all') return all;
  return all.filter((a) => a.st.toLowerCase() === target.toLowerCase());
}

function responseMessage(advert: UpnpAdvert, st: string, usn: string): string {
  return [
    'HTTP/1.1 200 OK',
    'CACHE-CONTROL: max-age=1800',
    `DATE: ${new Date().toUTCString()}`,
    'EXT:',
    `LOCATION: ${advert.location}`,
    `SERVER: ${SERVER}`,
    `ST: ${st}`,
    `USN: ${usn}`,
    '',
    '',
  ].join('\r\n');
}

/**
 * The UPnP side of a simulated fleet: one socket joined to 239.255.255.250:1900 on each chosen
 * interface answers M-SEARCH for every camera that answers UPnP, each answer pointing at the camera's
 * own description document.
 *
 * Written here rather than with @achingbrain/ssdp's `advertise`: that keeps its adverts in one list
 * for the whole process (two fleets would answer for each other), serves descriptions on every
 * interface of the host, and multicasts NOTIFY through them, which the network rule forbids.
 */
export class SsdpResponder {
  private socket: Socket | undefined;
  private readonly senders: Socket[] = [];
  private readonly members = new Set<SsdpMember>();
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: SsdpResponderOptions) {}

  async start(): Promise<void> {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.on('error', (err) => this.options.warn(`SSDP socket: ${err.message}`));
    socket.on('message', (msg, rinfo) => {
      if (this.options.onOurLinks(rinfo.address)) this.onMessage(msg, rinfo);
    });
    // Bound to the group address, it receives only multicast searches.
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: SSDP_GROUP, port: SSDP_PORT }, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    for (const iface of this.options.interfaces) socket.addMembership(SSDP_GROUP, iface);
    this.socket = socket;
    // Answers are unicast, from a socket on the interface (a socket bound to the group address has no source address of its own).
    for (const iface of this.options.interfaces) {
      const sender = createSocket('udp4');
      sender.on('error', (err) => this.options.warn(`SSDP sender on ${iface}: ${err.message}`));
      await new Promise<void>((resolve) => sender.bind({ address: iface, port: 0 }, () => resolve()));
      this.senders.push(sender);
    }
  }

  add(member: SsdpMember): void {
    this.members.add(member);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    this.socket?.close();
    this.socket = undefined;
    for (const sender of this.senders.splice(0)) sender.close();
  }

  private onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    const search = parseSearch(msg.toString('utf8'));
    const sender = this.senders[0];
    if (!search || !sender) return;
    for (const member of this.members) {
      const advert = member.upnpAdvert();
      if (!advert) continue;
      const answers = searchAnswers(search.target, advert.udn);
      if (answers.length === 0) continue;
      // A random wait within MX spreads the answers of many devices, as UPnP asks.
      const delay = this.options.random() * Math.min(search.maxWaitSeconds * 1000, this.options.maxReplyDelayMs) + member.latencyMs();
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        const current = member.upnpAdvert();
        if (this.stopped || !current) return;
        for (const a of answers) sender.send(responseMessage(current, a.st, a.usn), rinfo.port, rinfo.address);
      }, delay);
      this.pending.add(timer);
    }
  }
}
