// A stand-alone WS-Discovery probe, run inside a network namespace by the tests:
//   node probe-script.mjs INTERFACE_ADDRESS WINDOW_MS
// Prints one JSON line: the senders and EndpointReference addresses of every ProbeMatch.
import { createSocket } from 'node:dgram';
import { randomUUID } from 'node:crypto';

const [iface, windowMs = '1500'] = process.argv.slice(2);
const probe =
  '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" ' +
  'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header>' +
  `<a:MessageID>urn:uuid:${randomUUID()}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
  '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>' +
  '<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>';
const socket = createSocket('udp4');
const found = [];
socket.on('message', (msg, rinfo) => {
  const address = /<(?:\w+:)?Address>([^<]+)</.exec(msg.toString())?.[1];
  found.push({ from: rinfo.address, endpoint: address });
});
socket.bind(0, iface, () => {
  socket.setMulticastInterface(iface);
  socket.send(probe, 3702, '239.255.255.250');
  setTimeout(() => {
    socket.close();
    process.stdout.write(`${JSON.stringify(found)}\n`);
  }, Number(windowMs));
});
