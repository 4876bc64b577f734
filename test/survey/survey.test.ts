// Whole survey flows, driven through the real prompts on @inquirer/testing's virtual screen, against the
// simulated sample. This import must come first: it routes every @inquirer prompt to the screen.
import { screen } from '@inquirer/testing/vitest';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import { startFleet, type SimCameraInfo } from '../../src/sim/index.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { reserveBlock } from '../helpers/address-block.js';

const flowBlock = reserveBlock();
const resumeBlock = reserveBlock();

type Run = ReturnType<typeof camfleet>;

/** Waits until the screen shows `text` (the survey works on the network between questions). */
async function at(run: Run, text: string | RegExp): Promise<void> {
  const shows = () => (typeof text === 'string' ? screen.getScreen().includes(text) : text.test(screen.getScreen()));
  const ended = run.then((r) => {
    throw new Error(`the survey ended (exit ${r.code}) before showing ${text}:\n${r.stdout}\n${r.stderr}`);
  });
  // A prompt that never comes fails with what the screen shows, not with the test's own timeout.
  const stuck = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`the screen did not show ${text} in 20 s; it shows:\n${screen.getScreen()}`)), 20_000);
    timer.unref();
  });
  for (let i = 0; i < 100 && !shows(); i++) await Promise.race([screen.next(), ended, stuck]);
  if (!shows()) throw new Error(`the screen never showed ${text}; it shows:\n${screen.getScreen()}`);
  ended.catch(() => undefined);
}

const enter = () => screen.keypress('enter');
const down = (n = 1) => {
  for (let i = 0; i < n; i++) screen.keypress('down');
};
const today = () => new Date().toISOString().slice(0, 10);
const identity = (c: SimCameraInfo) => ({
  manufacturer: c.manufacturer,
  model: c.model,
  serialNumber: c.serialNumber,
  mac: c.mac,
  endpointReference: c.endpointReference,
});
const address = (c: SimCameraInfo) => `${c.address}${c.port === 80 ? '' : `:${c.port}`}`;

