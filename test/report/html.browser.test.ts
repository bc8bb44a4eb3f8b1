import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CANDIDATES = [
  process.env.CONTENT_GATE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));
const browserPath = CANDIDATES.find((p) => existsSync(p));
if (!browserPath) {
  console.warn(
    `The findings-page browser test is skipped: no Chromium found (looked at ${CANDIDATES.join(', ')}). Install one (apt-get install chromium) or set CONTENT_GATE_CHROMIUM.`,
  );
}

/** Where the screenshot goes, to be looked at by a person. */
const SHOTS = process.env.CONTENT_GATE_SCREENSHOTS ?? join(tmpdir(), 'content-gate-screenshots');

describe.skipIf(!browserPath)('findings page in a real browser', () => {
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    const result = await cli(ROOT, 'check', 'examples', '--offline', '--format', 'html');
    expect(result.code).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    page = join(SHOTS, 'examples.html');
    writeFileSync(page, result.stdout);
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing but itself and needs no script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    const requested: string[] = [];
    tab.on('request', (r) => requested.push(r.url()));
    await tab.goto(pathToFileURL(page).href);
    expect(requested).toEqual([pathToFileURL(page).href]);
    expect(await tab.locator('section.post').count()).toBe(4);
    expect(await tab.locator('li.finding').count()).toBe(22);
    await tab.screenshot({ path: join(SHOTS, 'examples.png'), fullPage: true });
    await tab.emulateMedia({ media: 'print' });
    await tab.screenshot({ path: join(SHOTS, 'examples-print.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('passes axe-core with no serious or critical violation', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href);
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await tab.addScriptTag({ path: axe });
    const results = await tab.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page by the test
      const page = globalThis as any;
      const r = await page.axe.run(page.document, { resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        })),
        passes: r.passes.length,
      };
    });
    const grave = results.violations.filter((v: { impact: string }) =>
      ['serious', 'critical'].includes(v.impact),
    );
    expect(grave).toEqual([]);
    expect(results.violations).toEqual([]);
    await context.close();
  }, 60_000);
});
