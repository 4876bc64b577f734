import type { Command } from '@commander-js/extra-typings';
import { deviceOptions } from '../device-options.js';
import type { CommandKit, Example } from '../kit.js';
import { reaimCommand } from '../options/reaim.js';
import { anyNumber, collect, nonNegativeNumber, positiveInt } from '../parse-options.js';

const TARGET = 'host, host:port, device service URL, or street/point with --inventory';
const number = anyNumber;

export function registerInfo(program: Command, kit: CommandKit): Example {
  deviceOptions(
    program
      .command('info')
      .summary('what a camera is: identity, services, capabilities, network, time, scopes')
      .argument('<target>', TARGET),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet info 127.0.1.1\n  camfleet info cong-chinh/tx2-gate-in --inventory inventory/tan-xuan-2 --json',
    )
    .action(kit.action(async (cli, target, opts) => (await import('../run/device.js')).runInfo(cli, target, opts)));
  return { command: 'info', example: 'camfleet info 127.0.1.1                  # identity, services, network, clock' };
}

export function registerProfiles(program: Command, kit: CommandKit): Example {
  const profiles = deviceOptions(
    program
      .command('profiles')
      .summary('media profiles: codec, resolution, frame rate, bitrate, stream and snapshot URIs')
      .argument('<target>', TARGET),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet profiles 127.0.1.1\n  camfleet profiles set 127.0.1.1 SubStream --resolution 704x576 --fps 12',
    )
    .action(kit.action(async (cli, target, opts) => (await import('../run/device.js')).runProfiles(cli, target, opts)));
  deviceOptions(
    profiles
      .command('set')
      .description("change a profile's stream settings: checked against what the encoder accepts, then read back")
      .argument('<target>', TARGET)
      .argument('<profile>', 'profile token or name (MainStream, Profile_1, …)')
      .option('--codec <codec>', 'H264 or H265 (H.265 needs Media2)')
      .option('--resolution <WxH>', 'e.g. 1920x1080')
      .option('--fps <n>', 'frame rate', positiveInt('--fps', 240))
      .option('--bitrate <kbps>', 'bitrate limit in kbit/s', positiveInt('--bitrate', 1_000_000))
      .option('--gop <n>', 'GOP length', positiveInt('--gop', 10_000)),
  )
    .addHelpText('after', '\nExit: 0 applied, 1 the camera accepted but did not apply it, 2 a value the camera does not offer.')
    .action(kit.action(async (cli, target, profile, opts) => (await import('../run/device.js')).runProfileSet(cli, target, profile, opts)));
  return { command: 'profiles', example: 'camfleet profiles 127.0.1.1              # stream settings and URIs' };
}

export function registerSnapshot(program: Command, kit: CommandKit): Example {
  deviceOptions(
    program
      .command('snapshot')
      .summary('download what a camera sees (HTTP Digest or Basic as it asks)')
      .argument('<target>', TARGET)
      .option('--profile <profile>', 'media profile (default: the first)')
      .option('-o, --output <file>', 'where to save the image (default: HOST-PROFILE.jpg)'),
  )
    .addHelpText('after', '\nExample:\n  camfleet snapshot 127.0.1.1 -o gate.jpg')
    .action(kit.action(async (cli, target, opts) => (await import('../run/device.js')).runSnapshot(cli, target, opts)));
  return { command: 'snapshot', example: 'camfleet snapshot 127.0.1.1 -o gate.jpg  # save what the camera sees' };
}

export function registerStream(program: Command, kit: CommandKit): Example {
  deviceOptions(
    program
      .command('stream')
      .summary('the RTSP URI of a profile (no credentials in it); --probe checks it answers')
      .argument('<target>', TARGET)
      .option('--profile <profile>', 'media profile (default: the first)')
      .option('--probe', 'send RTSP DESCRIBE and print codec and resolution from the SDP'),
  )
    .addHelpText('after', '\nExample:\n  camfleet stream 127.0.1.1 --profile SubStream --probe')
    .action(kit.action(async (cli, target, opts) => (await import('../run/device.js')).runStream(cli, target, opts)));
  return { command: 'stream', example: 'camfleet stream 127.0.1.1 --probe        # RTSP URI, and does it answer?' };
}

