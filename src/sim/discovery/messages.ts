import { randomUUID } from 'node:crypto';
import { xmlEscape as x } from '../../xml/escape.js';
import { NS, WSD } from '../../soap/namespaces.js';

/** What a device says about itself in ProbeMatch, Hello and Bye. */
export interface DiscoveryAdvert {
  endpointReference: string;
  scopes: string[];
  xaddrs: string[];
  metadataVersion: number;
}

/** The types every simulated camera advertises, as QNames in text and as `{ns}name` for matching. */
export const DEVICE_TYPES_TEXT = 'dn:NetworkVideoTransmitter tds:Device';
export const DEVICE_TYPES = [`{${NS.dn}}NetworkVideoTransmitter`, `{${NS.tds}}Device`];

export interface Sequence {
  instanceId: number;
  messageNumber: number;
}

function envelope(action: string, sequence: Sequence, body: string, relatesTo?: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="${NS.soap}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}" xmlns:dn="${NS.dn}" xmlns:tds="${NS.tds}">` +
    `<s:Header><a:MessageID>urn:uuid:${randomUUID()}</a:MessageID>` +
    (relatesTo !== undefined ? `<a:RelatesTo>${x(relatesTo)}</a:RelatesTo><a:To>${WSD.anonymous}</a:To>` : `<a:To>${WSD.to}</a:To>`) +
    `<a:Action>${action}</a:Action><d:AppSequence InstanceId="${sequence.instanceId}" MessageNumber="${sequence.messageNumber}"/></s:Header>` +
    `<s:Body>${body}</s:Body></s:Envelope>`
  );
}

function advertFields(a: DiscoveryAdvert): string {
  return (
    `<a:EndpointReference><a:Address>${x(a.endpointReference)}</a:Address></a:EndpointReference>` +
    `<d:Types>${DEVICE_TYPES_TEXT}</d:Types><d:Scopes>${a.scopes.map(x).join(' ')}</d:Scopes>` +
    `<d:XAddrs>${a.xaddrs.map(x).join(' ')}</d:XAddrs><d:MetadataVersion>${a.metadataVersion}</d:MetadataVersion>`
  );
}

export function probeMatchesMessage(advert: DiscoveryAdvert, relatesTo: string, sequence: Sequence): string {
  return envelope(
    WSD.probeMatches,
    sequence,
    `<d:ProbeMatches><d:ProbeMatch>${advertFields(advert)}</d:ProbeMatch></d:ProbeMatches>`,
    relatesTo,
  );
}

export function helloMessage(advert: DiscoveryAdvert, sequence: Sequence): string {
  return envelope(WSD.hello, sequence, `<d:Hello>${advertFields(advert)}</d:Hello>`);
}

export function byeMessage(advert: DiscoveryAdvert, sequence: Sequence): string {
  return envelope(
    WSD.bye,
    sequence,
    `<d:Bye><a:EndpointReference><a:Address>${x(advert.endpointReference)}</a:Address></a:EndpointReference></d:Bye>`,
  );
}
