import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// The field report of the sample site on the simulator (one lens covered, one camera off, one that
// stopped recording), opened in Debian's Chromium: never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const block = reserveBlock();
let env: ReconcileEnv;
let out: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => {
    if (c.name === 'tx2-ngo-8-2') return { ...c, faults: { ...c.faults, tampered: 'covered' } };
    if (c.name === 'tx2-gate-parking') return { ...c, faults: { ...c.faults, offline: true } };
    if (c.name === 'tx2-ngo-15-3') return { ...c, faults: { ...c.faults, recordingStoppedHours: 8 } };
    return c;
  });
  out = await mkdtemp(join(tmpdir(), 'camfleet-html-'));
  const run = await camfleet(['check', '--inventory', env.site, '--no-discovery', '--html', out], env.env);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(/Report written: .*index\.html/);
  await stat(CHROMIUM).catch(() => {
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
  });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => !r.url().startsWith('file://') && foreignRequests.push(r.url()));
  await page.goto(`file://${join(out, 'index.html')}`, { waitUntil: 'load' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await env?.stop();
  await rm(out, { recursive: true, force: true });
  block.release();
});

const visibleCards = () =>
  page.$$eval('article.card', (cards) =>
    cards.filter((c) => (c as { offsetParent?: unknown }).offsetParent !== null).map((c) => c.id.replace('card-', '')),
  );

describe('the HTML field report in Chromium', () => {
  it('loads from file:// with no console error and no network request', () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('has one card per point, every image decoded, each with alt text', async () => {
    const cards = await page.$$eval('article.card', (c) => c.length);
    expect(cards).toBe(env.fleet.cameras.length);
    const images = await page.$$eval('img', (imgs) =>
      imgs.map((i) => ({ w: (i as { naturalWidth?: number }).naturalWidth, alt: i.getAttribute('alt') })),
    );
    // Every point has a reference; every camera but the one that is off gave a snapshot.
    expect(images).toHaveLength(cards * 2 - 1);
    expect(images.every((i) => (i.w ?? 0) > 0 && (i.alt ?? '').length > 5)).toBe(true);
  });

  it("puts the covered camera's card, badged covered, before the healthy ones", async () => {
    const order = await page.$$eval('article.card', (cards) =>
      cards.map((c) => ({ id: c.id, badge: c.querySelector('.badge')!.textContent })),
    );
    const covered = order.findIndex((c) => c.id === 'card-tx2-ngo-8-2');
    expect(order[covered]!.badge).toBe('covered');
    const firstOk = order.findIndex((c) => c.badge === 'ok');
    expect(covered).toBeLessThan(firstOk);
    expect(order.find((c) => c.id === 'card-tx2-gate-parking')!.badge).toBe('unreachable');
    expect(order.find((c) => c.id === 'card-tx2-ngo-15-3')!.badge).toBe('not recording');
  });

  it('draws one plan marker per point with coordinates, each a link to its card', async () => {
    const markers = await page.$$eval('svg.plan a.marker', (as) => as.map((a) => a.getAttribute('href')));
    expect(markers).toHaveLength(env.fleet.cameras.length);
    expect(markers).toContain('#card-tx2-ngo-8-2');
    expect(await page.$eval('svg.plan a[href="#card-tx2-ngo-8-2"]', (a) => a.getAttribute('class'))).toContain('b-covered');
  });

  it('filters by state without JavaScript, and shows all again', async () => {
    const noScript = await browser.newPage();
    await noScript.setJavaScriptEnabled(false);
    await noScript.goto(`file://${join(out, 'index.html')}`, { waitUntil: 'load' });
    await noScript.click('label[for="f-covered"]');
    const shown = await noScript.$$eval('article.card', (cards) =>
      cards.filter((c) => (c as { offsetParent?: unknown }).offsetParent !== null).map((c) => c.id),
    );
    expect(shown).toEqual(['card-tx2-ngo-8-2']);
    await noScript.click('label[for="f-all"]');
    expect(
      await noScript.$$eval('article.card', (cards) => cards.filter((c) => (c as { offsetParent?: unknown }).offsetParent !== null).length),
    ).toBe(env.fleet.cameras.length);
    await noScript.close();
    expect(await visibleCards()).toHaveLength(env.fleet.cameras.length);
  });

  it('renders the print layout (A4) and keeps Vietnamese text whole', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    const title = await page.$eval('h1', (h) => h.textContent);
    expect(title).toBe('Tổ dân phố Tân Xuân 2 – camera an ninh');
  });

  it('holds no password and no stream URI with credentials', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('camfleet"');
    expect(html).not.toMatch(/rtsp:\/\/[^/\s]*@/);
    expect(html).not.toMatch(/password/i);
  });
});
