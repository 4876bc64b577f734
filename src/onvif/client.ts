import { type AccessPolicy, STRICT_ACCESS } from '../auth/access-policy.js';
import { ChallengeAnswerer } from '../auth/digest-client.js';
import type { Credentials } from '../credentials/secret.js';
import { type DeviceEndpoint, urlOn } from '../net/endpoint.js';
import { ExchangeError, type ExchangeResponse, exchange, headerValues } from '../net/http-exchange.js';
import { NS } from '../soap/namespaces.js';
import { parseXml, type XmlElement, XmlSyntaxError } from '../xml/parse.js';
import {
  AuthError,
  CertificateError,
  NetworkError,
  OnvifFault,
  type OnvifError,
  ProtocolError,
  TimeoutError,
  UnsupportedError,
} from './errors.js';
import { Reply } from './reply.js';
import { usernameToken } from './ws-security.js';

export type ServiceName = 'device' | 'media' | 'media2' | 'ptz' | 'events' | 'recording' | 'search' | 'replay';
export type AuthMode = 'ws-security' | 'digest' | 'basic' | 'none';

export const SERVICE_NS: Record<ServiceName, string> = {
  device: NS.tds,
  media: NS.trt,
  media2: NS.tr2,
  ptz: NS.tptz,
  events: NS.tev,
  recording: NS.trc,
  search: NS.tse,
  replay: NS.trp,
};
export const DEFAULT_TIMEOUT_MS = 5000;
/** SOAP replies longer than this are refused: no camera's answer to a read is near it. */
export const MAX_SOAP_BYTES = 2 * 1024 * 1024;

export interface ClientOptions {
  endpoint: DeviceEndpoint;
  credentials?: Credentials;
  /** One deadline per call, for the whole exchange. */
  timeoutMs?: number;
  /** What the credentials may be used for (certificates, Basic, Digest without qop). */
  policy?: AccessPolicy;
  /** Host clock, for the clock-skew figure and WS-Security's Created. */
  now?: () => number;
  /** Aborts calls under way (Ctrl-C, the end of a watch). */
  signal?: AbortSignal;
}

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens on that port)',
  EHOSTUNREACH: 'no route to the camera',
  ENETUNREACH: 'no route to the camera',
  ECONNRESET: 'the camera closed the connection without answering',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
};

/** A SOAP fault's code, subcodes and reason. */
function readFault(body: Reply): { code: string; subcodes: string[]; reason: string } | undefined {
  const fault = body.child('Fault');
  if (!fault.exists) return undefined;
  const subcodes: string[] = [];
  // Subcodes nest; a hostile reply may nest thousands: the first few say all a person needs.
  for (let sub = fault.at('Code', 'Subcode'); sub.exists && subcodes.length < 4; sub = sub.child('Subcode')) {
    const value = sub.text('Value');
    if (value) subcodes.push(value.replace(/^[\w-]+:/, 'ter:').slice(0, 80));
  }
  return {
    code: (fault.text('Code', 'Value') ?? 'env:Receiver').slice(0, 80),
    subcodes,
    reason: (fault.text('Reason', 'Text') ?? fault.text('faultstring') ?? 'SOAP fault').slice(0, 200),
  };
}

/**
 * One camera's ONVIF connection: SOAP 1.2 over HTTP(S) with WS-Security (the camera's clock offset
 * learned from GetSystemDateAndTime) or HTTP Digest when the camera asks for it. Every call has one
 * deadline for the whole exchange and a size cap; replies are parsed with depth limits. Typed errors
 * carry fault subcodes and never a secret. Service addresses come from GetServices or GetCapabilities.
 */
export class OnvifClient {
  readonly endpoint: DeviceEndpoint;
  readonly policy: AccessPolicy;
  /** The auth mode of the last successful authenticated call. */
  authMode: AuthMode | undefined;
  /** Camera clock minus host clock, once read. */
  clockOffsetMs: number | undefined;
  /** The camera's time settings as read with its clock. */
  timeSetting: { type: string | undefined; timezone: string | undefined } | undefined;
  private readonly credentials: Credentials | undefined;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly signal: AbortSignal | undefined;
  private readonly serviceAddresses = new Map<ServiceName, { port: number; path: string }>();
  private readonly answerer: ChallengeAnswerer | undefined;
  /** Off once the camera showed it wants HTTP Digest: it ignores WS-Security then. */
  private useWsSecurity = true;