export function registerRecordings(program: Command, kit: CommandKit): Example {
  deviceOptions(
    program
      .command('recordings')
      .summary("what a camera keeps on its own storage (ONVIF Profile G): each recording's span, days kept, replay URI")
      .argument('<target>', TARGET)
      .option(
        '--min-days <days>',
        "footage must reach back this many days (default: the point's requirement, else 7)",
        nonNegativeNumber('--min-days'),
      )
      .option(
        '--max-silence <minutes>',
        "the newest footage may be this old (default: the point's requirement, else 15)",
        nonNegativeNumber('--max-silence'),
      ),
  )
    .addHelpText(
      'after',
      "\nRecordings are only read: nothing is started, stopped or deleted. Ages are measured on the camera's own clock.\n" +
        'Exit 1 when the camera does not record, keeps too few days, or has no recording service.\n\n' +
        'Examples:\n  camfleet recordings 127.0.1.1\n  camfleet recordings cong-chinh/tx2-gate-in --inventory inventory/tan-xuan-2 --json',
    )
    .action(kit.action(async (cli, target, opts) => (await import('../run/recordings.js')).runRecordings(cli, target, opts)));
  return { command: 'recordings', example: 'camfleet recordings 127.0.1.1            # is it recording, how many days kept?' };
}

export function registerPtz(program: Command, kit: CommandKit): Example {
  const ptz = program
    .command('ptz')
    .summary('pan, tilt, zoom: status, moves, presets, home')
    .description('Pan/tilt/zoom in the generic spaces: pan and tilt from -1 to 1, zoom from 0 to 1.');
  const run = () => import('../run/ptz.js');
  const presets = () => import('../run/ptz-presets.js');
  deviceOptions(ptz.command('status').description('where the camera points, and whether it is moving').argument('<target>', TARGET)).action(
    kit.action(async (cli, target, opts) => (await run()).runPtzStatus(cli, target, opts)),
  );
  deviceOptions(
    ptz
      .command('move')
      .description('move absolutely (default), --relative, or --continuous for --duration seconds')
      .argument('<target>', TARGET)
      .option('--pan <x>', 'pan', number('--pan'))
      .option('--tilt <y>', 'tilt', number('--tilt'))
      .option('--zoom <z>', 'zoom', number('--zoom'))
      .option('--relative', 'move by the amounts given')
      .option('--continuous', 'move at the speeds given (-1 to 1)')
      .option('--duration <seconds>', 'how long a continuous move lasts', nonNegativeNumber('--duration'))
      .option('--wait', 'wait until the camera stops, check it got there, and print where it is')
      .option('--tolerance <units>', 'how close to the asked position counts as there (default 0.02)', nonNegativeNumber('--tolerance')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet ptz move 127.0.1.1 --pan 0.3 --tilt -0.2 --zoom 0.5 --wait\n  camfleet ptz move 127.0.1.1 --pan 0.5 --tilt 0 --continuous --duration 1',
    )
    .action(kit.action(async (cli, target, opts) => (await run()).runPtzMove(cli, target, opts)));
  deviceOptions(ptz.command('stop').description('stop any move').argument('<target>', TARGET)).action(
    kit.action(async (cli, target, opts) => (await run()).runPtzStop(cli, target, opts)),
  );
  const home = deviceOptions(
    ptz
      .command('home')
      .description('go to the home position')
      .argument('<target>', TARGET)
      .option('--wait', 'wait until the camera is there'),
  );
  home.action(kit.action(async (cli, target, opts) => (await run()).runPtzHome(cli, target, opts)));
  deviceOptions(home.command('set').description('make the current position the home position').argument('<target>', TARGET)).action(
    kit.action(async (cli, target, opts) => (await run()).runPtzHomeSet(cli, target, opts)),
  );
  deviceOptions(ptz.command('presets').description('list the presets').argument('<target>', TARGET)).action(
    kit.action(async (cli, target, opts) => (await presets()).runPresets(cli, target, opts)),
  );
  const preset = ptz.command('preset').description('set, go to or remove a preset by name');
  deviceOptions(
    preset
      .command('set')
      .description(
        'save the current position (or --pan/--tilt/--zoom, moving there first) as NAME; an existing NAME is updated, never duplicated',
      )
      .argument('<target>', TARGET)
      .argument('<name>', 'preset name, e.g. road')
      .option('--pan <x>', 'pan', number('--pan'))
      .option('--tilt <y>', 'tilt', number('--tilt'))
      .option('--zoom <z>', 'zoom', number('--zoom'))
      .option('--record', 'also write the preset into the inventory point (TARGET is street/point with --inventory)')
      .option('--tolerance <units>', 'how close to the asked position counts as there (default 0.02)', nonNegativeNumber('--tolerance')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet ptz preset set 127.0.1.1 road --pan 0.1 --tilt -0.25 --zoom 0.3\n' +
        '  camfleet ptz preset set ngo-8/tx2-ngo-8-1 road --inventory inventory/tan-xuan-2 --record   # where it points now, on the camera and in the inventory',
    )
    .action(kit.action(async (cli, target, name, opts) => (await presets()).runPresetSet(cli, target, name, opts)));
  deviceOptions(
    preset
      .command('goto')
      .description('move to the preset NAME')
      .argument('<target>', TARGET)
      .argument('<name>', 'preset name')
      .option('--wait', 'wait until the camera is there'),
  ).action(kit.action(async (cli, target, name, opts) => (await presets()).runPresetGoto(cli, target, name, opts)));
  deviceOptions(
    preset.command('remove').description('remove the preset NAME').argument('<target>', TARGET).argument('<name>', 'preset name'),
  ).action(kit.action(async (cli, target, name, opts) => (await presets()).runPresetRemove(cli, target, name, opts)));
  reaimCommand(ptz)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet ptz reaim --inventory inventory/tan-xuan-2 --street cong-chinh --preset gate\n  camfleet ptz reaim --inventory inventory/tan-xuan-2 --street ngo-8 --save --yes',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/reaim.js')).runReaim(cli, flags)));
  return { command: 'ptz', example: 'camfleet ptz preset set 127.0.1.1 road   # save where it points as "road"' };
}

