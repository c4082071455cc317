// The catalogue site (docs/site/, tools/catalog-site.ts) in a real browser (Debian's chromium,
// headless), served over HTTP as GitHub Pages serves it, at a desktop's width and at a phone's
// (390 px, touch): a row per claim, the filters, the text search and the view kept in the URL, a
// cell's difference opened, a claim's page, the per-runtime page, the upgrade view computed in the
// page from results.json, and no horizontal overflow of the page at 390 px (the table scrolls in its
// own box, its claim column stays). No console errors, no request outside the site. Screenshots
// go to results/site-screenshots/ (or SITE_SCREENSHOTS), which CI uploads. An end-to-end check (npm
// run test:e2e): it needs a browser, which .ci/run installs; without one it is skipped, saying so.
// The pages' content is checked in spec/tooling/catalog.spec.ts.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it, type ExpectStatic } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { behaviourDiff, severity, SEVERITY_WORDS } from '../../harness/observation.ts';
import { STDIO_KINDS, STDIO_WORDS } from '../../harness/stdio.ts';
import { claimKinds, loadClaims, resultKey, rowId, rowStdio, TOPICS, views as viewsOf, type Claim, type ClaimView } from '../../tools/catalog-model.ts';
import { readResults, type ResultsFile } from '../../tools/catalog-pages.ts';
import { SEEDS } from '../../tools/catalog-seeds.ts';
import { fixtureResults, renderAll, screenshotsDir, writeDocs } from '../support/catalog-fixtures.ts';
import { serveFolder } from '../support/static-server.ts';
import { tempFolder } from '../support/temp.ts';

// The pages and the browser's profile, removed however the run ends (spec/support/temp.ts).
const tmp = tempFolder('catalog-browser-');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SHOTS = screenshotsDir();

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;

/** What a row's search matches, from the claim's header (the index shows these texts, code spans without their backticks). */
function haystack(v: ClaimView): string {
  const c = v.claim;
  const topic = TOPICS.find((t) => t.key === c.topic)!;
  return [rowId(v), c.s.claim, c.s.why ?? '', c.s.instead ?? '', topic.title, v.stdio ? STDIO_WORDS[v.stdio] : ''].join(' ').replace(/`/g, '').toLowerCase();
}

/** Every row that behaves otherwise on `to` than on `from`, with its severity word: from the records, by the harness's own comparison. */
function upgradeOracle(claims: Claim[], data: ResultsFile, from: string, to: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of claims) {
    for (const k of claimKinds(c)) {
      const a = data.results[from]?.scenarios[resultKey(c, k)];
      const b = data.results[to]?.scenarios[resultKey(c, k)];
      if (!a?.observation || !b?.observation || a.verdict === 'n.a.' || b.verdict === 'n.a.') continue;
      const d = behaviourDiff(a.observation, b.observation);
      if (d.length) out.set(rowId({ claim: c, ...(k ? { stdio: k } : {}) }), SEVERITY_WORDS[severity(d)]!);
    }
  }
  return out;
}

const shownIds = (page: Page) => page.locator('#claims tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.id));

/** The page is no wider than the window: whatever is wider scrolls inside its own box. */
async function noOverflow(page: Page, expect: ExpectStatic, what: string) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: the page is ${scroll} px wide in a ${inner} px window`).toBeLessThanOrEqual(inner);
}

