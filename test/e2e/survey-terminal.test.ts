// The built CLI's survey in a real pseudo-terminal (tmux), as a technician runs it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFleet } from '../../src/sim/index.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { describeWhen } from '../helpers/describe-when.js';
import { CLI } from '../helpers/run-cli.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const run = promisify(execFile);
const hasTmux = await run('tmux', ['-V']).then(
  () => true,
  () => false,
);
// A private tmux server, so that nothing else on the machine is touched.
const tmux = (...args: string[]) => run('tmux', ['-L', `camfleet-test-${process.pid}`, ...args]).then((r) => r.stdout);

async function waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < deadline) {
    screen = await tmux('capture-pane', '-p', '-t', 'survey');
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the terminal never showed ${text}; it shows:\n${screen}`);
}
const keys = (...k: string[]) => tmux('send-keys', '-t', 'survey', ...k);

describeWhen(hasTmux, 'tmux is not installed (.ci/run installs it)', 'camfleet survey in a real terminal (built CLI, tmux)', () => {
  let env: ReconcileEnv;
  beforeAll(async () => {
    env = await reconcileEnv(block.octet);
    env.extra.push(await startFleet({ count: 1, addressBase: `127.${block.octet}.2.50`, seed: 'terminal-stranger' }));
  });
  afterAll(async () => {
    await tmux('kill-server').catch(() => undefined);
    await env.stop();
  });

  it('asks, takes the answers from the keyboard, writes, and exits 0', async () => {
    const command = `env NO_COLOR=1 CAMFLEET_CREDENTIALS='${env.env.CAMFLEET_CREDENTIALS}' '${process.execPath}' '${CLI}' survey --inventory '${env.site}' --street ngo-8 --no-multicast; echo "survey exit $?"; sleep 30`;
    await tmux('new-session', '-d', '-s', 'survey', '-x', '150', '-y', '50', command);
    await waitFor('Confirmed 3 · Changed 0 · Missing 0 · Unknown 1');
    await waitFor(`What is the camera at 127.${block.octet}.2.50?`);
    await keys('Down', 'Down', 'Enter'); // not ours
    await waitFor('What is it? (optional');
    await keys('-l', 'the pharmacy camera');
    await keys('Enter');
    await waitFor('Look at the 3 cameras found');
    await keys('n', 'Enter');
    await waitFor('Write these changes to 1 inventory file?');
    await keys('Enter');
    const screen = await waitFor('survey exit');
    expect(screen).toMatch(
      new RegExp(String.raw`Wrote 1 file: 127\.${block.octet}\.2\.50: not part of the programme \(the pharmacy camera\)\.`),
    );
    expect(screen).toContain('survey exit 0');
    const site = JSON.parse(await readFile(join(env.site, 'site.json'), 'utf8'));
    expect(site.ignoredDevices).toMatchObject([
      {
        address: `127.${block.octet}.2.50`,
        note: 'the pharmacy camera',
        identity: { serialNumber: env.extra[0]!.cameras[0]!.serialNumber },
      },
    ]);
  });
});
