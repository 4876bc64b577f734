import { child, children, parseXml, resolveQName, textAt } from '../../xml/parse.js';
import { NS, WSD } from '../../soap/namespaces.js';

/** A WS-Discovery Probe as a device reads it. */
export interface ParsedProbe {
  messageId: string;
  /** Requested types as `{ns}name`. */
  types: string[];
  scopes: string[];
  matchBy: string;
}

/** Reads a Probe; undefined for anything else (a Hello, a ProbeMatch, garbage), which a device ignores. */
export function parseProbe(xml: string): ParsedProbe | undefined {
  let envelope;
  try {
    envelope = parseXml(xml);
  } catch {
    return undefined;
  }
  if (envelope.name !== 'Envelope' || envelope.ns !== NS.soap) return undefined;
  const header = child(envelope, 'Header', NS.soap);
  const probe = child(child(envelope, 'Body', NS.soap), 'Probe', NS.wsd);
  if (!probe) return undefined;
  const action = children(header, 'Action')
    .find((a) => a.ns === NS.wsa || a.ns === NS.wsa10)
    ?.text.trim();
  if (action !== undefined && action !== WSD.probe) return undefined;
  const typesElement = child(probe, 'Types', NS.wsd);
  const types: string[] = [];
  for (const qname of (typesElement?.text ?? '').split(/\s+/).filter(Boolean)) {
    const resolved = typesElement && resolveQName(typesElement, qname);
    // An unresolvable prefix can match nothing: keep it so the probe matches no device.
    types.push(resolved ? `{${resolved.ns}}${resolved.name}` : `{?}${qname}`);
  }
  const scopesElement = child(probe, 'Scopes', NS.wsd);
  return {
    messageId: textAt(header, 'MessageID') ?? '',
    types,
    scopes: (scopesElement?.text ?? '').split(/\s+/).filter(Boolean),
    matchBy: scopesElement?.attrs.MatchBy ?? WSD.rfc3986,
  };
}

function rfc3986Matches(wanted: string, have: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(wanted);
    b = new URL(have);
  } catch {
    return false;
  }
  if (a.protocol.toLowerCase() !== b.protocol.toLowerCase() || a.host.toLowerCase() !== b.host.toLowerCase()) return false;
  const segments = (u: URL): string[] => u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const want = segments(a);
  const got = segments(b);
  return want.length <= got.length && want.every((s, i) => s === got[i]);
}

/** Whether a device with these types and scopes answers this probe (WS-Discovery section 5.1). */
export function probeMatches(probe: ParsedProbe, deviceTypes: string[], deviceScopes: string[]): boolean {
  if (!probe.types.every((t) => deviceTypes.includes(t))) return false;
  return probe.scopes.every((wanted) =>
    deviceScopes.some((have) => {
      if (probe.matchBy === WSD.strcmp0) return wanted === have;
      if (probe.matchBy === WSD.rfc3986) return rfc3986Matches(wanted, have);
      return false;
    }),
  );
}