describe('the catalogue site', () => {
  if (!haveChromium) skipped('docs/site/ in a browser', `${CHROMIUM} not found (install Debian's chromium, as .ci/run does, or set CHROMIUM_PATH)`);
  else it('docs/site/ in headless chromium at 1280 and 390 px: rows, filters, search, URL state, a cell\'s difference, a claim page, the runtime pages, the upgrade view, no overflow', async ({ expect }) => {
    const { chromium } = await import('playwright-core');
    const claims = loadClaims();
    const sites: { name: string; data: ResultsFile }[] = [
      { name: 'committed', data: readResults(claims) },
      { name: 'fixture', data: fixtureResults(claims) },
    ];
    mkdirSync(SHOTS, { recursive: true });
    for (const w of WIDTHS) {
      const profile = mkdtempSync(join(tmp(), `chromium-profile-${w.name}-`));
      // Generous limits: the machine may be busy with the rest of the suite.
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        // Chromium makes a folder of its own in TMPDIR (org.chromium.Chromium.*, its singleton
        // socket), which it leaves when it is killed (the run stopped): inside this spec's folder.
        env: { ...process.env, TMPDIR: tmp() },
        headless: true,
        timeout: 120_000,
        viewport: w.viewport,
        hasTouch: w.touch,
        isMobile: w.touch,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'],
      });
      try {
        context.setDefaultTimeout(60_000);
        for (const { name, data } of sites) {
          const at = `${w.name}, ${name}`;
          const dir = join(tmp(), `site-${w.name}-${name}`);
          writeDocs(dir, renderAll(claims, data));
          const server = await serveFolder(join(dir, 'site'));
          try {
            const problems: string[] = [];
            const external: string[] = [];
            const open = async (path: string): Promise<Page> => {
              const page = await context.newPage();
              page.on('console', (m) => {
                if (m.type() === 'error' || m.type() === 'warning') problems.push(`${path}: console.${m.type()}: ${m.text()}`);
              });
              page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
              page.on('requestfailed', (r) => problems.push(`${path}: request failed: ${r.url()}`));
              page.on('response', (r) => {
                if (r.status() >= 400) problems.push(`${path}: ${r.status()} ${r.url()}`);
              });
              page.on('request', (r) => {
                if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url());
              });
              await page.goto(server.url + path, { waitUntil: 'load' });
              return page;
            };
            const shot = (page: Page, what: string) => page.screenshot({ path: join(SHOTS, `${w.name}-${name}-${what}.png`) });
            const views = claims.flatMap((c) => viewsOf(c, data));

            // ---- the index: a row per claim and kind, the filters, each kept in the URL ----
            const page = await open('index.html');
            const count = () => page.locator('#count').textContent();
            await expect.poll(count, { timeout: 60_000 }).toBe(`${views.length} of ${views.length} claims`);
            expect(await page.locator('#claims tbody tr').count()).toBe(views.length);
            expect(await page.locator('#claims thead th.v').count()).toBe(data.versions.length);
            expect((await shownIds(page)).sort()).toEqual(views.map(rowId).sort());
            await shot(page, 'index');
            await noOverflow(page, expect, `${at}: index.html`);

            for (const t of TOPICS) {
              await page.selectOption('#topic', t.key);
              const want = views.filter((v) => v.claim.topic === t.key).map(rowId).sort();
              expect((await shownIds(page)).sort(), `${at}: topic ${t.key}`).toEqual(want);
              expect(await page.locator('#empty').isVisible()).toBe(want.length === 0);
              expect(new URL(page.url()).hash, `${at}: topic ${t.key} in the URL`).toBe(`#topic=${t.key}`);
            }
            await page.selectOption('#topic', 'all');
            expect(new URL(page.url()).hash).toBe('');
            await page.check('#differs');
            const differing = views.filter((v) => v.differs).map(rowId).sort();
            expect((await shownIds(page)).sort(), `${at}: differs filter`).toEqual(differing);
            if (name === 'fixture') expect(differing.length).toBeGreaterThan(0);
            await page.uncheck('#differs');
            for (const k of STDIO_KINDS) {
              await page.selectOption('#stdio', k);
              const want = views.filter((v) => rowStdio(v) === k).map(rowId).sort();
              expect((await shownIds(page)).sort(), `${at}: stdio ${k}`).toEqual(want);
              expect(want.length, `${at}: stdio ${k}`).toBeGreaterThan(0);
            }
            await page.selectOption('#stdio', 'all');

            // ---- the text search: every word, anywhere in the claim's texts or its id ----
            for (const q of ['sigterm', 'SIGTERM listener', 'worker exit code', 'pending-await']) {
              await page.fill('#q', q);
              const words = q.toLowerCase().split(/\s+/);
              const want = views.filter((v) => words.every((x) => haystack(v).includes(x))).map(rowId).sort();
              expect(want.length, `${at}: "${q}" matches some claim`).toBeGreaterThan(0);
              expect((await shownIds(page)).sort(), `${at}: search "${q}"`).toEqual(want);
              expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('q')).toBe(q);
            }
            await page.fill('#q', 'no claim says zqxj');
            expect(await shownIds(page)).toEqual([]);
            expect(await page.locator('#empty').isVisible()).toBe(true);

            // ---- a shared view: the URL alone restores the search and the filters ----
            await page.fill('#q', 'exit');
            await page.selectOption('#topic', 'signals');
            await page.check('#differs');
            const shared = await page.locator('#share').getAttribute('href');
            const sharedRows = (await shownIds(page)).sort();
            expect(shared).toBe('#q=exit&topic=signals&differs=1');
            expect(new URL(page.url()).hash).toBe(shared);
            const again = await open(`index.html${shared}`);
            await expect.poll(() => again.locator('#count').textContent()).toBe(`${sharedRows.length} of ${views.length} claims`);
            expect((await shownIds(again)).sort()).toEqual(sharedRows);
            expect(await again.inputValue('#q')).toBe('exit');
            expect(await again.inputValue('#topic')).toBe('signals');
            expect(await again.isChecked('#differs')).toBe(true);
            await again.close();
            await page.fill('#q', '');
            await page.selectOption('#topic', 'all');
            await page.uncheck('#differs');

            // ---- Bun and Deno ranked: the severity filter and order ----
            if (data.runtimes?.length) {
              await page.selectOption('#sev', 'exit');
              const ids = await shownIds(page);
              const rank = new Map(views.map((v) => [rowId(v), v]));
              expect(ids.length, `${at}: Bun/Deno exit or worse`).toBeGreaterThan(0);
              for (const id of ids) expect(rank.get(id)!.differsFromNode, id).toBe(true);
              await page.selectOption('#order', 'severity');
              const sevs = await page.locator('#claims tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-sev'))));
              expect(sevs).toEqual([...sevs].sort((a, b) => b - a));
              expect(Math.min(...sevs)).toBeGreaterThanOrEqual(4);
              await page.selectOption('#sev', 'all');
              await page.selectOption('#order', 'topic');
            }
            expect(await page.locator('#claims tbody tr:not([hidden])').count()).toBe(views.length);

            // ---- a cell that differs from its left neighbour says what differs, on hover or tap ----
            const cell = page.locator('#claims tbody tr:not([hidden]) td.has-d').first();
            if (name === 'fixture') {
              // The fixture's newer version ends with exit code 1 where the older ended with 0.
              await cell.scrollIntoViewIfNeeded();
              expect(await cell.locator('small.d').textContent()).toMatch(/^Δ exit, ev$/);
              if (!w.touch) {
                // Pointing shows it while the pointer stays; a click pins it.
                await cell.hover();
                await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
                await page.hover('h1');
                await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);
              }
              if (w.touch) await cell.tap();
              else await cell.click();
              await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
              const text = await page.locator('#panel-body').textContent();
              expect(text).toContain('exit code');
              expect(text).toMatch(/v14\.21\.3: 0 → v22\.23\.3: 1/);
              await shot(page, 'index-difference');
              await page.click('#panel-close');
              expect(await page.locator('#panel').isVisible()).toBe(false);
            }

            // ---- the table scrolls in its own box; the claim column stays ----
            const scroller = page.locator('#scroller');
            const [sw, cw] = await scroller.evaluate((e) => [e.scrollWidth, e.clientWidth]);
            if (name === 'committed') expect(sw, `${at}: ${data.versions.length} versions are wider than the window`).toBeGreaterThan(cw);
            if (sw > cw) {
              await scroller.scrollIntoViewIfNeeded();
              await scroller.evaluate((e) => { e.scrollLeft = 400; });
              const box = (await scroller.boundingBox())!;
              const claimCell = (await page.locator('#claims tbody tr:not([hidden]) th.claim').first().boundingBox())!;
              expect(Math.abs(claimCell.x - box.x), `${at}: the claim column stays at the left while the table scrolls`).toBeLessThanOrEqual(2);
              await shot(page, 'index-scrolled');
            }
            await noOverflow(page, expect, `${at}: index.html, scrolled`);

            // ---- a claim's page, reached from its row ----
            const target = name === 'fixture' ? views.find((v) => v.differs && v.claim.kind === 'scenario')! : views.find((v) => v.claim.s.changes.some((ch) => ch.in !== undefined) && v.groups.length > 1)!;
            await page.fill('#q', target.claim.id);
            await page.locator(`#claims tbody tr[id="${rowId(target)}"] th.claim a`).first().click();
            await page.waitForURL((u) => u.pathname.endsWith(`/claims/${target.claim.id}.html`));
            expect(new URL(page.url()).hash).toBe(target.stdio ? `#did-${target.stdio}` : '');
            expect(await page.locator('h1').textContent()).toBe(target.claim.s.claim.replace(/`/g, ''));
            expect(await page.locator('pre.src').textContent()).toBe(target.claim.s.body.replace(/\n$/, ''));
            // The outcomes of the row's own stdout kind: the first .side after its "What it did" heading.
            const firstDid = page.locator(`[id="did${target.stdio ? `-${target.stdio}` : ''}"] ~ .side`).first();
            expect(await firstDid.locator('.outcome').count(), `${at}: the outcomes side by side`).toBe(target.groups.length);
            expect(await firstDid.locator('details.vs').count(), `${at}: each outcome after the first says what differs`).toBe(target.groups.length - 1);
            if (name === 'committed') expect(await page.locator('ul.changes a[href^="https://github.com/nodejs/node/releases/tag/v"]').count()).toBeGreaterThan(0);
            await shot(page, 'claim');
            await firstDid.scrollIntoViewIfNeeded();
            await shot(page, 'claim-outcomes');
            await noOverflow(page, expect, `${at}: ${target.claim.id}.html`);
            await page.close();

            // A claim citing an article kept outside the repository: its title, no link to the file.
            const cited = claims.find((c) => /seeds\/\S+\.txt/.test(c.s.source))!;
            const seedPage = await open(`claims/${cited.id}.html`);
            const seedFile = cited.s.source.match(/seeds\/\S+?\.txt/)![0];
            expect(await seedPage.locator('.source cite.seed').first().textContent()).toBe(SEEDS[seedFile]!.title);
            expect(await seedPage.locator('a[href*="seeds/"]').count()).toBe(0);
            await seedPage.close();

            // ---- a page per runtime: every claim where it differs, most consequential first ----
            const newest = data.versions[data.versions.length - 1]!;
            for (const rt of data.runtimes ?? []) {
              const rtName = rt.split(' ')[0]!;
              const rtPage = await open(`runtime-${rtName}.html`);
              const want = views.flatMap((v) => {
                const r = v.runtimes.find((x) => x.name === rt);
                const ref = data.results[newest]?.scenarios[resultKey(v.claim, v.stdio)]?.observation;
                return r?.observation && ref && r.sameAsNode === false ? [{ id: rowId(v), sev: severity(behaviourDiff(ref, r.observation)) }] : [];
              });
              const got = await rtPage.locator('ol.rtlist > li').evaluateAll((lis) => lis.map((li) => li.id));
              expect([...got].sort(), `${at}: ${rt}`).toEqual(want.map((x) => x.id).sort());
              const sevOf = new Map(want.map((x) => [x.id, x.sev]));
              expect(got.map((id) => sevOf.get(id)!), `${at}: ${rt} most consequential first`).toEqual(got.map((id) => sevOf.get(id)!).sort((a, b) => b - a));
              await shot(rtPage, `runtime-${rtName}`);
              await noOverflow(rtPage, expect, `${at}: runtime-${rtName}.html`);
              await rtPage.close();
            }

            // ---- the upgrade view: computed in the page from results.json ----
            const [from, to] = name === 'fixture' ? ['v14.21.3', 'v22.23.3'] : [data.versions[0]!, newest];
            const up = await open(`upgrade.html#from=${from}&to=${to}`);
            await expect.poll(() => up.locator('#ucount').textContent(), { timeout: 60_000 }).toMatch(/behave otherwise/);
            const want = upgradeOracle(claims, data, from, to);
            expect(want.size, `${at}: ${from} → ${to} has differences`).toBeGreaterThan(0);
            const items = await up.locator('.uitem').evaluateAll((xs) => xs.map((x) => [x.getAttribute('data-key'), x.querySelector('.sev')!.textContent]));
            expect(new Map(items as [string, string][]), `${at}: upgrade ${from} → ${to}`).toEqual(want);
            const levels = await up.locator('.uitem').evaluateAll((xs) => xs.map((x) => Number(x.getAttribute('data-level'))));
            expect(levels).toEqual([...levels].sort((a, b) => b - a));
            // The claims that apply on one side only are named apart (no comparison there).
            const only = views.filter((v) => (v.cells[from] === 'n.a.' && typeof v.cells[to] === 'number') || (v.cells[to] === 'n.a.' && typeof v.cells[from] === 'number')).map(rowId).sort();
            if (name === 'committed') expect(only.length, `${at}: claims that apply on ${to} only`).toBeGreaterThan(0);
            expect((await up.locator('#uonly li').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-key')))).sort()).toEqual(only);
            await up.locator('.uitem details summary').first().click();
            await shot(up, 'upgrade');
            await noOverflow(up, expect, `${at}: upgrade.html`);
            // Another pair, chosen in the page: the URL follows, and the list is that pair's.
            const other = name === 'fixture' ? to : data.versions[data.versions.length - 2]!;
            await up.selectOption('#from', other);
            expect(new URL(up.url()).hash).toBe(`#from=${other}&to=${to}`);
            const keys = await up.locator('.uitem').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-key')));
            expect(keys.sort()).toEqual([...upgradeOracle(claims, data, other, to).keys()].sort());
            if (other === to) expect(await up.locator('#ucount').textContent()).toBe('Pick two different targets.');
            await up.close();

            expect(problems, `${at}: console and requests`).toEqual([]);
            expect(external, `${at}: external requests`).toEqual([]);
          } finally {
            await server.close();
          }
        }
      } finally {
        await context.close();
      }
    }
  }, 600_000);
});
