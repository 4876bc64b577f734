import { Agent as HttpsAgent } from 'node:https';
import type { TLSSocket } from 'node:tls';

/**
 * Which certificate an https:// camera may present. `verify` (the default) is the platform's check
 * against the system's certificate authorities and the host name; cameras rarely pass it, so a site or
 * point can pin the camera's own certificate by its SHA-256 fingerprint, or, knowingly, accept any.
 */
export type TlsTrust = { kind: 'verify' } | { kind: 'pinned'; sha256: string } | { kind: 'any' };

/** `AB:CD:…`, `abcd…` → `ABCD…`, the form fingerprints are compared in. */
export const normaliseFingerprint = (text: string): string => text.replace(/[^0-9a-f]/gi, '').toUpperCase();

const agents = new Map<string, HttpsAgent>();

/** One keep-alive agent per kind of trust: a connection accepted for one rule is never reused under another. */
export function agentFor(trust: TlsTrust): HttpsAgent {
  const key = trust.kind === 'pinned' ? `pinned:${normaliseFingerprint(trust.sha256)}` : trust.kind;
  let agent = agents.get(key);
  if (!agent) {
    agent = new HttpsAgent({ keepAlive: true, maxSockets: 8, keepAliveMsecs: 5000, rejectUnauthorized: trust.kind === 'verify' });
    agents.set(key, agent);
  }
  return agent;
}

/** Why the socket's certificate is not acceptable under `trust`, or undefined when it is. */
export function certificateProblem(socket: TLSSocket, trust: TlsTrust): string | undefined {
  if (trust.kind !== 'pinned') return undefined;
  const presented = socket.getPeerCertificate?.()?.fingerprint256;
  if (!presented) return 'the camera presented no certificate';
  if (normaliseFingerprint(presented) !== normaliseFingerprint(trust.sha256)) {
    return `the camera's certificate (SHA-256 ${presented}) is not the pinned one`;
  }
  return undefined;
}
