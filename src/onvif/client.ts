import { Agent } from 'node:http';
import onvif from 'onvif';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../inventory/device-address.js';
import { NS } from '../soap/namespaces.js';
import { AuthError, NetworkError, OnvifFault, ProtocolError, TimeoutError, UnsupportedError, type OnvifError } from './errors.js';
import { Reply } from './reply.js';

export type ServiceName = 'device' | 'media' | 'media2' | 'ptz';
export type AuthMode = 'ws-security' | 'digest' | 'none';

export const SERVICE_NS: Record<ServiceName, string> = { device: NS.tds, media: NS.trt, media2: NS.tr2, ptz: NS.tptz };
export const DEFAULT_TIMEOUT_MS = 5000;

/** The parts of the `onvif` library's Cam that the facade drives (its request core, not its connect sequence). */
interface CamCore {
  username?: string;
  password?: string;
  timeout: number;
  timeShift?: number;
  useWSSecurity: boolean;
  _envelopeHeader(openHeader?: boolean): string;
  _envelopeFooter(): string;
  _request(
    options: { url: Record<string, unknown>; action: string; body: string; headers: Record<string, string> },
    callback: (err: (Error & { code?: string }) | null, data: unknown, xml: string, statusCode?: number) => void,
  ): void;
}

export interface ClientOptions {
  endpoint: DeviceEndpoint;
  credentials?: Credentials;
  timeoutMs?: number;
  /** A keep-alive agent shared by many clients (one per process is best). */
  agent?: Agent;
  /** Host clock, for the clock-skew figure. */
  now?: () => number;
}

// Up to 8 connections per camera: enough for a command's parallel reads, few enough for small firmware.
const sharedAgent = new Agent({ keepAlive: true, maxSockets: 8, keepAliveMsecs: 5000 });
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

function networkMessage(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens on that port)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the camera';
    case 'ECONNRESET':
      return 'the camera closed the connection';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return fallback;
  }
}

/** A SOAP fault's code, subcodes and reason, from the reply body as the library parsed it. */
function readFault(data: unknown): { code: string; subcodes: string[]; reason: string } | undefined {
  const body = Array.isArray(data) ? data[0] : data;
  const fault = Reply.of('Body', body).child('Fault');
  if (!fault.exists) return undefined;
  const subcodes: string[] = [];
  for (let sub = fault.at('Code', 'Subcode'); sub.exists; sub = sub.child('Subcode')) {
    const value = sub.text('Value');
    if (value) subcodes.push(value.replace(/^[\w-]+:/, 'ter:'));
  }
  return { code: fault.text('Code', 'Value') ?? 'env:Receiver', subcodes, reason: fault.text('Reason', 'Text') ?? 'SOAP fault' };
}

/**
 * One camera's ONVIF connection, over the `onvif` library's request core: it signs requests with
 * WS-Security (clock offset learned from the camera), falls back to HTTP Digest on a 401, and parses
 * replies. This class adds what the library leaves out: explicit SOAP actions (the library otherwise
 * re-parses every request body to find one), typed errors with fault subcodes, a hard deadline per
 * call, service addresses from GetServices, and which auth mode worked.
 */
export class OnvifClient {
  readonly endpoint: DeviceEndpoint;
  /** The auth mode of the last successful authenticated call. */
  authMode: AuthMode | undefined;
  /** Camera clock minus host clock, once read. */
  clockOffsetMs: number | undefined;
  /** The camera's time settings as read with its clock. */
  timeSetting: { type: string | undefined; timezone: string | undefined } | undefined;
  private readonly cam: CamCore;
  private readonly timeoutMs: number;
  private readonly agent: Agent;
  private readonly now: () => number;
  private readonly serviceAddresses = new Map<ServiceName, { port: number; path: string }>();

  constructor(options: ClientOptions) {
    this.endpoint = options.endpoint;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = options.agent ?? sharedAgent;
    this.now = options.now ?? Date.now;
    const creds = options.credentials;
    this.cam = new onvif.Cam({
      hostname: this.endpoint.host,
      port: this.endpoint.port,
      path: this.endpoint.path,
      username: creds?.username,
      password: creds?.password.reveal(),
      timeout: this.timeoutMs,
      autoconnect: false,
    }) as unknown as CamCore;
    // Until the camera's clock is read, assume it agrees with ours (the library would otherwise sign
    // with a time counted from process start); a refusal triggers one re-read of the camera clock.
    this.cam.timeShift = this.now() - process.uptime() * 1000;
  }

  get hasCredentials(): boolean {
    return Boolean(this.cam.username && this.cam.password);
  }

  /** Records where a service lives, from GetServices or GetCapabilities XAddrs. */
  setServiceAddress(service: ServiceName, xaddr: string): void {
    try {
      const url = new URL(xaddr);
      // The XAddr's path is used; its host only when it is the one we reach the camera at, since
      // cameras behind NAT or on a wrong static address report hosts we cannot reach.
      const sameHost = url.hostname === this.endpoint.host;
      this.serviceAddresses.set(service, {
        port: sameHost && url.port ? Number(url.port) : sameHost ? 80 : this.endpoint.port,
        path: url.pathname,
      });
    } catch {
      // An XAddr that is not a URL: keep using the device path.
    }
  }

  hasService(service: ServiceName): boolean {
    return service === 'device' || this.serviceAddresses.has(service);
  }

