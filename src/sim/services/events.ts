import { textAt } from '../../xml/parse.js';
import { parseDurationMs } from '../duration.js';
import { type SimEvent, TooManySubscriptionsError, UnknownSubscriptionError } from '../events/hub.js';
import { invalidArgVal, SoapFault } from '../soap/fault.js';
import type { Handler, OperationContext } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { dateTimeOf } from './recordings.js';

/**
 * The events service (ONVIF Core, real-time pull point): CreatePullPointSubscription on the event service,
 * then PullMessages, Renew and Unsubscribe on the subscription's own address. PullMessages waits up to its
 * Timeout for a message, as the specification asks, so clients long-poll instead of hammering.
 */
const DEFAULT_TERMINATION_MS = 60_000;
/** A PullMessages waits at most this long, whatever Timeout asks (the device's MaxTimeout). */
const MAX_PULL_TIMEOUT_MS = 60_000;

/**
 * The longest lifetime it grants, whatever is asked: cameras cap it, and a client must renew by what the
 * reply's TerminationTime says, not by what it asked for.
 */
const MAX_TERMINATION_MS = 600_000;

/** InitialTerminationTime / TerminationTime: a duration from now (PT60S) or an absolute time; capped. */
function terminationOf(text: string | undefined, now: number): number {
  if (!text?.trim()) return now + DEFAULT_TERMINATION_MS;
  const relative = parseDurationMs(text);
  if (relative !== undefined) return now + Math.min(relative, MAX_TERMINATION_MS);
  const absolute = Date.parse(text);
  if (!Number.isFinite(absolute)) throw invalidArgVal('InvalidTerminationTime', `'${text}' is neither a duration nor a time`);
  if (absolute <= now) throw invalidArgVal('InvalidTerminationTime', 'the termination time is in the past');
  return Math.min(absolute, now + MAX_TERMINATION_MS);
}

function requireSubscription(ctx: OperationContext): string {
  if (!ctx.subscription) throw invalidArgVal('ResourceUnknown', 'this address is not a subscription');
  return ctx.subscription;
}

/** Runs `fn`, turning the hub's refusals into the faults a camera sends. */
function hubCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UnknownSubscriptionError)
      throw new SoapFault({
        code: 'env:Sender',
        subcodes: ['ter:InvalidArgVal', 'ter:ResourceUnknown'],
        reason: 'The subscription does not exist (ended or lapsed)',
      });
    if (err instanceof TooManySubscriptionsError)
      throw new SoapFault({
        code: 'env:Receiver',
        subcodes: ['ter:Action', 'ter:TooManySubscriptions'],
        reason: 'The device has no room for another subscription',
      });
    throw err;
  }
}

export function notificationMessage(e: SimEvent): string {
  return (
    `<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${e.topic}</wsnt:Topic>` +
    `<wsnt:Message><tt:Message UtcTime="${new Date(e.utcMs).toISOString()}" PropertyOperation="${e.operation}">` +
    `<tt:Source><tt:SimpleItem Name="${e.source.name}" Value="${e.source.value}"/></tt:Source>` +
    `<tt:Data><tt:SimpleItem Name="${e.data.name}" Value="${e.data.value}"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>`
  );
}

function createPullPointSubscription(ctx: OperationContext): string {
  const now = ctx.camera.cameraNow();
  const termination = terminationOf(textAt(ctx.request, 'InitialTerminationTime'), now);
  const id = hubCall(() => ctx.camera.events.create(termination));
  ctx.camera.eventsSubscribed();
  return (
    `<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>${ctx.camera.subscriptionUrl(id)}</wsa:Address></tev:SubscriptionReference>` +
    `<wsnt:CurrentTime>${dateTimeOf(now)}</wsnt:CurrentTime><wsnt:TerminationTime>${dateTimeOf(termination)}</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>`
  );
}