  constructor(options: ClientOptions) {
    this.endpoint = options.endpoint;
    this.policy = options.policy ?? STRICT_ACCESS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.signal = options.signal;
    const creds = options.credentials;
    this.credentials = creds?.username && !creds.password.isEmpty ? creds : undefined;
    this.answerer = this.credentials
      ? new ChallengeAnswerer(this.credentials, {
          allowBasic: this.policy.allowBasic,
          allowDigestWithoutQop: this.policy.allowDigestWithoutQop,
          encrypted: this.endpoint.scheme === 'https',
        })
      : undefined;
  }

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** Records where a service lives, from GetServices or GetCapabilities XAddrs. */
  setServiceAddress(service: ServiceName, xaddr: string): void {
    const address = this.onCameraHost(xaddr);
    if (address) this.serviceAddresses.set(service, address);
  }

  /**
   * An address the camera gave, as camfleet calls it: its path (and query), and its port only when it
   * names the host we reach the camera at. Cameras behind NAT or on a wrong static address report hosts
   * we cannot reach, and calls (with their credentials) go only to the camera's own host. Undefined when
   * it is not a URL.
   */
  private onCameraHost(xaddr: string): { port: number; path: string } | undefined {
    try {
      const url = new URL(xaddr);
      const sameHost = url.hostname === this.endpoint.host;
      const standard = url.protocol === 'https:' ? 443 : 80;
      return { port: sameHost ? (url.port ? Number(url.port) : standard) : this.endpoint.port, path: `${url.pathname}${url.search}` };
    } catch {
      return undefined;
    }
  }

  /**
   * Calls an operation at an address the camera handed out (an event subscription's), on the camera's own
   * host; `deadlineMs` replaces the call timeout (a PullMessages waits on the camera), `signal` ends it.
   */
  async callAt(
    address: string,
    service: ServiceName,
    operation: string,
    body: string,
    options: { deadlineMs?: number; signal?: AbortSignal } = {},
  ): Promise<Reply> {
    const at = this.onCameraHost(address);
    if (!at)
      throw new ProtocolError(`the camera gave an address that is not a URL: ${address.slice(0, 100)}`, {
        endpoint: this.endpoint.url,
        action: operation,
      });
    return this.raw(service, operation, body, true, { url: urlOn(this.endpoint, at.port, at.path), ...options });
  }

  hasService(service: ServiceName): boolean {
    return service === 'device' || this.serviceAddresses.has(service);
  }

  private address(service: ServiceName): { port: number; path: string } {
    return this.serviceAddresses.get(service) ?? { port: this.endpoint.port, path: this.endpoint.path };
  }

  /** The URL a service's calls go to. */
  serviceUrl(service: ServiceName): string {
    const { port, path } = this.address(service);
    return urlOn(this.endpoint, port, path);
  }

  /** Reads the camera's clock (no credentials needed) and adopts its offset for WS-Security. */
  async syncClock(): Promise<{ cameraTime: Date; offsetMs: number }> {
    const sentAt = this.now();
    const reply = await this.raw('device', 'GetSystemDateAndTime', `<GetSystemDateAndTime xmlns="${NS.tds}"/>`, false);
    const setting = reply.child('SystemDateAndTime');
    this.timeSetting = { type: setting.text('DateTimeType'), timezone: setting.text('TimeZone', 'TZ')?.slice(0, 64) };
    const utc = setting.child('UTCDateTime');
    const n = (...p: string[]): number => utc.number(...p) ?? Number.NaN;
    const cameraMs = Date.UTC(
      n('Date', 'Year'),
      n('Date', 'Month') - 1,
      n('Date', 'Day'),
      n('Time', 'Hour'),
      n('Time', 'Minute'),
      n('Time', 'Second'),
    );
    if (!Number.isFinite(cameraMs)) {
      throw new ProtocolError('GetSystemDateAndTime has no valid UTCDateTime', {
        endpoint: this.endpoint.url,
        action: 'GetSystemDateAndTime',
      });
    }
    // The camera states whole seconds and answered somewhere in the round trip: compare the middle of
    // its second with the middle of the round trip.
    const hostNow = (sentAt + this.now()) / 2;
    this.clockOffsetMs = cameraMs + 500 - hostNow;
    return { cameraTime: new Date(cameraMs), offsetMs: this.clockOffsetMs };
  }

  /**
   * Calls `operation` on `service` with `body` (the operation element). Authenticated unless
   * `authenticate` is false; on a WS-Security refusal the camera clock is read again and the call retried once.
   */
  async call(service: ServiceName, operation: string, body: string, authenticate = true): Promise<Reply> {
    try {
      return await this.raw(service, operation, body, authenticate);
    } catch (err) {
      const wsSecurityRefused = err instanceof AuthError && authenticate && this.useWsSecurity && !this.answerer?.ready;
      if (!wsSecurityRefused || !this.hasCredentials) throw err;
      await this.syncClock();
      return this.raw(service, operation, body, authenticate);
    }
  }

