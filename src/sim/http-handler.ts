import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { splitScheme } from '../auth/http-digest.js';
import { authenticateSoap } from './auth/soap-auth.js';
import type { DigestAuthority } from './auth/digest-authority.js';
import type { NonceCache } from './auth/ws-security.js';
import type { AuthMode } from './model.js';
import type { ServiceCamera } from './services/context.js';
import { dispatchSoap, type SoapReply } from './soap/dispatch.js';
import type { ServiceName } from './services/service-name.js';
import { DESCRIPTION_PATH, descriptionDocument, type UpnpAdvert } from './upnp/description.js';

/** What the HTTP front needs of a simulated camera (a SimCamera), so that it need not know the class. */
export interface HttpCamera extends ServiceCamera {
  readonly nonces: NonceCache;
  readonly realm: string;
  readonly httpDigest: DigestAuthority;
  readonly authMode: AuthMode;
  readonly snapshotAuth: 'digest' | 'basic';
  random(): number;
  credentials(): { username: string; password: string };
  delay(): Promise<void>;
  observeRequest(body: string): void;
  snapshot(profileToken: string): Promise<Buffer> | undefined;
  upnpAdvert(): UpnpAdvert | undefined;
}

export const SERVICE_PATHS: Record<ServiceName, string> = {
  device: '/onvif/device_service',
  media: '/onvif/media_service',
  media2: '/onvif/media2_service',
  ptz: '/onvif/ptz_service',
  recording: '/onvif/recording_service',
  search: '/onvif/search_service',
  replay: '/onvif/replay_service',
  events: '/onvif/event_service',
  subscription: '/onvif/events/subscription',
};
export const SNAPSHOT_PATH = '/onvif/snapshot';

/** A subscription's own address: /onvif/events/subscription/ID. */
const SUBSCRIPTION_PATH = /^\/onvif\/events\/subscription\/(\d{1,9})$/;
const serviceByPath = new Map(Object.entries(SERVICE_PATHS).map(([service, path]) => [path, service as ServiceName]));
const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** Sends a whole reply with its Content-Length, as real servers do (some clients need it: libonvif). */
function send(res: ServerResponse, reply: SoapReply, contentType: string, close = false): void {
  if (res.destroyed) return;
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    ...(close ? { Connection: 'close' } : {}),
    ...reply.headers,
  });
  res.end(body);
}

/** Basic auth check for the snapshot URL of cameras configured for it (many cheap cameras are). */
function basicMatches(header: string | undefined, username: string, password: string): boolean {
  if (!header) return false;
  const [scheme, rest] = splitScheme(header);
  if (scheme !== 'basic') return false;
  const given = Buffer.from(rest.trim(), 'base64');
  const wanted = Buffer.from(`${username}:${password}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function handleSnapshot(camera: HttpCamera, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { username, password } = camera.credentials();
  if (camera.authMode !== 'none') {
    if (camera.snapshotAuth === 'basic') {
      if (!basicMatches(req.headers.authorization, username, password)) {
        await camera.delay();
        return send(res, { status: 401, headers: { 'WWW-Authenticate': `Basic realm="${camera.realm}"` }, body: '' }, 'text/plain');
      }
    } else {
      const check = camera.httpDigest.verify(req.headers.authorization, req.method ?? 'GET', req.url ?? '', username, password);
      if (check !== 'ok') {
        await camera.delay();
        return send(
          res,
          { status: 401, headers: { 'WWW-Authenticate': camera.httpDigest.challenges(check === 'stale') }, body: '' },
          'text/plain',
        );
      }
    }
  }
  const image = await camera.snapshot(url.searchParams.get('profile') ?? '');
  await camera.delay();
  if (!image) return send(res, { status: 404, headers: {}, body: 'no such profile' }, 'text/plain');
  if (res.destroyed) return;
  res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': image.length });
  res.end(image);
}

/** Answers one HTTP request to a simulated camera: SOAP services, the snapshot URL, or 404. */
export async function handleHttp(camera: HttpCamera, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A share of requests is never answered, like a camera whose web server is overloaded.
  if (camera.faults.dropRate > 0 && camera.random() < camera.faults.dropRate) return;
  const url = new URL(req.url ?? '/', 'http://camera');
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (url.pathname === SNAPSHOT_PATH && get) return handleSnapshot(camera, req, res, url);
  const upnp = url.pathname === DESCRIPTION_PATH && get ? camera.upnpAdvert() : undefined;
  if (upnp) {
    await camera.delay();
    return send(res, { status: 200, headers: {}, body: descriptionDocument(upnp) }, 'text/xml; charset="utf-8"');
  }
  // With ONVIF switched off the web server stays up, and its service paths are not found.
  const subscription = SUBSCRIPTION_PATH.exec(url.pathname)?.[1];
  const service = camera.faults.onvifOff ? undefined : subscription ? 'subscription' : serviceByPath.get(url.pathname);
  if (!service) {
    await camera.delay();
    return send(res, { status: 404, headers: {}, body: 'Not Found' }, 'text/plain');
  }
  if (req.method !== 'POST') {
    await camera.delay();
    return send(res, { status: 405, headers: { Allow: 'POST' }, body: 'Method Not Allowed' }, 'text/plain');
  }
  const body = await readBody(req);
  if (body === undefined) return send(res, { status: 413, headers: {}, body: 'Request Entity Too Large' }, 'text/plain');
  camera.observeRequest(body);

  const { username, password } = camera.credentials();
  const reply = await dispatchSoap(
    camera,
    service,
    body,
    (header) =>
      authenticateSoap(header, {
        mode: camera.authMode,
        username,
        password,
        cameraNow: camera.cameraNow(),
        nonces: camera.nonces,
        replayTolerant: camera.persona.replayTolerant,
        digest: camera.httpDigest,
        authorization: req.headers.authorization,
        method: req.method ?? 'POST',
        url: req.url ?? '',
      }),
    subscription,
  );
  if (camera.faults.malformedXml) reply.body = reply.body.slice(0, Math.floor(reply.body.length * 0.6));
  await camera.delay();
  send(res, reply, 'application/soap+xml; charset=utf-8', camera.persona.closeAfterReply);
}
