import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

/**
 * Runs the CLI in this process (argument parsing, commands, views, exit code) with captured output:
 * the same code path as the built CLI, fast enough to drive every option.
 */
export async function camfleet(
  args: string[],
  env: Record<string, string> = {},
  options: { tty?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  // As if a person sat at a terminal (prompts then come from the test's virtual screen).
  if (options.tty) Object.assign(stdout, { isTTY: true, columns: 120 });
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const stdin = new PassThrough();
  if (options.tty) Object.assign(stdin, { isTTY: true });
  stdin.end();
  const before = process.exitCode;
  await main(args, { stdout, stderr, stdin, env: { ...process.env, NO_COLOR: '1', ...env } } as never);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { code, stdout: out, stderr: err };
}