  private address(service: ServiceName): { port: number; path: string } {
    return this.serviceAddresses.get(service) ?? { port: this.endpoint.port, path: this.endpoint.path };
  }

  /** Reads the camera's clock (no credentials needed) and adopts its offset for WS-Security. */
  async syncClock(): Promise<{ cameraTime: Date; offsetMs: number }> {
    const sentAt = this.now();
    const reply = await this.raw(
      'device',
      'GetSystemDateAndTime',
      '<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/>',
      false,
    );
    const setting = reply.child('SystemDateAndTime');
    this.timeSetting = { type: setting.text('DateTimeType'), timezone: setting.text('TimeZone', 'TZ') };
    const utc = setting.child('UTCDateTime');
    const n = (...p: string[]): number => utc.number(...p) ?? NaN;
    const cameraMs = Date.UTC(
      n('Date', 'Year'),
      n('Date', 'Month') - 1,
      n('Date', 'Day'),
      n('Time', 'Hour'),
      n('Time', 'Minute'),
      n('Time', 'Second'),
    );
    if (!Number.isFinite(cameraMs))
      throw new ProtocolError('GetSystemDateAndTime has no UTCDateTime', { endpoint: this.endpoint.url, action: 'GetSystemDateAndTime' });
    // The camera states whole seconds and answered somewhere in the round trip: compare the middle of
    // its second with the middle of the round trip.
    const hostNow = (sentAt + this.now()) / 2;
    this.clockOffsetMs = cameraMs + 500 - hostNow;
    this.cam.timeShift = cameraMs + 500 - process.uptime() * 1000;
    return { cameraTime: new Date(cameraMs), offsetMs: this.clockOffsetMs };
  }

  /**
   * Calls `operation` on `service` with `body` (the operation element). Authenticated unless
   * `authenticate` is false; on an auth refusal the camera clock is read again and the call retried once.
   */
  async call(service: ServiceName, operation: string, body: string, authenticate = true): Promise<Reply> {
    try {
      return await this.raw(service, operation, body, authenticate);
    } catch (err) {
      if (!(err instanceof AuthError) || !authenticate || this.authMode === 'digest' || !this.cam.useWSSecurity) throw err;
      await this.syncClock();
      return this.raw(service, operation, body, authenticate);
    }
  }

  private raw(service: ServiceName, operation: string, body: string, authenticate: boolean): Promise<Reply> {
    const { port, path } = this.address(service);
    const endpoint = `http://${this.endpoint.host}${port === 80 ? '' : `:${port}`}${path}`;
    const header = authenticate
      ? this.cam._envelopeHeader()
      : '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header></s:Header><s:Body>';
    const request = {
      url: { hostname: this.endpoint.host, port, path, agent: this.agent, timeout: this.timeoutMs },
      action: `${SERVICE_NS[service]}/${operation}`,
      body: `${header}${body}${this.cam._envelopeFooter()}`,
      headers: {} as Record<string, string>,
    };
    const details = { endpoint, action: operation };
    return new Promise<Reply>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new TimeoutError({ ...details, timeoutMs: this.timeoutMs }));
      }, this.timeoutMs + 50);
      this.cam._request(request, (err, data, _xml, statusCode) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) return reject(this.mapError(err, data, statusCode, details));
        if (authenticate && this.hasCredentials) {
          // The library adds an Authorization header only when it had to fall back to Digest.
          this.authMode = request.headers.Authorization ? 'digest' : this.cam.useWSSecurity ? 'ws-security' : 'none';
          // A camera that wants Digest ignores WS-Security; stop building the header for it.
          if (this.authMode === 'digest') this.cam.useWSSecurity = false;
        }
        const bodyNode = Array.isArray(data) ? data[0] : data;
        const reply = Reply.of('Body', bodyNode);
        const first = reply.childNames()[0];
        if (!first) return reject(new ProtocolError('empty SOAP body', details));
        resolve(reply.child(first));
      });
    });
  }

  private mapError(
    err: Error & { code?: string },
    data: unknown,
    statusCode: number | undefined,
    details: { endpoint: string; action: string },
  ): OnvifError {
    if (err.code && NETWORK_CODES.has(err.code))
      return new NetworkError(networkMessage(err.code, err.message), { ...details, code: err.code });
    if (err.message === 'Network timeout') return new TimeoutError({ ...details, timeoutMs: this.timeoutMs });
    if (/^Digest authentication/.test(err.message))
      return new AuthError('the camera refused the user name or password (HTTP Digest)', details);
    const fault = readFault(data);
    if (fault) {
      const last = fault.subcodes.at(-1) ?? '';
      if (fault.subcodes.includes('ter:NotAuthorized')) {
        return new AuthError(
          this.hasCredentials ? 'the camera refused the user name or password (WS-Security)' : 'the camera wants credentials',
          details,
        );
      }
      if (fault.subcodes.includes('ter:ActionNotSupported') || last === 'ter:ActionNotSupported')
        return new UnsupportedError(`the camera does not support ${details.action}`, details);
      return new OnvifFault({ ...details, ...fault });
    }
    if (statusCode && statusCode >= 400)
      return new ProtocolError(`HTTP ${statusCode} and no SOAP fault: is this an ONVIF device service?`, details);
    return new ProtocolError(`the answer is not ONVIF SOAP (${err.message})`, details);
  }
}