async function pullMessages(ctx: OperationContext): Promise<string> {
  const id = requireSubscription(ctx);
  const timeout = Math.min(parseDurationMs(textAt(ctx.request, 'Timeout') ?? '') ?? 0, MAX_PULL_TIMEOUT_MS);
  const limit = Number(textAt(ctx.request, 'MessageLimit') ?? '1') || 1;
  // Checked before waiting, so that an unknown subscription gets its fault at once.
  hubCall(() => ctx.camera.events.terminationOf(id));
  const messages = await ctx.camera.events.pull(id, timeout, limit, ctx.camera.stopping).catch(() => []);
  const now = ctx.camera.cameraNow();
  // The subscription may have ended while this waited: its termination is then now.
  const termination = (() => {
    try {
      return ctx.camera.events.terminationOf(id);
    } catch {
      return now;
    }
  })();
  return (
    `<tev:PullMessagesResponse><tev:CurrentTime>${dateTimeOf(now)}</tev:CurrentTime><tev:TerminationTime>${dateTimeOf(termination)}</tev:TerminationTime>` +
    `${messages.map(notificationMessage).join('')}</tev:PullMessagesResponse>`
  );
}

function renew(ctx: OperationContext): string {
  const id = requireSubscription(ctx);
  const now = ctx.camera.cameraNow();
  const termination = terminationOf(textAt(ctx.request, 'TerminationTime'), now);
  hubCall(() => ctx.camera.events.renew(id, termination));
  return `<wsnt:RenewResponse><wsnt:TerminationTime>${dateTimeOf(termination)}</wsnt:TerminationTime><wsnt:CurrentTime>${dateTimeOf(now)}</wsnt:CurrentTime></wsnt:RenewResponse>`;
}

function unsubscribe(ctx: OperationContext): string {
  const id = requireSubscription(ctx);
  hubCall(() => ctx.camera.events.unsubscribe(id));
  return '<wsnt:UnsubscribeResponse/>';
}

function getEventProperties(ctx: OperationContext): string {
  const state = (name: string) =>
    `<${name} wstop:topic="true"><tt:MessageDescription IsProperty="true"><tt:Source><tt:SimpleItemDescription Name="Source" Type="tt:ReferenceToken"/></tt:Source>` +
    `<tt:Data><tt:SimpleItemDescription Name="State" Type="xs:boolean"/></tt:Data></tt:MessageDescription></${name}>`;
  return (
    '<tev:GetEventPropertiesResponse><tev:TopicNamespaceLocation>http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>' +
    '<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet><wstop:TopicSet><tns1:VideoSource>' +
    // A camera without tamper analytics (a persona) lists motion alone.
    (ctx.camera.persona.tamperAnalytics
      ? `<GlobalSceneChange>${state('ImagingService')}</GlobalSceneChange><ImageTooDark>${state('ImagingService')}</ImageTooDark>` +
        `<ImageTooBright>${state('ImagingService')}</ImageTooBright><ImageTooBlurry>${state('ImagingService')}</ImageTooBlurry>`
      : '') +
    `${state('MotionAlarm')}</tns1:VideoSource></wstop:TopicSet>` +
    '<wsnt:TopicExpressionDialect>http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet</wsnt:TopicExpressionDialect>' +
    '<wsnt:TopicExpressionDialect>http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete</wsnt:TopicExpressionDialect>' +
    '<tev:MessageContentFilterDialect>http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter</tev:MessageContentFilterDialect>' +
    '<tev:MessageContentSchemaLocation>http://www.onvif.org/onvif/ver10/schema/onvif.xsd</tev:MessageContentSchemaLocation></tev:GetEventPropertiesResponse>'
  );
}

export const eventHandlers: Record<string, Handler> = {
  GetServiceCapabilities: () =>
    `<tev:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.events('tev:Capabilities')}</tev:GetServiceCapabilitiesResponse>`,
  CreatePullPointSubscription: createPullPointSubscription,
  GetEventProperties: getEventProperties,
};

/** What a subscription's own address answers (PullMessages is tev:, Renew and Unsubscribe wsnt:). */
export const subscriptionHandlers: Record<string, Handler> = {
  PullMessages: pullMessages,
  Renew: renew,
  Unsubscribe: unsubscribe,
};
