import { SIM_COMMANDS_HELP } from '../../sim/line-commands.js';
import { Option, type Command } from '@commander-js/extra-typings';
import { UserError } from '../../errors.js';
import type { CommandKit, Example } from '../kit.js';
import { collect, ipv4, nonNegativeNumber, port, positiveInt } from '../parse-options.js';

export function registerSim(program: Command, kit: CommandKit): Example {
  program
    .command('sim')
    .summary('run a fleet of simulated ONVIF cameras on loopback')
    .description(
      'Run simulated ONVIF cameras (SOAP over HTTP, WS-Discovery, SSDP, RTSP DESCRIBE, snapshots) until Ctrl-C.\n' +
        'Each camera listens on its own loopback address (127.0.1.1, 127.0.1.2, …), on port 80 when it may, else --port.',
    )
    .option('-n, --count <n>', 'number of cameras', positiveInt('--count', 5000), 3)
    .option('--address-base <ip>', 'address of the first camera; the others follow', ipv4, '127.0.1.1')
    .option('--single-address <ip>', 'put all cameras on this one address, on consecutive ports', ipv4)
    .option('--port <port>', 'HTTP port when 80 cannot be bound (first port with --single-address)', port)
    .option('--rtsp-port <port>', 'RTSP port when 554 cannot be bound', port)
    .option('--user <name>', 'user name the cameras accept', 'admin')
    .option('--password <password>', "password the cameras accept (simulator only; default 'camfleet')")
    .addOption(
      new Option('--auth <mode>', 'how cameras authenticate')
        .choices(['both', 'ws-security', 'digest', 'none'] as const)
        .default('both' as const),
    )
    .option('--interface <ip>', 'answer WS-Discovery and SSDP multicast on this interface address (repeatable)', collect(ipv4))
    .option('--no-discovery', 'do not answer WS-Discovery')
    .option('--no-ssdp', 'do not answer SSDP (UPnP) searches')
    .option('--state <file>', 'keep presets, positions and settings in this file across restarts')
    .option('--ptz-speed <units>', 'PTZ speed in generic-space units per second', nonNegativeNumber('--ptz-speed'), 1)
    .option(
      '--inventory <dir>',
      'one camera per point of this inventory (a site folder or a folder of sites), at its address, with its identity, streams and presets',
    )
    .option(
      '--persona <spec>',
      'how cameras behave where real devices differ: NAME[@CAMERAS], e.g. minimal@3-5 (repeatable; default strict)',
      collect(String),
    )
    .option(
      '--fault <spec>',
      'inject a fault: KIND[=VALUE][@CAMERAS], e.g. offline@3, latency=200, skew=3600@1-5 (repeatable)',
      collect(String),
    )
    .addHelpText(
      'after',
      '\nPersonas: strict (default), capabilities-only (PTZ and media only in GetCapabilities), minimal (only the mandatory\n' +
        '        Profile S calls), lenient-namespaces (children in the wrong namespace), no-auth, digest-md5-only, replay-tolerant,\n' +
        '        close-after-reply (Connection: close), stateless-presets (moves and presets accepted, never made).\n' +
        '\nFaults: offline, no-http, onvif-off, wrong-password, no-ptz, no-absolute-move, ignore-encoder, malformed-xml,\n' +
        '        rtsp-down, latency=MS, drop=SHARE, probe-loss=SHARE (WS-Discovery probes lost on the way to the camera),\n' +
        '        skew=SECONDS, time=HH:MM (the time of day the pictures show),\n' +
        '        tampered=covered|bagged|turned|upside-down|defocused|sprayed|nudged|panned=DEGREES, no-recording,\n' +
        '        recording-stopped=HOURS, retention=DAYS, sd-full. CAMERAS: numbers, ranges or names.\n\n' +
        `${SIM_COMMANDS_HELP}\n\n` +
        'Examples:\n  camfleet sim --count 20\n  camfleet sim --count 5 --fault offline@2 --fault skew=3600@3 --json\n  camfleet sim --count 9 --persona minimal@1-3 --persona capabilities-only@4\n  camfleet sim --inventory inventory/tan-xuan-2 --fault offline@tx2-gate-out\n  camfleet sim --inventory inventory/tan-xuan-2 --fault tampered=covered@1 --fault tampered=panned=30@2 --fault time=22:00',
    )
    .action(
      kit.action(async (cli, opts) => {
        const { runSim } = await import('../run/sim.js');
        if (opts.ptzSpeed <= 0) throw new UserError('--ptz-speed must be above 0');
        return runSim(cli, opts);
      }),
    );
  return { command: 'sim', example: 'camfleet sim --count 20   # 20 simulated cameras on 127.0.1.x' };
}