describe('camfleet survey: assign, create, not ours, record a preset, write', () => {
  // The sample Tân Xuân 2 on 127.<block>.2.x: tx2-gate-parking's camera gone, tx2-ngo-15-2 moved to .99,
  // and three cameras no point claims at .50, .51, .52.
  let env: ReconcileEnv;
  let strangers: SimCameraInfo[];
  const original = new Map<string, string>();
  const file = (name: string) => join(env.site, name);

  beforeAll(async () => {
    env = await reconcileEnv(flowBlock.octet, (c) =>
      c.name === 'tx2-gate-parking'
        ? { ...c, faults: { offline: true } }
        : c.name === 'tx2-ngo-15-2'
          ? { ...c, address: `127.${flowBlock.octet}.2.99` }
          : c,
    );
    env.extra.push(await startFleet({ count: 3, addressBase: `127.${flowBlock.octet}.2.50`, seed: 'survey-strangers' }));
    strangers = env.extra[0]!.cameras;
    for (const f of ['site.json', 'streets/cong-chinh.json', 'streets/ngo-15.json', 'streets/ngo-8.json'])
      original.set(f, await readFile(file(f), 'utf8'));
    // The technician has turned tx2-ngo-15-1 toward the junction.
    const moved = await camfleet(
      ['ptz', 'move', 'ngo-15/tx2-ngo-15-1', '--inventory', env.site, '--pan', '0.42', '--tilt', '-0.3', '--zoom', '0.25', '--wait'],
      env.env,
    );
    expect(moved.code, moved.stderr).toBe(0);
  });
  afterAll(() => env.stop());

  it('walks the flow and writes exactly the expected files', async () => {
    const run = camfleet(['survey', '--inventory', env.site, '--street', 'ngo-15', '--no-multicast'], env.env, { tty: true });

    // Changed first: the moved camera.
    await at(run, `What is the camera at 127.${flowBlock.octet}.2.99?`);
    expect(screen.getScreen()).toContain('❯ Record its new address on tx2-ngo-15-2');
    enter();
    // .50: assign to the point whose camera is gone.
    await at(run, `What is the camera at 127.${flowBlock.octet}.2.50?`);
    enter();
    await at(run, 'Which street?');
    screen.keypress('down'); // the street asked for (ngo-15) is offered first; cong-chinh comes next
    enter();
    await at(run, 'Which point is it?');
    down(2);
    // cong-chinh was not surveyed (--street ngo-15), so its points were not checked.
    expect(screen.getScreen()).toMatch(new RegExp(String.raw`❯ tx2-gate-parking: .*\(not checked, 127\.${flowBlock.octet}\.2\.13\)`));
    enter();
    // .51: a new point.
    await at(run, `What is the camera at 127.${flowBlock.octet}.2.51?`);
    down();
    enter();
    await at(run, 'On which street?');
    enter(); // ngo-15
    await at(run, 'Label');
    screen.type('Nhà số 12 – hướng ra ngõ');
    enter();
    await at(run, 'Location');
    screen.type('Số 12, Ngõ 15');
    enter();
    await at(run, 'Coordinates');
    screen.type('21.0751, 105.7911');
    enter();
    await at(run, 'What does it watch?');
    enter(); // road
    await at(run, 'Facing');
    screen.type('400');
    enter();
    await at(run, 'a bearing from 0 to 359, or leave it empty');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('90');
    enter();
    await at(run, 'Whose camera is it?');
    enter(); // household
    await at(run, 'Point id');
    enter(); // the suggested id
    // .52: not ours.
    await at(run, `What is the camera at 127.${flowBlock.octet}.2.52?`);
    down(2);
    enter();
    await at(run, 'What is it? (optional');
    screen.type('the shop opposite');
    enter();

    // The walk: ngo-15's confirmed cameras, then those just assigned or created.
    await at(run, /Look at the 5 cameras found/);
    enter();
    await at(run, 'tx2-ngo-15-1 (');
    down(2);
    screen.keypress('space'); // also record the preset
    enter();
    await at(run, 'Preset name');
    screen.type('junction');
    enter();
    await at(run, "Also save it on the camera as 'junction'?");
    enter();
    for (const id of ['tx2-ngo-15-3', 'tx2-ngo-15-2', 'tx2-gate-parking']) {
      await at(run, `${id} (`);
      enter(); // snapshot and stream check
    }
    // The new point also gets its reference view, the second choice.
    await at(run, 'ngo-15-nha-so-12-huong-ra-ngo (');
    down();
    screen.keypress('space');
    enter();
    await at(run, 'Write these changes to 3 inventory files?');
    enter();
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Wrote 3 files: /);

    // Byte for byte: each file is the original with exactly these edits, in canonical form.
    const [a, b, c] = strangers as [SimCameraInfo, SimCameraInfo, SimCameraInfo];
    const ngo15 = JSON.parse(original.get('streets/ngo-15.json')!);
    ngo15.points.find((p: { id: string }) => p.id === 'tx2-ngo-15-2').device.address = `127.${flowBlock.octet}.2.99`;
    ngo15.points
      .find((p: { id: string }) => p.id === 'tx2-ngo-15-1')
      .ptz.presets.push({ name: 'junction', pan: 0.42, tilt: -0.3, zoom: 0.25 });
    ngo15.points.push({
      id: 'ngo-15-nha-so-12-huong-ra-ngo',
      label: 'Nhà số 12 – hướng ra ngõ',
      location: { address: 'Số 12, Ngõ 15', latitude: 21.0751, longitude: 105.7911 },
      facing: 90,
      watches: 'road',
      owner: 'household',
      device: { address: address(b), identity: identity(b) },
    });
    // The reference view taken on the walk: named in the point, the picture in views/.
    const written = JSON.parse(await readFile(file('streets/ngo-15.json'), 'utf8'));
    const views = written.points.find((p: { id: string }) => p.id === 'ngo-15-nha-so-12-huong-ra-ngo').views;
    expect(views).toEqual([
      {
        file: 'views/ngo-15-nha-so-12-huong-ra-ngo.jpg',
        takenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        resolution: '1920x1080',
        light: 'day',
      },
    ]);
    const view = await readFile(file('views/ngo-15-nha-so-12-huong-ra-ngo.jpg'));
    expect([view[0], view[1]]).toEqual([0xff, 0xd8]);
    ngo15.points.at(-1).views = views;
    expect(await readFile(file('streets/ngo-15.json'), 'utf8')).toBe(formatDocument('street', ngo15));
    const gate = JSON.parse(original.get('streets/cong-chinh.json')!);
    Object.assign(gate.points.find((p: { id: string }) => p.id === 'tx2-gate-parking').device, {
      address: address(a),
      identity: identity(a),
    });
    expect(await readFile(file('streets/cong-chinh.json'), 'utf8')).toBe(formatDocument('street', gate));
    const site = JSON.parse(original.get('site.json')!);
    site.ignoredDevices = [{ identity: identity(c), address: c.address, note: 'the shop opposite', date: today() }];
    expect(await readFile(file('site.json'), 'utf8')).toBe(formatDocument('site', site));
    expect(await readFile(file('streets/ngo-8.json'), 'utf8')).toBe(original.get('streets/ngo-8.json'));

    // The preset is on the camera too, once; snapshots lie beside the inventory, outside the JSON.
    expect(env.fleet.camera('tx2-ngo-15-1').state.presets.filter((p) => p.name === 'junction')).toHaveLength(1);
    const shot = await readFile(file(`survey/${today()}/tx2-ngo-15-1.jpg`));
    expect([shot[0], shot[1]]).toEqual([0xff, 0xd8]);
    await access(file(`survey/${today()}/ngo-15-nha-so-12-huong-ra-ngo.jpg`));
    // Finished: no session left behind; the inventory is valid, and the next plan of ngo-15 has no unknown device.
    await expect(access(file('survey/.session.json'))).rejects.toThrow();
    expect((await camfleet(['inventory', 'validate', env.site])).code).toBe(0);
    const plan = JSON.parse((await camfleet(['--json', 'plan', '--inventory', env.site, '--street', 'ngo-15'], env.env)).stdout);
    expect(plan.findings.filter((f: { kind: string }) => f.kind === 'unknown' || f.kind === 'missing')).toEqual([]);
  });
});

