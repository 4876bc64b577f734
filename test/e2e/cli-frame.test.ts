import { describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { spawnSync } from 'node:child_process';
import { CLI, runCli, startCli } from '../helpers/run-cli.js';
import { call } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

describe('the built CLI under plain node', () => {
  it('--help lists every command with an example and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['demo', 'sim']) expect(run.stdout).toMatch(new RegExp(`camfleet ${command}\\b`));
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toMatch(/2\s+usage error or invalid input/);
  });

  it('--help lists plan, apply, check and the reconcile commands', async () => {
    const run = await runCli(['--help']);
    for (const command of ['check', 'plan', 'apply']) expect(run.stdout).toMatch(new RegExp(`^  ${command} \\[options\\]`, 'm'));
    const ptz = await runCli(['ptz', '--help']);
    expect(ptz.stdout).toMatch(/reaim/);
    const inventory = await runCli(['inventory', '--help']);
    expect(inventory.stdout).toMatch(/adopt/);
  });

  it('stops quietly when the reader of its output goes away (camfleet … | head)', async () => {
    // `true` exits at once, so camfleet's first write meets a closed pipe.
    const child = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" inventory ls inventory/ea-pok | true; echo "camfleet exit \${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(child.stdout.trim()).toBe('camfleet exit 0');
    expect(child.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
  });

  it('--version prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a bad flag is a one-line usage error with exit 2', async () => {
    const run = await runCli(['sim', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stderr).toContain('camfleet sim --help');
  });

  it('a bad value says what is expected, exit 2', async () => {
    const run = await runCli(['sim', '--fault', 'explode@2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown fault 'explode'; known faults: offline/);
  });

  it('sim --json prints one line once listening, serves ONVIF, and says Bye on SIGTERM', async () => {
    const sim = startCli(['sim', '--json', '--count', '2', '--address-base', `127.${block.octet}.18.1`, '--fault', 'skew=60@2']);
    const report = JSON.parse(await sim.firstLine) as {
      formatVersion: number;
      cameras: { xaddr: string; serialNumber: string; password?: string; endpointReference: string }[];
    };
    expect(report.formatVersion).toBe(1);
    expect(report.cameras).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('camfleet"');
    expect(report.cameras[0]).not.toHaveProperty('password');
    const reply = await call(report.cameras[0]!.xaddr, '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
    expect(reply.body).toContain(report.cameras[0]!.serialNumber);

    // Listen for the Bye on the WS-Discovery group, on loopback only.
    const listener = createSocket({ type: 'udp4', reuseAddr: true });
    const byes: string[] = [];
    listener.on('message', (m) => {
      const text = m.toString();
      if (text.includes('discovery/Bye')) byes.push(text);
    });
    await new Promise<void>((r) => listener.bind(3702, '239.255.255.250', () => r()));
    listener.addMembership('239.255.255.250', '127.0.0.1');
    sim.child.kill('SIGTERM');
    const end = await sim.exited;
    await new Promise((r) => setTimeout(r, 100));
    listener.close();
    expect(end.code).toBe(0);
    expect(byes.some((b) => b.includes(report.cameras[0]!.endpointReference))).toBe(true);
  });

  it('demo runs to the end against the simulator', async () => {
    const run = await runCli(['demo'], { timeoutMs: 90_000, mergeStderr: true });
    expect(run.code, run.stdout).toBe(0);
    const out = run.stdout;
    const steps = out.split(/^━━ \d\. /m).slice(1);
    expect(steps.map((s) => s.split(/:|\n/)[0])).toEqual([
      'Starting 12 simulated cameras of Tân Xuân 2 on 127.20.2.x, with faults',
      'camfleet check --html',
      'camfleet plan --out plan.json',
      'camfleet apply plan.json',
      'camfleet inventory adopt --into cong-chinh',
      'camfleet check again',
    ]);
    // The first check finds each injected fault; apply fixes the two fixable ones; adopt records two.
    expect(steps[1]).toMatch(/~ tx2-gate-out: preset 'road'/);
    expect(steps[1]).toMatch(/~ tx2-nba-1: MainStream: resolution 1280x720, wants 1920x1080/);
    expect(steps[1]).toMatch(/- tx2-gate-parking: unreachable at 127\.20\.2\.13/);
    expect(steps[1]).toMatch(/\+ tx2-ngo-15-2: moved from 127\.20\.2\.18 to 127\.20\.2\.99/);
    expect(steps[1]).toMatch(/at 127\.20\.2\.50: no point claims it/);
    expect(steps[1]).toMatch(/! tx2-ngo-8-3: not recording: last data 30 h ago/);
    expect(steps[1]).toMatch(/Report written: .*camfleet-demo-report\/index\.html \(22 pictures/);
    expect(steps[3]).toMatch(/Apply: 2 verified, 0 done \(not readable back\), 0 failed, 0 skipped\./);
    expect(steps[4]).toMatch(/Wrote 2 files: tx2-ngo-15-2: address 127\.20\.2\.18 → 127\.20\.2\.99; cam-001: new point/);
    // What is left: the camera that is off, and the adopted camera's site settings.
    expect(steps[5]).toMatch(/- tx2-gate-parking: unreachable/);
    expect(steps[5]).toMatch(/! tx2-ngo-8-3: not recording/);
    expect(steps[5]).not.toMatch(/tx2-gate-out|tx2-nba-1|moved from|no point claims it/);
  });
});

describe('docs/ci/github-actions.yml', () => {
  it('uses only commands and flags that camfleet has', async () => {
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const yaml = await readFile(resolve(import.meta.dirname, '../../docs/ci/github-actions.yml'), 'utf8');
    // The shell of each `run:` step: one line, or a `>` or `|` block of the lines indented below it.
    const runs = [...yaml.matchAll(/^( *)(?:- )?run: (?:[>|]\n((?:\1 {2,}.*\n)+)|(.*)\n)/gm)].map((m) =>
      (m[2] ?? m[3]!).replace(/\n\s*/g, ' '),
    );
    const commands = runs
      .flatMap((r) => r.split(/&&|;|\|/))
      .map((c) => c.trim())
      .filter((c) => c.startsWith('camfleet '));
    const uses = commands.map((c) => ({
      command: /^camfleet ((?:inventory )?[a-z]+)/.exec(c)![1]!,
      flags: c.split(/\s+/).filter((t) => t.startsWith('--')),
    }));
    expect(uses.map((u) => u.command)).toEqual(expect.arrayContaining(['check', 'inventory validate', 'inventory fmt']));
    for (const use of uses) {
      const help = await runCli([...use.command.split(' '), '--help']);
      expect(help.code, use.command).toBe(0);
      for (const flag of use.flags) expect(help.stdout, `${use.command} ${flag}`).toContain(flag);
    }
  });
});
