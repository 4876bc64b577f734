// Simulator benchmarks: fleet start time and memory, and authenticated SOAP throughput on one core.
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { report, rssMb, startSim, stopSim } from './lib.js';

function wsseEnvelope(body, username, password) {
  const nonce = randomBytes(16);
  const created = new Date().toISOString();
  const digest = createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(password)]))
    .digest('base64');
  return (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header>' +
    '<Security s:mustUnderstand="1" xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><UsernameToken>' +
    `<Username>${username}</Username><Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${digest}</Password>` +
    `<Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce.toString('base64')}</Nonce>` +
    `<Created xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">${created}</Created>` +
    `</UsernameToken></Security></s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

async function throughput(url, seconds, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>';
  const deadline = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const one = () =>
    new Promise((done) => {
      const req = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/soap+xml' } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) ok++;
          else failed++;
          done();
        });
      });
      req.on('error', () => {
        failed++;
        done();
      });
      req.end(wsseEnvelope(body, 'admin', 'camfleet'));
    });
  const worker = async () => {
    while (performance.now() < deadline) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { perSecond: ok / ((performance.now() - started) / 1000), failed };
}

export async function benchSim() {
  const big = await startSim(['--count', '1000', '--address-base', '127.0.100.1', '--port', '8080']);
  const figures = { 'fleet of 1000: start (s)': big.startMs / 1000, 'fleet of 1000: RSS (MB)': rssMb(big.child.pid) };
  await stopSim(big.child);

  const one = await startSim(['--count', '1', '--address-base', '127.0.99.1', '--no-discovery']);
  await throughput(one.report.cameras[0].xaddr, 1, 16); // warm up
  const { perSecond, failed } = await throughput(one.report.cameras[0].xaddr, 5, 16);
  figures['auth SOAP requests/s (one core)'] = perSecond;
  figures['  failed requests'] = failed;
  await stopSim(one.child);

  return report('Simulator', figures, {
    'fleet of 1000: start (s)': { text: 'target < 5 s', check: (v) => v < 5 },
    'fleet of 1000: RSS (MB)': { text: 'target < 400 MB', check: (v) => v < 400 },
    'auth SOAP requests/s (one core)': { text: 'target >= 2000/s', check: (v) => v >= 2000 },
  });
}