export function registerNetwork(program: Command, kit: CommandKit): Example {
  const network = program.command('network').summary("show or set a camera's address, gateway, DNS, NTP and host name");
  deviceOptions(network.command('show').description('the network settings').argument('<target>', TARGET)).action(
    kit.action(async (cli, target, opts) => (await import('../run/network.js')).runNetworkShow(cli, target, opts)),
  );
  deviceOptions(
    network
      .command('set')
      .description(
        'provision a camera into the address plan; an address change asks first (or --yes) and waits for the camera at its new address',
      )
      .argument('<target>', TARGET)
      .option('--address <a/prefix>', 'static address, e.g. 192.168.10.21/24')
      .option('--dhcp', 'take the address from DHCP')
      .option('--gateway <ip>', 'default gateway')
      .option('--dns <ip>', 'DNS server (repeatable)', collect(String))
      .option('--ntp <server>', 'NTP server (repeatable)', collect(String))
      .option('--hostname <name>', 'host name')
      .option('--yes', 'change the address without asking')
      .option('--wait-seconds <s>', 'how long to wait for the camera at its new address', nonNegativeNumber('--wait-seconds'), 60),
  )
    .addHelpText(
      'after',
      '\nExample:\n  camfleet network set 127.0.1.1 --address 127.0.1.201/24 --gateway 127.0.1.254 --ntp vn.pool.ntp.org --yes',
    )
    .action(kit.action(async (cli, target, opts) => (await import('../run/network.js')).runNetworkSet(cli, target, opts)));
  return { command: 'network', example: 'camfleet network show 127.0.1.1          # address, gateway, DNS, NTP' };
}

export function registerTime(program: Command, kit: CommandKit): Example {
  const time = program.command('time').summary("set a camera's clock");
  deviceOptions(
    time
      .command('sync')
      .description('set the camera clock from this host (UTC), or --ntp to make it use a time server')
      .argument('<target>', TARGET)
      .option('--ntp <server>', 'NTP server'),
  )
    .addHelpText('after', '\nExamples:\n  camfleet time sync 127.0.1.1\n  camfleet time sync 127.0.1.1 --ntp vn.pool.ntp.org')
    .action(kit.action(async (cli, target, opts) => (await import('../run/network.js')).runTimeSync(cli, target, opts)));
  return { command: 'time', example: 'camfleet time sync 127.0.1.1             # fix a drifting camera clock' };
}
