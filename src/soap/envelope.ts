import { xmlEscape } from '../xml/escape.js';
import { NS } from './namespaces.js';

/** Namespace declarations every ONVIF reply carries, so body builders can use the usual prefixes. */
const ONVIF_PREFIXES =
  `xmlns:env="${NS.soap}" xmlns:tt="${NS.tt}" xmlns:tds="${NS.tds}" xmlns:trt="${NS.trt}" ` +
  `xmlns:tr2="${NS.tr2}" xmlns:tptz="${NS.tptz}" xmlns:trc="${NS.trc}" xmlns:tse="${NS.tse}" xmlns:trp="${NS.trp}" xmlns:tev="${NS.tev}" ` +
  `xmlns:wsnt="${NS.wsnt}" xmlns:wstop="${NS.wstop}" xmlns:wsa="${NS.wsa10}" xmlns:tns1="${NS.tns1}" xmlns:ter="${NS.ter}"`;

/** A whole SOAP 1.2 envelope around `body` (already serialised XML), with an optional header. */
export function soapEnvelope(body: string, header = ''): string {
  const head = header ? `<env:Header>${header}</env:Header>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope ${ONVIF_PREFIXES}>${head}<env:Body>${body}</env:Body></env:Envelope>`;
}

/** The parts of a SOAP 1.2 fault. Subcodes are QNames using the `ter:` (or `env:`) prefix. */
export interface FaultParts {
  code: 'env:Sender' | 'env:Receiver' | 'env:VersionMismatch' | 'env:MustUnderstand' | 'env:DataEncodingUnknown';
  subcodes: string[];
  reason: string;
}

/** A SOAP 1.2 Fault element with nested subcodes, as ONVIF devices send it. */
export function soapFault({ code, subcodes, reason }: FaultParts): string {
  let nested = '';
  for (const subcode of [...subcodes].reverse()) {
    nested = `<env:Subcode><env:Value>${xmlEscape(subcode)}</env:Value>${nested}</env:Subcode>`;
  }
  return (
    `<env:Fault><env:Code><env:Value>${code}</env:Value>${nested}</env:Code>` +
    `<env:Reason><env:Text xml:lang="en">${xmlEscape(reason)}</env:Text></env:Reason></env:Fault>`
  );
}
