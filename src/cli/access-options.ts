import type { Command, CommandUnknownOpts, OptionValues } from '@commander-js/extra-typings';
import { collect } from './parse-options.js';

/**
 * The relaxations of camfleet's credential rules, for cameras that need them (the inventory can say the
 * same per site or point, under "access"). Without them credentials go only to the camera's own host, as
 * Digest with qop or WS-Security, and https certificates are checked. Typed: the command's flags type gets
 * them from commander's inference, and the core reads them as its AccessFlags.
 */
export function withAccessOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return command
    .option(
      '--credential-host <host>',
      "also send the camera's credentials to this host (an NVR serving its media; repeatable)",
      collect(String),
    )
    .option('--allow-basic', 'answer HTTP Basic over plain HTTP (the password crosses the network readable)')
    .option('--allow-digest-without-qop', 'answer Digest without qop (RFC 2069), as some RTSP servers ask')
    .option('--tls-fingerprint <sha256>', "accept an https camera's certificate with this SHA-256 fingerprint (pinned)")
    .option('--tls-any-certificate', 'accept any https certificate (protects against listeners, not impostors)');
}

/**
 * The same options added untyped, for deviceOptions: chained inside a generic helper after eight other typed
 * options, they kept the type checker busy for minutes; its flags type adds them as AccessFlags.
 */
export function addAccessOptions(command: CommandUnknownOpts): void {
  withAccessOptions(command);
}
