import type { Command } from '@commander-js/extra-typings';
import { withAccessOptions } from '../access-options.js';
import { credentialOptions } from '../credentials.js';
import type { CommandKit, Example } from '../kit.js';
import { nonNegativeNumber, port, positiveInt } from '../parse-options.js';

export function registerPing(program: Command, kit: CommandKit): Example {
  const command = program
    .command('ping')
    .summary('check that cameras are up: ICMP, ports, ONVIF, auth, clock, stream')
    .description(
      'Check cameras: ICMP echo, TCP to the ONVIF port and RTSP, ONVIF GetSystemDateAndTime (clock skew), an authenticated\n' +
        'GetDeviceInformation (auth state) and RTSP DESCRIBE of the main stream. One state per camera: ok, auth-failed,\n' +
        'onvif-down (the host answers, ONVIF does not) or unreachable; warnings: clock-skew, slow, stream-down.',
    )
    .argument('[targets...]', 'host, host:port, device service URL, or street/point of --inventory')
    .option('--inventory <dir>', 'check the points of this inventory')
    .option('--street <id>', 'with --inventory: only this street')
    .option('--max-skew <seconds>', 'warn when a camera clock is further off', nonNegativeNumber('--max-skew'), 5)
    .option('--slow-ms <ms>', 'warn when ONVIF answers slower', nonNegativeNumber('--slow-ms'), 1000)
    .option('-t, --timeout <seconds>', 'time limit of each step', nonNegativeNumber('--timeout'), 3)
    .option('--concurrency <n>', 'cameras checked at once', positiveInt('--concurrency', 1024), 32)
    .option('--rtsp-port <port>', 'RTSP port to test with TCP', port, 554);
  credentialOptions(withAccessOptions(command))
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet ping 127.0.1.1 127.0.1.2:80 http://127.0.1.3/onvif/device_service\n  CAMFLEET_PASSWORD=camfleet camfleet ping --inventory inventory/tan-xuan-2 --json\n\nExit: 0 every camera ok, 1 any camera not ok, 2 bad input.',
    )
    .action(
      kit.action(async (cli, targets, opts) => {
        const { runPing } = await import('../run/ping.js');
        return runPing(cli, targets, opts);
      }),
    );
  return { command: 'ping', example: 'camfleet ping 127.0.1.1 127.0.1.2        # is each camera up, and is its clock right?' };
}
