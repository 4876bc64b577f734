import { NS, xmlnsDefault } from '../soap/namespaces.js';
import type { OnvifClient } from './client.js';
import { ProtocolError } from './errors.js';
import type { Reply } from './reply.js';

/** The events service's real-time pull point (ONVIF Core 9.1): subscribe, pull, renew, unsubscribe. */

const TEV = xmlnsDefault(NS.tev);
const WSNT = xmlnsDefault(NS.wsnt);

/** One notification: its topic (tns1:VideoSource/GlobalSceneChange/ImagingService), source and data items. */
export interface EventMessage {
  topic: string;
  /** When the camera raised it (its clock), ISO; null when it gave none. */
  utcTime: string | null;
  operation: string;
  source: Record<string, string>;
  data: Record<string, string>;
}

export interface PullPoint {
  /** Where PullMessages, Renew and Unsubscribe go (the camera's own host is used, whatever it names). */
  address: string;
  /** How long the camera granted it, in seconds; null when it did not say. */
  grantedSeconds: number | null;
}

const time = (text: string | undefined): number | null => {
  if (!text) return null;
  const ms = Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
  return Number.isFinite(ms) ? ms : null;
};

/**
 * The lifetime the camera granted, from its CurrentTime and TerminationTime: both on its own clock, so a
 * camera whose clock is off still gets renewed in time. Cameras cap what they grant (often a minute), so
 * it may be less than was asked. Null when either is missing.
 */
function granted(r: Reply): number | null {
  const current = time(r.text('CurrentTime'));
  const termination = time(r.text('TerminationTime'));
  return current === null || termination === null || termination <= current ? null : (termination - current) / 1000;
}

const items = (r: Reply): Record<string, string> =>
  Object.fromEntries(
    r
      .all('SimpleItem')
      .map((i) => [i.attr('Name') ?? '', i.attr('Value') ?? ''] as const)
      .filter(([name]) => name),
  );

function message(n: Reply): EventMessage {
  const m = n.at('Message', 'Message');
  const utc = time(m.attr('UtcTime'));
  return {
    // A topic may carry its namespace prefix or not; the dialect's path is what identifies it.
    topic: n.text('Topic') ?? '',
    utcTime: utc === null ? null : new Date(utc).toISOString(),
    operation: m.attr('PropertyOperation') ?? '',
    source: items(m.child('Source')),
    data: items(m.child('Data')),
  };
}

export async function createPullPoint(c: OnvifClient, terminationSeconds: number): Promise<PullPoint> {
  const r = await c.call(
    'events',
    'CreatePullPointSubscription',
    `<CreatePullPointSubscription ${TEV}><InitialTerminationTime>PT${terminationSeconds}S</InitialTerminationTime></CreatePullPointSubscription>`,
  );
  const address = r.text('SubscriptionReference', 'Address');
  if (!address)
    throw new ProtocolError('CreatePullPointSubscription gave no subscription address', {
      endpoint: c.serviceUrl('events'),
      action: 'CreatePullPointSubscription',
    });
  return { address, grantedSeconds: granted(r) };
}

/** Deeper than any topic tree cameras announce (tns1:VideoSource/GlobalSceneChange/ImagingService is 3). */
const MAX_TOPIC_DEPTH = 8;

/**
 * The topics a camera says it can raise (GetEventProperties' TopicSet), as paths without prefixes:
 * `VideoSource/GlobalSceneChange/ImagingService`. A topic is a node of the tree that carries a
 * MessageDescription; cameras also mark it wstop:topic="true", which lenient ones leave out.
 */
export async function eventTopics(c: OnvifClient): Promise<string[]> {
  const r = await c.call('events', 'GetEventProperties', `<GetEventProperties ${TEV}/>`);
  const topics: string[] = [];
  const walk = (node: Reply, path: string[]): void => {
    if (path.length > MAX_TOPIC_DEPTH) return;
    for (const name of node.childNames()) {
      if (name === 'MessageDescription') continue;
      const child = node.child(name);
      const childPath = [...path, name];
      if (child.child('MessageDescription').exists) topics.push(childPath.join('/'));
      walk(child, childPath);
    }
  };
  walk(r.child('TopicSet'), []);
  return topics;
}

/** Waits on the camera up to `timeoutSeconds` for messages; the HTTP deadline allows for the wait. */
export async function pullMessages(
  c: OnvifClient,
  point: PullPoint,
  timeoutSeconds: number,
  limit: number,
  callTimeoutMs: number,
  signal?: AbortSignal,
): Promise<EventMessage[]> {
  const r = await c.callAt(
    point.address,
    'events',
    'PullMessages',
    `<PullMessages ${TEV}><Timeout>PT${timeoutSeconds}S</Timeout><MessageLimit>${limit}</MessageLimit></PullMessages>`,
    { deadlineMs: timeoutSeconds * 1000 + callTimeoutMs, signal },
  );
  return r.all('NotificationMessage').map(message);
}

/** Extends the subscription; resolves with the lifetime the camera granted (seconds), or null. */
export async function renew(c: OnvifClient, point: PullPoint, terminationSeconds: number): Promise<number | null> {
  const r = await c.callAt(
    point.address,
    'events',
    'Renew',
    `<Renew ${WSNT}><TerminationTime>PT${terminationSeconds}S</TerminationTime></Renew>`,
  );
  return granted(r);
}

export async function unsubscribe(c: OnvifClient, point: PullPoint, signal?: AbortSignal): Promise<void> {
  await c.callAt(point.address, 'events', 'Unsubscribe', `<Unsubscribe ${WSNT}/>`, { signal });
}

/** The tamper topics camfleet acts on, by the last part that names them, and motion. */
const TAMPER_TOPICS = ['GlobalSceneChange', 'ImageTooDark', 'ImageTooBright', 'ImageTooBlurry'] as const;

/** What a topic is to the watch: a tamper alarm (and which), motion, or something else. */
export function topicKind(topic: string): { kind: 'tamper'; name: string } | { kind: 'motion' } | { kind: 'other' } {
  const parts = topic.replace(/^[\w-]+:/, '').split('/');
  const tamper = TAMPER_TOPICS.find((t) => parts.includes(t));
  if (tamper) return { kind: 'tamper', name: tamper };
  if (parts.some((p) => /Motion/i.test(p))) return { kind: 'motion' };
  return { kind: 'other' };
}

/** Whether a camera's announced topics (eventTopics) include the scene-change tamper alarm. */
export function announcesSceneChange(topics: readonly string[]): boolean {
  return topics.some((t) => {
    const kind = topicKind(t);
    return kind.kind === 'tamper' && kind.name === 'GlobalSceneChange';
  });
}
