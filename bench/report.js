// HTML report benchmark: `camfleet check --html` of 400 fixed cameras with 1080p snapshots and reference
// views, against the same check without it (the difference is the report's cost), the report's size, and
// how long Debian's Chromium takes to load it from file:// (the load event, every image decoded). The
// simulator runs in its own process; traffic stays on loopback (127.4.x.x).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { report, runMeasured, startSim, stopSim } from './lib.js';
import { makeInventory } from './make-inventory.js';

async function sizeOf(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  return total;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchReport() {
  const root = await mkdtemp(join(tmpdir(), 'camfleet-bench-report-'));
  const figures = {};
  try {
    const site = await makeInventory(join(root, 'site'), { points: 400, octet: 4, ptzEvery: 0 });
    const sim = await startSim(['--inventory', site, '--fault', 'time=11:00']);
    try {
      const record = await runMeasured(['view', 'record', '--inventory', site, '--yes']);
      if (record.code !== 0) throw new Error(`view record failed: ${record.err.slice(0, 500)}`);
      const plain = await runMeasured(['check', '--inventory', site, '--no-discovery', '--json', join(root, 'plain.json')]);
      const html = join(root, 'html');
      const withHtml = await runMeasured(['check', '--inventory', site, '--no-discovery', '--json', join(root, 'r.json'), '--html', html]);
      if (!/Report written/.test(withHtml.err)) throw new Error(`no report: ${withHtml.err.slice(0, 500)}`);
      figures['check 400 cameras (s)'] = plain.seconds;
      figures['  same check with --html (s)'] = withHtml.seconds;
      figures['  the report beyond the check (s)'] = withHtml.seconds - plain.seconds;
      figures['  report size (MB)'] = (await sizeOf(html)) / 1e6;
      const chromium = execFileSync('sh', ['-c', 'command -v chromium || true']).toString().trim();
      if (chromium) {
        const browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox'], headless: true });
        try {
          const times = [];
          for (let i = 0; i < 5; i++) {
            const page = await browser.newPage();
            const started = performance.now();
            await page.goto(`file://${join(html, 'index.html')}`, { waitUntil: 'load' });
            times.push(performance.now() - started);
            if (i === 0) figures['  images decoded'] = await page.$$eval('img', (imgs) => imgs.filter((i) => i.naturalWidth > 0).length);
            await page.close();
          }
          figures['  load in Chromium, median of 5 (s)'] = median(times) / 1000;
        } finally {
          await browser.close();
        }
      }
    } finally {
      await stopSim(sim.child);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return report(
    'HTML field report',
    figures,
    {
      '  the report beyond the check (s)': { text: 'target < 3 s', check: (v) => v < 3 },
      '  report size (MB)': { text: 'target < 15 MB', check: (v) => v < 15 },
      '  images decoded': { text: 'all 800', check: (v) => v === 800 },
      '  load in Chromium, median of 5 (s)': { text: 'target < 2 s', check: (v) => v < 2 },
    },
    {
      '  same check with --html (s)': 'check 400 cameras (s)',
    },
  );
}