  private envelope(body: string, authenticate: boolean): string {
    const security =
      authenticate && this.credentials && this.useWsSecurity
        ? usernameToken(this.credentials, new Date(this.now() + (this.clockOffsetMs ?? 0)))
        : '';
    return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Header>${security}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
  }

  private async raw(
    service: ServiceName,
    operation: string,
    body: string,
    authenticate: boolean,
    at: { url?: string; deadlineMs?: number; signal?: AbortSignal } = {},
  ): Promise<Reply> {
    const url = new URL(at.url ?? this.serviceUrl(service));
    const deadlineMs = at.deadlineMs ?? this.timeoutMs;
    const details = { endpoint: url.href, action: operation };
    const action = `${SERVICE_NS[service]}/${operation}`;
    const send = (authorization: string | undefined): Promise<ExchangeResponse> =>
      exchange({
        url,
        method: 'POST',
        headers: {
          'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"`,
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: this.envelope(body, authenticate),
        deadlineMs,
        maxBytes: MAX_SOAP_BYTES,
        tls: this.policy.tls,
        signal: [at.signal, this.signal],
      }).catch((err: unknown) => {
        throw this.exchangeError(err, details, deadlineMs);
      });
    const path = `${url.pathname}${url.search}`;
    const answerer = authenticate ? this.answerer : undefined;
    let authorization = answerer?.authorize('POST', path);
    let response = await send(authorization);
    if (response.status === 401 && answerer) {
      // A stale nonce or a first challenge: learn it and answer once more.
      const learned = answerer.learn(headerValues(response, 'www-authenticate'));
      if (!learned.ok) throw new AuthError(`${learned.reason} — ${learned.hint}`, details);
      authorization = answerer.authorize('POST', path);
      response = await send(authorization);
      if (response.status === 401) {
        throw new AuthError(
          `the camera refused the user name or password (HTTP ${learned.scheme === 'basic' ? 'Basic' : 'Digest'})`,
          details,
        );
      }
    }
    const reply = this.parse(response, details);
    if (authenticate && this.credentials) {
      this.authMode = authorization ? (answerer?.scheme ?? 'digest') : this.useWsSecurity ? 'ws-security' : 'none';
      // A camera that wants Digest ignores WS-Security; stop building the header for it.
      if (authorization) this.useWsSecurity = false;
    }
    return reply;
  }

  private parse(response: ExchangeResponse, details: { endpoint: string; action: string }): Reply {
    let root: XmlElement;
    try {
      root = parseXml(response.body.toString('utf8'));
    } catch (err) {
      if (response.status === 401) throw new AuthError('the camera wants credentials', details);
      const why = err instanceof XmlSyntaxError ? err.message : String(err);
      if (response.status >= 400)
        throw new ProtocolError(`HTTP ${response.status} and no SOAP fault: is this an ONVIF device service?`, details);
      throw new ProtocolError(`the answer is not well-formed XML (${why.slice(0, 120)})`, details);
    }
    const body = Reply.of(root).child('Body');
    const fault = readFault(body);
    if (fault) throw this.faultError(fault, details);
    if (response.status >= 400)
      throw new ProtocolError(`HTTP ${response.status} and no SOAP fault: is this an ONVIF device service?`, details);
    if (!body.exists) throw new ProtocolError('the answer is not a SOAP envelope', details);
    const first = body.childNames()[0];
    if (!first) throw new ProtocolError('empty SOAP body', details);
    return body.child(first);
  }

  private faultError(
    fault: { code: string; subcodes: string[]; reason: string },
    details: { endpoint: string; action: string },
  ): OnvifError {
    if (fault.subcodes.includes('ter:NotAuthorized')) {
      return new AuthError(
        this.hasCredentials ? 'the camera refused the user name or password (WS-Security)' : 'the camera wants credentials',
        details,
      );
    }
    if (fault.subcodes.includes('ter:ActionNotSupported'))
      return new UnsupportedError(`the camera does not support ${details.action}`, details);
    return new OnvifFault({ ...details, ...fault });
  }

  private exchangeError(err: unknown, details: { endpoint: string; action: string }, timeoutMs = this.timeoutMs): OnvifError {
    if (!(err instanceof ExchangeError)) return new ProtocolError(String(err), details);
    switch (err.failure) {
      case 'timeout':
        return new TimeoutError({ ...details, timeoutMs });
      case 'too-large':
        return new ProtocolError(err.message, details);
      case 'tls':
        return new CertificateError(err.message, details);
      case 'aborted':
        return new NetworkError('stopped before the camera answered', { ...details, code: 'ABORTED' });
      default:
        return new NetworkError(NETWORK_MESSAGES[err.code ?? ''] ?? err.message, { ...details, code: err.code });
    }
  }
}
