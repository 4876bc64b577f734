import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Where a command writes, and how: everything a command needs from the process, passed in. */
export interface Cli {
  /** Results: the human table or the JSON document. */
  out: (text: string) => void;
  /** Progress, warnings and notes; silent with --quiet (errors still show). */
  info: (text: string) => void;
  warn: (text: string) => void;
  json: boolean;
  quiet: boolean;
  debug: boolean;
  /** Colour on stdout (off when not a TTY, with NO_COLOR, or --no-color). */
  color: boolean;
  /** Whether a person is at the keyboard: prompts and progress bars only then. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  paint: (style: Style, text: string) => string;
  /** Resolves when the user asks to stop (SIGINT or SIGTERM). */
  interrupted: () => Promise<NodeJS.Signals>;
  /** Aborted on the first SIGINT/SIGTERM, for long work that stops cleanly. */
  signal: AbortSignal;
  /** Standard input, for commands that read lines from it (the simulator's fault commands). */
  input: NodeJS.ReadableStream;
}

export interface CliOptions {
  /** true for --json; `check --json FILE` gives a file name, which is not JSON output on stdout. */
  json?: boolean | string;
  quiet?: boolean;
  debug?: boolean;
  color?: boolean;
}

export interface ProcessIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

/** Builds the command context from the global flags and the process's streams. */
export function createCli(
  options: CliOptions,
  io: ProcessIo,
  signals: { interrupted: () => Promise<NodeJS.Signals>; readonly signal: AbortSignal },
): Cli {
  const color = options.color !== false && !io.env.NO_COLOR && io.env.TERM !== 'dumb' && io.stdout.isTTY === true;
  const json = options.json === true;
  const quiet = options.quiet === true;
  return {
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    info: (text) => {
      if (!quiet) io.stderr.write(`${text}\n`);
    },
    warn: (text) => io.stderr.write(`${text}\n`),
    json,
    quiet,
    debug: options.debug === true,
    color,
    interactive: io.stdin.isTTY === true && io.stdout.isTTY === true && !json,
    env: io.env,
    paint: (style, text) => (color ? styleText(style, text) : text),
    interrupted: signals.interrupted,
    input: io.stdin,
    // Reading the signal installs the Ctrl-C handlers: only commands that stop cleanly take them over.
    get signal() {
      return signals.signal;
    },
  };
}