describe('camfleet survey: interrupted, then resumed', () => {
  let env: ReconcileEnv;
  beforeAll(async () => {
    env = await reconcileEnv(resumeBlock.octet, (c) => (c.name === 'tx2-gate-parking' ? { ...c, faults: { offline: true } } : c));
    env.extra.push(await startFleet({ count: 2, addressBase: `127.${resumeBlock.octet}.2.50`, seed: 'survey-resume' }));
  });
  afterAll(() => env.stop());

  it('Ctrl-C keeps the answers given; the next survey offers to continue and does not ask them again', async () => {
    const [first, second] = env.extra[0]!.cameras as [SimCameraInfo, SimCameraInfo];
    const run = camfleet(['survey', '--inventory', env.site, '--street', 'cong-chinh', '--no-multicast'], env.env, { tty: true });
    await at(run, `What is the camera at 127.${resumeBlock.octet}.2.50?`);
    enter(); // assign
    await at(run, 'Which street?');
    enter(); // cong-chinh
    await at(run, 'Which point is it?');
    down(2);
    expect(screen.getScreen()).toMatch(new RegExp(String.raw`❯ tx2-gate-parking: .*\(missing, 127\.${resumeBlock.octet}\.2\.13\)`));
    enter();
    await at(run, `What is the camera at 127.${resumeBlock.octet}.2.51?`);
    screen.keypress({ name: 'c', ctrl: true });
    const stopped = await run;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /Survey interrupted\. 1 answer kept in .*survey\/\.session\.json; run 'camfleet survey' again to continue\./,
    );
    const before = await readFile(join(env.site, 'streets', 'cong-chinh.json'), 'utf8');
    expect(before).not.toContain(first.serialNumber); // nothing written yet

    const again = camfleet(['survey', '--inventory', env.site, '--street', 'cong-chinh', '--no-multicast'], env.env, { tty: true });
    await at(again, 'was interrupted with 1 answer. Continue it?');
    enter();
    // Only the second device is asked about.
    await at(again, `What is the camera at 127.${resumeBlock.octet}.2.51?`);
    down(3);
    enter(); // skip
    await at(again, /Look at the \d+ cameras found/);
    screen.type('n');
    enter();
    await at(again, 'Write these changes to 1 inventory file?');
    enter();
    const done = await again;
    expect(done.code, done.stderr).toBe(0);
    // The overview says which device was answered before the interruption, and how.
    expect(done.stdout).toMatch(/\(1 answered before, 1 to ask\)/);
    expect(done.stdout).toMatch(
      new RegExp(String.raw`^ {2}✓ .* at 127\.${resumeBlock.octet}\.2\.50 .*\(answered: the camera of tx2-gate-parking\)$`, 'm'),
    );
    expect(done.stdout).toMatch(new RegExp(String.raw`^\[1\/1\] Unknown: .* at 127\.${resumeBlock.octet}\.2\.51`, 'm'));
    expect(done.stdout).not.toMatch(new RegExp(String.raw`^\[\d\/\d\] Unknown: .* at 127\.${resumeBlock.octet}\.2\.50`, 'm'));
    const after = JSON.parse(await readFile(join(env.site, 'streets', 'cong-chinh.json'), 'utf8'));
    const parking = after.points.find((p: { id: string }) => p.id === 'tx2-gate-parking');
    expect(parking.device.address).toBe(address(first));
    expect(parking.device.identity).toEqual(identity(first));
    expect(JSON.stringify(after)).not.toContain(second.serialNumber);
  });
});

describe('camfleet survey without a person at a terminal', () => {
  it('refuses, and names the commands that do each step', async () => {
    for (const [args, tty] of [
      [['survey', '--inventory', 'inventory/tan-xuan-2'], false],
      [['--json', 'survey', '--inventory', 'inventory/tan-xuan-2'], true],
    ] as const) {
      const run = await camfleet([...args], {}, { tty });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^camfleet: survey asks questions, and (without a terminal|with --json) there is nobody to answer them/);
      for (const command of [
        'inventory adopt',
        '--assign ADDRESS=POINT',
        '--into STREET',
        '--ignore ADDRESS',
        'ptz preset set STREET/POINT NAME --record',
        'snapshot STREET/POINT',
      ])
        expect(run.stderr).toContain(command);
    }
  });
});
