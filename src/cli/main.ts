import { Command, CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../fs/package-root.js';
import { isUserError } from '../errors.js';
import { AuthError, CertificateError, NetworkError, OnvifError, ProtocolError, TimeoutError } from '../onvif/errors.js';
import { displayText } from '../text/display.js';
import { createCli, type ProcessIo } from './context.js';
import { Exit, EXIT_CODES_HELP, type ExitCode } from './exit-codes.js';
import { makeKit, type Example } from './kit.js';
import { COMMANDS } from './commands/index.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

function signalsOf(): { interrupted: () => Promise<NodeJS.Signals>; readonly signal: AbortSignal } {
  const controller = new AbortController();
  // Every long task of a run listens to this one signal.
  setMaxListeners(100, controller.signal);
  let waiting: Promise<NodeJS.Signals> | undefined;
  /** Installs the handlers on first use: the first Ctrl-C asks work to stop cleanly, a second one exits now. */
  const listen = (): Promise<NodeJS.Signals> => {
    waiting ??= new Promise((resolve) => {
      const on = (sig: NodeJS.Signals) => (): void => {
        if (controller.signal.aborted) process.exit(130);
        controller.abort();
        resolve(sig);
      };
      process.on('SIGINT', on('SIGINT'));
      process.on('SIGTERM', on('SIGTERM'));
    });
    return waiting;
  };
  return {
    interrupted: listen,
    get signal() {
      void listen();
      return controller.signal;
    },
  };
}

function examplesHelp(examples: Example[]): string {
  return `Examples (one per command; 'camfleet COMMAND --help' for more):\n${examples.map((e) => `  ${e.example}`).join('\n')}`;
}

/** Commander's parse errors as one line that says where to look. */
function usageError(command: string) {
  return (message: string, write: (s: string) => void): void =>
    write(`camfleet: ${message.trim().replace(/^error: /, '')} (see 'camfleet ${command}--help')\n`);
}

/** Builds the program; exported so tests and docs can read the help text. */
export function buildProgram(io: ProcessIo, record: (code: ExitCode) => void): Command {
  const signals = signalsOf();
  const program = new Command()
    .name('camfleet')
    .description('Manage the ONVIF cameras of a neighbourhood camera programme: discover, check, reconcile, simulate.')
    .version(version, '-V, --version')
    .option('--json', 'machine-readable output on stdout (no progress, no prompts)')
    .option('-q, --quiet', 'print results only, no progress or notes')
    .option('--debug', 'show stack traces of internal errors')
    .option('--no-color', 'no colour (also off when NO_COLOR is set or output is not a terminal)')
    // Global flags are also declared on every command (below), so that `check --json FILE` can mean a file.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: usageError(''),
    })
    .exitOverride();
  const kit = makeKit((globals) => createCli(globals, io, signals), record);
  const examples: Example[] = [];
  for (const register of COMMANDS) examples.push(register(program, kit));
  program.addHelpText('after', `\n${examplesHelp(examples)}\n\n${EXIT_CODES_HELP}\n`);
  for (const sub of program.commands) configureSubcommands(sub, `${sub.name()} `, io);
  return program;
}

/** The global flags, on a command that does not define an option of the same name itself. */
function addGlobalFlags(command: CommandUnknownOpts): void {
  const has = (flag: string): boolean => command.options.some((o) => o.long === flag);
  if (!has('--json')) command.option('--json', 'machine-readable output on stdout (no progress, no prompts)');
  if (!has('--quiet')) command.option('-q, --quiet', 'print results only, no progress or notes');
  if (!has('--debug')) command.option('--debug', 'show stack traces of internal errors');
  if (!has('--no-color')) command.option('--no-color', 'no colour');
}

function configureSubcommands(command: CommandUnknownOpts, path: string, io: ProcessIo): void {
  addGlobalFlags(command);
  command
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: usageError(path) });
  for (const sub of command.commands) configureSubcommands(sub, `${path}${sub.name()} `, io);
}

/** `camfleet … | head`: when the reader goes away, stop quietly, as Unix tools do. */
function endQuietlyOnClosedPipe(io: ProcessIo): void {
  if (io.stdout !== process.stdout) return;
  io.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : Exit.Ok);
  });
}

/** Runs the CLI; the only place that decides the process's exit code. */
export async function main(argv: string[], io: ProcessIo = process): Promise<void> {
  endQuietlyOnClosedPipe(io);
  let code: ExitCode = Exit.Ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    code = exitCodeFor(err, io, debug);
  }
  process.exitCode = code;
}

/** The next step for a camera error that brings none of its own, by its class. */
const CAMERA_HINTS: [new (...args: never[]) => OnvifError, string][] = [
  [
    AuthError,
    "check the user and password (--user with CAMFLEET_PASSWORD, or --credentials PROFILE); 'camfleet ping' shows the auth state",
  ],
  [TimeoutError, 'the camera did not answer in time: raise --timeout, or check the network'],
  [NetworkError, "check the address and that the camera is powered; 'camfleet ping TARGET' tells more"],
  [ProtocolError, "is this the camera's ONVIF device service (usually http://HOST/onvif/device_service)?"],
  [
    CertificateError,
    "if it is the camera's own certificate, pin it with --tls-fingerprint SHA256 (or access.tls.certificateSha256 on its point), or accept any with --tls-any-certificate",
  ],
];

function exitCodeFor(err: unknown, io: ProcessIo, debug: boolean): ExitCode {
  if (err instanceof CommanderError) {
    // Help and version are "errors" to commander; they are a normal end for us.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return Exit.Ok;
    return Exit.Usage;
  }
  if (isUserError(err)) {
    io.stderr.write(`camfleet: ${err.message}${err.hint ? ` — ${err.hint}` : ''}\n`);
    return Exit.Usage;
  }
  if (err instanceof OnvifError) {
    // The run reached a camera that failed or refused: a finding about the camera, not a camfleet bug.
    const hint = err.hint ?? CAMERA_HINTS.find(([kind]) => err instanceof kind)?.[1];
    io.stderr.write(`camfleet: ${displayText(err.describe(), 400)}${hint ? ` — ${hint}` : ''}\n`);
    return Exit.Findings;
  }
  const error = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`camfleet: internal error: ${error.message}\n`);
  if (debug) io.stderr.write(`${error.stack ?? ''}\n`);
  else io.stderr.write('Run again with --debug for details, and report it at https://github.com/camfleet/camfleet/issues.\n');
  return Exit.Usage;
}
