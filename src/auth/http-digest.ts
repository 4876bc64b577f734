import { createHash } from 'node:crypto';

/** HTTP Digest (RFC 7616) arithmetic shared by the simulator (verifying) and camfleet's clients (answering). */

export type DigestHashName = 'MD5' | 'SHA-256';

function hash(algorithm: DigestHashName, data: string): string {
  return createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
    .update(data)
    .digest('hex');
}

/** Parses `key=value, key="quoted, value"` lists as found in WWW-Authenticate and Authorization headers. */
export function parseAuthParams(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (const match of header.matchAll(pattern)) {
    params[match[1]!.toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
  }
  return params;
}

/** Splits a header into its scheme and parameter text: `Digest realm=…` → ['digest', 'realm=…']. */
export function splitScheme(header: string): [string, string] {
  const space = header.indexOf(' ');
  if (space === -1) return [header.toLowerCase(), ''];
  return [header.slice(0, space).toLowerCase(), header.slice(space + 1)];
}

export interface DigestInput {
  algorithm: DigestHashName;
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  /** Present with qop=auth. */
  qop?: string;
  nc?: string;
  cnonce?: string;
}

/** The `response` value of an Authorization: Digest header. */
export function digestResponse(input: DigestInput): string {
  const ha1 = hash(input.algorithm, `${input.username}:${input.realm}:${input.password}`);
  const ha2 = hash(input.algorithm, `${input.method}:${input.uri}`);
  if (input.qop) return hash(input.algorithm, `${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${ha2}`);
  return hash(input.algorithm, `${ha1}:${input.nonce}:${ha2}`);
}

/** Reads the algorithm named in a challenge or answer; RFC 7616 makes MD5 the default. */
export function digestAlgorithm(value: string | undefined): DigestHashName | undefined {
  const normalised = (value ?? 'MD5').toUpperCase();
  if (normalised === 'MD5') return 'MD5';
  if (normalised === 'SHA-256') return 'SHA-256';
  return undefined;
}
