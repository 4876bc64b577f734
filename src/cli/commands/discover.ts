import type { Command } from '@commander-js/extra-typings';
import { credentialOptions } from '../credentials.js';
import type { CommandKit, Example } from '../kit.js';
import { collect, nonNegativeNumber, positiveInt } from '../parse-options.js';

export function registerDiscover(program: Command, kit: CommandKit): Example {
  const command = program
    .command('discover')
    .summary('find ONVIF cameras: WS-Discovery multicast, unicast sweeps, HTTP and SSDP')
    .description(
      'Find ONVIF cameras on the network. Multicast WS-Discovery goes out through every up IPv4 interface, or only those\n' +
        'named with --interface; --range sweeps routed networks and VLANs with unicast probes. Found devices are asked for\n' +
        'their clock (skew) and, with credentials, identity and MAC.',
    )
    .option('-i, --interface <name|address>', 'send multicast through this interface only (repeatable)', collect(String))
    .option(
      '-r, --range <cidr>',
      'also sweep this range with unicast probes: 192.168.1.0/24 or 192.168.1.10-60 (repeatable)',
      collect(String),
    )
    .option('--yes', 'allow a sweep of more than 4,096 addresses')
    .option('--http', 'also try GetSystemDateAndTime on ports 80 and 8080 of each swept address')
    .option('--ssdp', 'also search with SSDP (UPnP) and list devices that answer only that')
    .option('--any-type', 'also send an untyped probe (some devices answer only one of the two)')
    .option('--no-multicast', 'no multicast probe (sweep only)')
    .option('--no-enrich', 'do not ask found devices for clock, identity and MAC')
    .option('-t, --timeout <seconds>', 'how long to collect replies', nonNegativeNumber('--timeout'), 3)
    .option('--concurrency <n>', 'devices asked at once while enriching', positiveInt('--concurrency', 1024), 32)
    .option('--rate <n>', 'unicast probes per second', positiveInt('--rate', 100_000), 2000);
  credentialOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet discover --interface 127.0.0.1             # the simulator, on loopback\n  camfleet discover --interface eth0 --range 10.20.0.0/24 --http\n  CAMFLEET_PASSWORD=… camfleet discover --user admin --json',
    )
    .action(
      kit.action(async (cli, opts) => {
        const { runDiscover } = await import('../run/discover.js');
        return runDiscover(cli, opts);
      }),
    );
  return { command: 'discover', example: 'camfleet discover --interface 127.0.0.1 # find cameras (here: the simulator)' };
}
