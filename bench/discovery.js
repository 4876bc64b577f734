// Discovery and reachability benchmarks: 1,000 simulated cameras in their own process, camfleet run as a
// user would run it. Everything stays on loopback: discovery is pinned to 127.0.0.1.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { CLI, report, startSim, stopSim } from './lib.js';

function runCli(args, env = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', (code) => resolve({ code, out, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The onvif library's own Discovery.probe, bound to loopback: one probe, one interface. */
function onvifLibraryProbe(timeoutMs) {
  const onvif = createRequire(import.meta.url)('onvif');
  return new Promise((resolve) => {
    onvif.Discovery.probe({ device: 'lo', timeout: timeoutMs, resolve: false }, (_err, devices) => resolve(devices ?? []));
  });
}

export async function benchDiscovery() {
  const fleet = await startSim(['--count', '1000', '--address-base', '127.0.100.1', '--port', '8080']);
  const ours = new Set(fleet.report.cameras.map((c) => c.endpointReference));
  const figures = {};
  try {
    const counts = [];
    for (let run = 0; run < 10; run++) {
      const r = await runCli(['--json', 'discover', '--interface', '127.0.0.1', '--no-enrich', '--timeout', '3']);
      counts.push(JSON.parse(r.out).devices.filter((d) => ours.has(d.endpointReference)).length);
    }
    figures['multicast, 1000 cameras: fewest found in 10 runs'] = Math.min(...counts);
    const library = await onvifLibraryProbe(3000);
    figures['onvif library Discovery.probe: found'] = library.filter((d) =>
      ours.has(d.probeMatches?.probeMatch?.endpointReference?.address),
    ).length;

    const sweep = await runCli(['--json', 'discover', '--no-multicast', '--range', '127.0.100.0/24', '--no-enrich', '--timeout', '1']);
    figures['unicast sweep of a /24 (s)'] = sweep.seconds;
    figures['  cameras found by the sweep'] = JSON.parse(sweep.out).devices.filter((d) => ours.has(d.endpointReference)).length;
  } finally {
    await stopSim(fleet.child);
  }

  // Each camera loses a fifth of the probes sent to it. camfleet (default timeout) and the library's single
  // probe take turns on the same fleet, ten runs each.
  const lossy = await startSim(['--count', '1000', '--address-base', '127.0.100.1', '--port', '8080', '--fault', 'probe-loss=0.2']);
  const lossyOurs = new Set(lossy.report.cameras.map((c) => c.endpointReference));
  try {
    const camfleet = [];
    const library = [];
    for (let run = 0; run < 10; run++) {
      const r = await runCli(['--json', 'discover', '--interface', '127.0.0.1', '--no-enrich']);
      camfleet.push(JSON.parse(r.out).devices.filter((d) => lossyOurs.has(d.endpointReference)).length);
      const lib = await onvifLibraryProbe(3000);
      library.push(lib.filter((d) => lossyOurs.has(d.probeMatches?.probeMatch?.endpointReference?.address)).length);
    }
    figures['20% probe loss: camfleet, fewest found in 10 runs'] = Math.min(...camfleet);
    figures['  camfleet runs finding ≥ 99.5%'] = camfleet.filter((n) => n >= 995).length;
    figures['  onvif library, most found in 10 runs'] = Math.max(...library);
    figures['  ratio camfleet fewest / library most'] = Math.min(...camfleet) / Math.max(...library);
  } finally {
    await stopSim(lossy.child);
  }

  const slow = await startSim(['--count', '1000', '--address-base', '127.0.100.1', '--port', '8080', '--fault', 'latency=50']);
  try {
    const targets = slow.report.cameras.map((c) => `${c.address}:${c.port}`);
    const pingArgs = ['--json', 'ping', '--rtsp-port', String(slow.report.cameras[0].rtspPort), ...targets];
    const ping = await runCli(pingArgs, { CAMFLEET_PASSWORD: 'camfleet' });
    const results = JSON.parse(ping.out).results;
    figures['ping 1000 cameras, 50 ms latency (s)'] = ping.seconds;
    figures['  cameras ok'] = results.filter((r) => r.state === 'ok').length;
    // The same with another process keeping one of the cores busy (bounded: it ends by itself after 60 s).
    const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 60000; while (Date.now() < end);'], { stdio: 'ignore' });
    try {
      const loaded = await runCli(pingArgs, { CAMFLEET_PASSWORD: 'camfleet' });
      figures['ping 1000 cameras, one core kept busy (s)'] = loaded.seconds;
      figures['  cameras ok '] = JSON.parse(loaded.out).results.filter((r) => r.state === 'ok').length;
    } finally {
      busy.kill();
    }
  } finally {
    await stopSim(slow.child);
  }

  return report(
    'Discovery and reachability',
    figures,
    {
      'multicast, 1000 cameras: fewest found in 10 runs': { text: 'target: all 1000, every run', check: (v) => v === 1000 },
      'unicast sweep of a /24 (s)': { text: 'target < 3 s', check: (v) => v < 3 },
      'ping 1000 cameras, 50 ms latency (s)': { text: 'target < 10 s', check: (v) => v < 10 },
      '20% probe loss: camfleet, fewest found in 10 runs': { text: 'target ≥ 995', check: (v) => v >= 995 },
      '  camfleet runs finding ≥ 99.5%': { text: 'target 10 of 10', check: (v) => v === 10 },
      '  ratio camfleet fewest / library most': { text: 'target > 1', check: (v) => v > 1 },
      'ping 1000 cameras, one core kept busy (s)': { text: 'target < 10 s', check: (v) => v < 10 },
    },
    {
      'multicast, 1000 cameras: fewest found in 10 runs': 'onvif library Discovery.probe: found',
      '20% probe loss: camfleet, fewest found in 10 runs': '  onvif library, most found in 10 runs',
      'ping 1000 cameras, one core kept busy (s)': 'ping 1000 cameras, 50 ms latency (s)',
    },
  );
}
