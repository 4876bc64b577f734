import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialResolver } from '../../src/credentials/resolve.js';
import { loadInventory } from '../../src/inventory/load.js';
import { selectPoints } from '../../src/reconcile/selection.js';
import { startFleet } from '../../src/sim/index.js';
import type { SurveyDialogue, SurveyNews } from '../../src/survey/dialogue.js';
import { survey } from '../../src/survey/flow.js';
import { reserveBlock } from '../helpers/address-block.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// The survey's flow without the CLI: the core asks a scripted dialogue, as another front end would.
const block = reserveBlock();
let env: ReconcileEnv;

beforeAll(async () => {
  env = await reconcileEnv(block.octet);
  env.extra.push(await startFleet({ count: 1, addressBase: `127.${block.octet}.2.50`, seed: 'flow-core' }));
});
afterAll(() => env.stop());

describe('survey, driven by a scripted dialogue', () => {
  it('asks about the stranger, walks the street, and writes what was answered', async () => {
    const told: SurveyNews[] = [];
    const asked: string[] = [];
    const dialogue: SurveyDialogue = {
      resume: async () => true,
      identify: async (c, _ctx, site) => {
        asked.push(`identify ${c.kind} ${c.device.address}`);
        return { type: 'ignore', key: c.device.key, device: c.device, site, note: 'the shop opposite' };
      },
      walkAll: async (count) => {
        asked.push(`walk ${count}`);
        return true;
      },
      walkTasks: async (t) => {
        asked.push(`tasks ${t.pointId}`);
        return ['streams'];
      },
      presetName: async () => 'road',
      savePresetOnCamera: async () => false,
      write: async (files) => {
        asked.push(`write ${files}`);
        return true;
      },
      tell: (news) => told.push(news),
    };
    const selection = selectPoints(env.site, await loadInventory(env.site), { street: 'ngo-8' });
    const credentials = new CredentialResolver({}, { env: env.env, interactive: false, readStdin: async () => '', prompt: async () => '' });
    const outcome = await survey(
      selection,
      { observe: { timeoutMs: 3000, concurrency: 8, rtspPort: 554, discovery: true, interfaces: [] } },
      { credentials, now: () => new Date('2026-12-05T09:00:00Z'), dialogue },
    );

    expect(outcome.kind).toBe('written');
    const ngo8 = selection.points.map((p) => p.point.id);
    expect(asked).toEqual([
      `identify unknown 127.${block.octet}.2.50`,
      `walk ${ngo8.length}`,
      ...ngo8.map((id) => `tasks ${id}`),
      'write 1',
    ]);
    const overview = told.find((n) => n.type === 'overview');
    expect(overview?.type === 'overview' && overview.overview.confirmed.map((p) => p.pointId).sort()).toEqual([...ngo8].sort());
    // Each camera's streams compared with what the street asks for.
    expect(told.filter((n) => n.type === 'streams')).toHaveLength(ngo8.length);
    const site = JSON.parse(await readFile(join(env.site, 'site.json'), 'utf8'));
    expect(site.ignoredDevices).toEqual([
      expect.objectContaining({
        address: `127.${block.octet}.2.50`,
        note: 'the shop opposite',
        date: '2026-12-05',
        identity: expect.objectContaining({ serialNumber: env.extra[0]!.cameras[0]!.serialNumber }),
      }),
    ]);
  });
});
