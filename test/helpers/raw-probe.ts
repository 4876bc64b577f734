import { createSocket } from 'node:dgram';
import { randomUUID } from 'node:crypto';

/**
 * A WS-Discovery probe written for the tests, independent of camfleet's discovery and of the
 * simulator's responder. Returns the raw replies, keyed by sender.
 */
export function probeMessage(messageId = `urn:uuid:${randomUUID()}`, types = 'dn:NetworkVideoTransmitter'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
    'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
    `<s:Header><a:MessageID>${messageId}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
    '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>' +
    `<s:Body><d:Probe><d:Types>${types}</d:Types></d:Probe></s:Body></s:Envelope>`
  );
}

export interface RawReply {
  from: string;
  xml: string;
}

/** Sends `message` to each target and collects replies for `windowMs`; multicast leaves through 127.0.0.1 only. */
export async function rawProbe(targets: string[], windowMs: number, message = probeMessage()): Promise<RawReply[]> {
  const socket = createSocket('udp4');
  const replies: RawReply[] = [];
  socket.on('message', (msg, rinfo) => replies.push({ from: rinfo.address, xml: msg.toString('utf8') }));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  socket.setMulticastInterface('127.0.0.1');
  socket.setRecvBufferSize(4 * 1024 * 1024);
  for (const target of targets) socket.send(message, 3702, target);
  await new Promise((r) => setTimeout(r, windowMs));
  socket.close();
  return replies;
}

/** The EndpointReference address in a ProbeMatch, read with a regular expression on purpose (no shared parser). */
export function endpointOf(xml: string): string | undefined {
  return /<(?:\w+:)?EndpointReference>\s*<(?:\w+:)?Address>([^<]+)</.exec(xml)?.[1];
}
