import { randomUUID } from 'node:crypto';
import { child, children, parseXml, resolveQName, textAt } from '../xml/parse.js';
import { NS, WSD } from '../soap/namespaces.js';
import { displayText } from '../text/display.js';

/** A WS-Discovery Probe for ONVIF video transmitters, or for any device when `typed` is false. */
export function probeMessage(messageId: string, typed: boolean): string {
  const types = typed ? '<d:Types>dn:NetworkVideoTransmitter</d:Types>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.soap}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}" xmlns:dn="${NS.dn}">` +
    `<s:Header><a:MessageID>${messageId}</a:MessageID><a:To>${WSD.to}</a:To><a:Action>${WSD.probe}</a:Action></s:Header>` +
    `<s:Body><d:Probe>${types}</d:Probe></s:Body></s:Envelope>`
  );
}

export const newMessageId = (): string => `urn:uuid:${randomUUID()}`;

export interface ParsedMatch {
  endpointReference: string;
  types: string[];
  scopes: string[];
  xaddrs: string[];
  metadataVersion: number | undefined;
  relatesTo: string | undefined;
  /** Whether the Types name an ONVIF device (NetworkVideoTransmitter or device management). */
  onvif: boolean;
}

const ONVIF_TYPES = new Set([`{${NS.dn}}NetworkVideoTransmitter`, `{${NS.tds}}Device`]);

/**
 * Reads a ProbeMatches message defensively: anything that is not one (a printer's own dialect,
 * garbage, a Hello) yields an empty list or an error for this one message, never for the run.
 */
export function parseProbeMatches(xml: string): ParsedMatch[] {
  const envelope = parseXml(xml);
  if (envelope.name !== 'Envelope') throw new Error('not a SOAP envelope');
  const header = children(envelope, 'Header')[0];
  const body = children(envelope, 'Body')[0];
  const matches = child(body, 'ProbeMatches', NS.wsd) ?? child(body, 'ProbeMatches');
  if (!matches) return [];
  const relatesTo = textAt(header, 'RelatesTo');
  // Cut and neutralised like every text a device sends: scopes and names end up in tables.
  const split = (text: string | undefined): string[] =>
    (text ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 64)
      .map((t) => displayText(t, 512));
  return children(matches, 'ProbeMatch').flatMap((m) => {
    const endpointReference = displayText(textAt(m, 'EndpointReference', 'Address') ?? '', 200);
    if (!endpointReference) return [];
    const version = Number(textAt(m, 'MetadataVersion'));
    const typesElement = child(m, 'Types');
    const resolved = split(typesElement?.text).map((q) => (typesElement ? resolveQName(typesElement, q) : undefined));
    const onvif = resolved.some((r) => r !== undefined && ONVIF_TYPES.has(`{${r.ns}}${r.name}`));
    return [
      {
        endpointReference,
        types: split(textAt(m, 'Types')),
        scopes: split(textAt(m, 'Scopes')),
        xaddrs: split(textAt(m, 'XAddrs')).filter((x) => /^https?:\/\//i.test(x)),
        metadataVersion: Number.isFinite(version) ? version : undefined,
        relatesTo,
        onvif,
      },
    ];
  });
}

/** The value of an ONVIF scope such as onvif://www.onvif.org/name/Gate%20cam → "Gate cam". */
export function scopeValue(scopes: string[], kind: string): string | null {
  const prefix = `onvif://www.onvif.org/${kind}/`;
  const found = scopes.find((s) => s.toLowerCase().startsWith(prefix.toLowerCase()));
  if (!found) return null;
  try {
    return decodeURIComponent(found.slice(prefix.length));
  } catch {
    return found.slice(prefix.length);
  }
}
