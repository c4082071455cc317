// The catalogue's built index.html in a real browser (Debian's chromium, headless): it renders a
// row per claim (and per stdout kind for a claim stated per kind), its filters work, and it makes no request outside its own files. An end-to-end
// check (npm run test:e2e): it needs a browser, which .ci/run installs; without one it is skipped,
// saying so. The pages' content is checked in spec/tooling/catalog.spec.ts.
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { loadClaims, TOPICS, views as viewsOf } from '../../tools/catalog-model.ts';
import { rowId, rowStdio } from '../../tools/catalog-render.ts';
import { STDIO_KINDS } from '../../harness/stdio.ts';
import { readResults, type ResultsFile } from '../../tools/catalog-pages.ts';
import { fixtureResults, renderAll, writeDocs } from '../support/catalog-fixtures.ts';
import { tempFolder } from '../support/temp.ts';

// The pages and the browser's profile, removed however the run ends (spec/support/temp.ts).
const tmp = tempFolder('catalog-browser-');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

describe('the static HTML page', () => {
  if (!haveChromium) skipped('docs/site/index.html in a browser', `${CHROMIUM} not found (install Debian's chromium, as .ci/run does, or set CHROMIUM_PATH)`);
  else it('docs/site/index.html in headless chromium: renders, a row per claim, the filters work, no console errors', async ({ expect }) => {
    const { chromium } = await import('playwright-core');
    const claims = loadClaims();
    const pages: { name: string; data: ResultsFile }[] = [
      { name: 'committed', data: readResults(claims) },
      { name: 'fixture', data: fixtureResults(claims) },
    ];
    const profile = mkdtempSync(join(tmp(), 'chromium-profile-'));
    // Generous limits: the machine may be busy with the rest of the suite.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      // Chromium makes a folder of its own in TMPDIR (org.chromium.Chromium.*, its singleton
      // socket), which it leaves when it is killed (the run stopped): inside this spec's folder.
      env: { ...process.env, TMPDIR: tmp() },
      headless: true,
      timeout: 120_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'],
    });
    try {
      context.setDefaultTimeout(60_000);
      for (const { name, data } of pages) {
        const dir = join(tmp(), `html-${name}`);
        writeDocs(dir, renderAll(claims, data));
        // A row per claim, and per stdout kind for a scenario that states kinds.
        const views = claims.flatMap((c) => viewsOf(c, data));
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
        const external: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('file://')) external.push(r.url());
        });
        await page.goto(pathToFileURL(join(dir, 'site', 'index.html')).href, { waitUntil: 'load' });
        const visible = () => page.locator('#claims tbody tr:not([hidden])').count();
        const count = () => page.locator('#count').textContent();

        await expect.poll(count, { timeout: 60_000 }).toBe(`${views.length} of ${views.length} claims`);
        expect(await page.locator('#claims tbody tr').count()).toBe(views.length);
        expect(await page.locator('#claims thead th.v').count()).toBe(data.versions.length);
        for (const v of views) expect(await page.locator(`#claims tbody tr[id="${rowId(v)}"]`).count(), rowId(v)).toBe(1);

        for (const t of TOPICS) {
          await page.selectOption('#topic', t.key);
          const want = views.filter((v) => v.claim.topic === t.key).length;
          expect(await visible(), `${name}: topic ${t.key}`).toBe(want);
          expect(await page.locator(`#claims tbody tr:not([hidden]):not([data-topic="${t.key}"])`).count()).toBe(0);
          expect(await page.locator('#empty').isVisible()).toBe(want === 0);
        }
        await page.selectOption('#topic', 'all');
        await page.check('#differs');
        const differing = views.filter((v) => v.differs).map(rowId).sort();
        const shown = await page.locator('#claims tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.id));
        expect(shown.sort(), `${name}: differs filter`).toEqual(differing);
        if (name === 'fixture') expect(differing.length).toBeGreaterThan(0);
        // Both filters at once.
        const t0 = TOPICS.find((t) => views.some((v) => v.claim.topic === t.key))!;
        await page.selectOption('#topic', t0.key);
        expect(await visible()).toBe(views.filter((v) => v.differs && v.claim.topic === t0.key).length);
        await page.uncheck('#differs');
        await page.selectOption('#topic', 'all');
        expect(await visible()).toBe(views.length);
        // The stdout kind: each kind shows exactly the rows observed with it.
        for (const k of STDIO_KINDS) {
          await page.selectOption('#stdio', k);
          const want = views.filter((v) => rowStdio(v) === k).map(rowId).sort();
          const got = await page.locator('#claims tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.id));
          expect(got.sort(), `${name}: stdio ${k}`).toEqual(want);
          expect(want.length, `${name}: stdio ${k}`).toBeGreaterThan(0);
        }
        // With a topic at once: output on a terminal.
        await page.selectOption('#topic', 'output');
        await page.selectOption('#stdio', 'tty');
        expect(await visible()).toBe(views.filter((v) => v.claim.topic === 'output' && rowStdio(v) === 'tty').length);
        await page.selectOption('#stdio', 'all');
        await page.selectOption('#topic', 'all');
        expect(await visible()).toBe(views.length);
        expect(problems, `${name}: console`).toEqual([]);
        expect(external, `${name}: external requests`).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  }, 300_000);
});
