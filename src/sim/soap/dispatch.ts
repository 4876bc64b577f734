import { child, parseXml, XmlSyntaxError, type XmlElement } from '../../xml/parse.js';
import { NS } from '../../soap/namespaces.js';
import { soapEnvelope, soapFault } from '../../soap/envelope.js';
import { actionNotSupported, notWellFormed, SoapFault } from './fault.js';
import type { Handler, OperationContext, ServiceCamera } from '../services/context.js';
import type { ServiceName } from '../services/service-name.js';
import { deviceHandlers, PRE_AUTH_OPERATIONS } from '../services/device.js';
import { mediaHandlers } from '../services/media.js';
import { media2Handlers } from '../services/media2.js';
import { ptzHandlers } from '../services/ptz.js';
import { recordingHandlers } from '../services/recording.js';
import { replayHandlers } from '../services/replay.js';
import { searchHandlers } from '../services/search.js';
import { eventHandlers, subscriptionHandlers } from '../services/events.js';
import { lenientReply, personaAnswers } from '../persona.js';

/** Each service's namespace and handlers; a camera dispatches on the body element's namespace. */
const SERVICES: Record<ServiceName, { ns: string[]; handlers: Record<string, Handler> }> = {
  device: { ns: [NS.tds], handlers: deviceHandlers },
  media: { ns: [NS.trt], handlers: mediaHandlers },
  media2: { ns: [NS.tr2], handlers: media2Handlers },
  ptz: { ns: [NS.tptz], handlers: ptzHandlers },
  recording: { ns: [NS.trc], handlers: recordingHandlers },
  search: { ns: [NS.tse], handlers: searchHandlers },
  replay: { ns: [NS.trp], handlers: replayHandlers },
  events: { ns: [NS.tev], handlers: eventHandlers },
  // A subscription's address: PullMessages is an events operation, Renew and Unsubscribe WS-BaseNotification.
  subscription: { ns: [NS.tev, NS.wsnt], handlers: subscriptionHandlers },
};

/** The prefix each service's reply elements use (declared on every envelope). */
const SERVICE_PREFIX: Record<ServiceName, string> = {
  device: 'tds',
  media: 'trt',
  media2: 'tr2',
  ptz: 'tptz',
  recording: 'trc',
  search: 'tse',
  replay: 'trp',
  events: 'tev',
  subscription: 'tev',
};

export interface SoapReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The outcome of checking a request's credentials: allowed, or the reply to send instead. */
export type AuthDecision = { allowed: true } | { allowed: false; reply: SoapReply };

/** Checks credentials for one parsed request; supplied by the camera, which knows its auth mode. */
export type Authenticator = (header: XmlElement | undefined) => AuthDecision;

export function faultReply(fault: SoapFault): SoapReply {
  return { status: fault.httpStatus, headers: {}, body: soapEnvelope(soapFault(fault.parts)) };
}

export function isServiceEnabled(camera: ServiceCamera, service: ServiceName): boolean {
  if (service === 'media2') return camera.hasMedia2;
  if (service === 'ptz') return camera.hasPtz;
  if (service === 'recording' || service === 'search' || service === 'replay') return camera.hasRecording;
  if (service === 'events' || service === 'subscription') return camera.hasEvents;
  return true;
}

/**
 * Handles one SOAP request to `service`'s endpoint: parses the envelope, checks the SOAP version,
 * authenticates (except pre-auth operations), and runs the operation, turning faults into replies.
 */
export function dispatchSoap(
  camera: ServiceCamera,
  service: ServiceName,
  xml: string,
  authenticate: Authenticator,
  subscription?: string,
): SoapReply | Promise<SoapReply> {
  let envelope: XmlElement;
  try {
    envelope = parseXml(xml);
  } catch (err) {
    return faultReply(notWellFormed(err instanceof XmlSyntaxError ? err.message : 'unreadable request'));
  }
  if (envelope.name !== 'Envelope' || envelope.ns !== NS.soap) {
    const versionMismatch = envelope.name === 'Envelope' && envelope.ns === NS.soap11;
    return faultReply(
      new SoapFault({
        code: versionMismatch ? 'env:VersionMismatch' : 'env:Sender',
        subcodes: versionMismatch ? [] : ['ter:WellFormed'],
        reason: versionMismatch ? 'SOAP 1.2 is required' : 'The request is not a SOAP 1.2 envelope',
      }),
    );
  }
  const header = child(envelope, 'Header', NS.soap);
  const operation = child(envelope, 'Body', NS.soap)?.children[0];
  if (!operation) return faultReply(notWellFormed('the SOAP Body is empty'));

  const spec = SERVICES[service];
  const answers = isServiceEnabled(camera, service) && personaAnswers(camera.persona, service, operation.name);
  const handler = spec.ns.includes(operation.ns ?? '') && answers ? spec.handlers[operation.name] : undefined;
  const preAuth = service === 'device' && PRE_AUTH_OPERATIONS.has(operation.name);
  if (!preAuth) {
    const decision = authenticate(header);
    if (!decision.allowed) return decision.reply;
  }
  if (!handler) return faultReply(actionNotSupported(`${operation.name} is not supported at this endpoint`));

  const ctx: OperationContext = { camera, request: operation, subscription };
  const reply = (body: string): SoapReply => ({
    status: 200,
    headers: {},
    body: soapEnvelope(camera.persona.lenientNamespaces ? lenientReply(body, SERVICE_PREFIX[service]) : body),
  });
  const fault = (err: unknown): SoapReply => {
    if (err instanceof SoapFault) return faultReply(err);
    throw err;
  };
  try {
    const body = handler(ctx);
    // Most operations answer at once; PullMessages waits for an event.
    return typeof body === 'string' ? reply(body) : body.then(reply, fault);
  } catch (err) {
    return fault(err);
  }
}
