import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The executable's last line: a finished command that some forgotten handle keeps alive still ends, with
// its exit code, and says what held it; output still being written is never cut.
const GUARD = resolve(import.meta.dirname, '../../dist/cli/linger-guard.js');

function run(script: string, timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', `import { exitWhenDrained } from '${GUARD}';\n${script}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('exitWhenDrained', () => {
  it('ends a process that a forgotten timer would keep alive, with its exit code, naming what held it', async () => {
    const r = await run('setInterval(() => {}, 1000); process.exitCode = 1; exitWhenDrained();');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/finished, but .*Timeout×1.* still held the process; exiting/);
  });

  it('lets a process that holds nothing end at once, saying nothing', async () => {
    const r = await run('process.exitCode = 0; exitWhenDrained();');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('never cuts output still being written', async () => {
    const r = await run("process.stdout.write('x'.repeat(4_000_000)); setInterval(() => {}, 1000); exitWhenDrained();");
    expect(r.stdout.length).toBe(4_000_000);
    expect(r.code).toBe(0);
  });
});
