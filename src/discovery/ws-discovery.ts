import { sleep } from '../async/sleep.js';
import { createSocket, type Socket } from 'node:dgram';
import { WSD } from '../soap/namespaces.js';
import type { LocalInterface } from './interfaces.js';
import type { ProbeMatch } from './model.js';
import { newMessageId, parseProbeMatches, probeMessage } from './probe-message.js';

/** I/O the prober takes from outside, so tests can pin it. */
export interface UdpDeps {
  createSocket: typeof createSocket;
  random: () => number;
}

export const defaultUdpDeps: UdpDeps = { createSocket, random: Math.random };

export interface WsProbeOptions {
  /** Interfaces to send multicast probes through (none: no multicast). */
  interfaces: LocalInterface[];
  /** Addresses for the unicast sweep. */
  unicastTargets: string[];
  /** How long to collect replies: from the start for multicast, after the last unicast send for the sweep. */
  timeoutMs: number;
  /** Also send an untyped probe: some devices answer only one of the two. */
  anyType: boolean;
  /** Unicast probes per second. */
  rate: number;
  onMatch: (match: ProbeMatch) => void;
  onMalformed: (from: string, reason: string) => void;
  signal?: AbortSignal;
}

// SOAP-over-UDP retransmission: the first repeat after a random 50-250 ms (UDP_MIN_DELAY..UDP_MAX_DELAY),
// each next one after twice the last wait, at most 500 ms (UDP_UPPER_DELAY). Every copy carries the same
// MessageID, so a camera answers only the first copy that reaches it: repeats cost the cameras nothing.
const REPEAT_MIN_MS = 50;
const REPEAT_MAX_MS = 250;
const REPEAT_UPPER_MS = 500;
/**
 * Multicast copies after the first. The standard's MULTICAST_UDP_REPEAT is 1, made for wired LANs; where
 * multicast loses a fifth of the packets (Wi-Fi bridges, busy switches), two copies miss 4% of the
 * cameras and five miss 0.03%. Measured in the discovery bench at 20% loss (README, Performance).
 */
const MULTICAST_REPEATS = 4;

/** When each repeat goes out, in ms after the first send: T, then doubling, capped at UDP_UPPER_DELAY. */
export function repeatSchedule(first: number, repeats: number): number[] {
  const at: number[] = [];
  let wait = first;
  let total = 0;
  for (let i = 0; i < repeats; i++) {
    total += wait;
    at.push(total);
    wait = Math.min(wait * 2, REPEAT_UPPER_MS);
  }
  return at;
}
const RECEIVE_BUFFER = 4 * 1024 * 1024;

function bind(socket: Socket, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address, port: 0 }, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

/**
 * Probes for ONVIF devices: WS-Discovery multicast through each chosen interface (the socket is bound
 * to that interface's address and sends through it only) and a paced unicast sweep. Multicast probes are sent
 * five times (see MULTICAST_REPEATS), unicast ones twice; replies are read defensively, so a malformed one costs only itself.
 */
export async function wsProbe(options: WsProbeOptions, deps: UdpDeps = defaultUdpDeps): Promise<void> {
  const sockets: Socket[] = [];
  const repeats: NodeJS.Timeout[] = [];
  const ids = [newMessageId(), ...(options.anyType ? [newMessageId()] : [])];
  const messages = ids.map((id, i) => Buffer.from(probeMessage(id, i === 0)));
  // Only answers to our own probes count: a ProbeMatches that relates to nothing we sent is someone else's
  // conversation, or a forgery.
  const ours = new Set(ids);

  const listen = (socket: Socket, source: 'multicast' | 'unicast', via: string | undefined): void => {
    socket.on('message', (msg, rinfo) => {
      let parsed;
      try {
        parsed = parseProbeMatches(msg.toString('utf8'));
      } catch (err) {
        options.onMalformed(rinfo.address, (err as Error).message);
        return;
      }
      for (const { onvif, relatesTo, ...m } of parsed) {
        if (!relatesTo || !ours.has(relatesTo)) options.onMalformed(rinfo.address, 'not an answer to a probe camfleet sent (RelatesTo)');
        else if (onvif) options.onMatch({ ...m, from: rinfo.address, source, via });
        else options.onMalformed(rinfo.address, `not an ONVIF device (types: ${m.types.join(' ') || 'none'})`);
      }
    });
    socket.on('error', () => undefined);
  };

  try {
    const started = Date.now();
    for (const iface of options.interfaces) {
      const socket = deps.createSocket({ type: 'udp4' });
      sockets.push(socket);
      await bind(socket, iface.address);
      socket.setMulticastInterface(iface.address);
      socket.setMulticastTTL(4);
      try {
        socket.setRecvBufferSize(RECEIVE_BUFFER);
      } catch {
        // The system may cap the buffer; the default still works for small networks.
      }
      listen(socket, 'multicast', iface.address);
      const send = (): void => {
        for (const m of messages) socket.send(m, WSD.port, WSD.multicastAddress);
      };
      send();
      for (const at of repeatSchedule(REPEAT_MIN_MS + deps.random() * (REPEAT_MAX_MS - REPEAT_MIN_MS), MULTICAST_REPEATS))
        repeats.push(setTimeout(send, at).unref());
    }

    let lastSend = started;
    if (options.unicastTargets.length > 0) {
      const socket = deps.createSocket({ type: 'udp4' });
      sockets.push(socket);
      await bind(socket, '0.0.0.0');
      try {
        socket.setRecvBufferSize(RECEIVE_BUFFER);
      } catch {
        // as above
      }
      listen(socket, 'unicast', undefined);
      // Paced in 10 ms slices; every address gets two probes, the second pass after the first.
      const perSlice = Math.max(1, Math.round(options.rate / 100));
      for (let pass = 0; pass < 2 && !options.signal?.aborted; pass++) {
        for (let i = 0; i < options.unicastTargets.length && !options.signal?.aborted; i += perSlice) {
          for (const address of options.unicastTargets.slice(i, i + perSlice)) {
            for (const m of messages) socket.send(m, WSD.port, address);
          }
          await sleep(10, options.signal);
        }
        if (pass === 0) await sleep(REPEAT_MIN_MS + deps.random() * (REPEAT_MAX_MS - REPEAT_MIN_MS), options.signal);
      }
      lastSend = Date.now();
    }

    const end = Math.max(started + options.timeoutMs, options.unicastTargets.length ? lastSend + options.timeoutMs : 0);
    await sleep(Math.max(0, end - Date.now()), options.signal);
  } finally {
    // A short window may end before the last repeats: they must not send on a closed socket.
    for (const timer of repeats) clearTimeout(timer);
    for (const s of sockets) s.close();
  }
}
