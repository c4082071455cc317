// The catalogue site's content (tools/catalog-site.ts), without a browser: a page per claim linked
// from the index, the articles cited as seeds/….txt named by their title and never linked, the
// published results file (schema 1) saying the same as the records it comes from, a difference
// shown from its first differing line, the runtimes' upstream issues. In a browser:
// spec/e2e/catalog-browser.spec.ts.
import { describe, expect, it } from 'vitest';
import { behaviourDiff, FIELD_SEVERITY, sameBehaviour, severity, SEVERITY_WORDS } from '../../harness/observation.ts';
import { claimKinds, loadClaims, resultKey, rowId, views as viewsOf } from '../../tools/catalog-model.ts';
import { readResults } from '../../tools/catalog-pages.ts';
import { renderSite } from '../../tools/catalog-render.ts';
import { lineDiff, upstreamLinks } from '../../tools/catalog-html.ts';
import { headerTexts } from '../../tools/catalog-claim-html.ts';
import { RESULTS_SCHEMA, type PublishedResults } from '../../tools/catalog-results.ts';
import { SEEDS } from '../../tools/catalog-seeds.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../../harness/project.ts';
import { fixtureResults, SCREENSHOTS_DIR } from '../support/catalog-fixtures.ts';

describe('the catalogue site', () => {
  const claims = loadClaims();
  const data = readResults(claims);
  const site = renderSite(claims, data);

  it('has a page per claim, linked from the index, and a page per other runtime', () => {
    const index = site.get('index.html')!;
    for (const c of claims) {
      expect(site.has(`claims/${c.id}.html`), c.id).toBe(true);
      // A claim stated per stdout kind: each row to its kind's section.
      for (const k of claimKinds(c)) expect(index, c.id).toContain(`<a href="claims/${c.id}.html${k ? `#did-${k}` : ''}">`);
      for (const k of claimKinds(c)) if (k) expect(site.get(`claims/${c.id}.html`)!, c.id).toContain(`<h2 id="did-${k}">`);
      expect(site.get(`claims/${c.id}.html`)!, c.id).toContain('<pre class="src">');
    }
    expect(data.runtimes?.length).toBeGreaterThan(0);
    for (const rt of data.runtimes ?? []) expect(site.has(`runtime-${rt.split(' ')[0]}.html`), rt).toBe(true);
    for (const f of ['upgrade.html', 'site.css', 'site.js', 'results.json', 'results-schema.md', 'index.md']) expect(site.has(f), f).toBe(true);
    // Nothing outside the site: no stylesheet, script or font from elsewhere.
    for (const [f, text] of site) if (f.endsWith('.html')) expect(text.match(/<(?:script|link)[^>]+(?:src|href)="https?:/g), f).toBeNull();
  });

  it('shows each claim\'s changes: releases on its row of the index', () => {
    const index = site.get('index.html')!;
    const changed = claims.filter((c) => c.s.changes.some((ch) => ch.in !== undefined));
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) {
      const row = index.slice(index.indexOf(`<tr id="${c.id}`), index.indexOf('</tr>', index.indexOf(`<tr id="${c.id}`)));
      for (const ch of c.s.changes) if (ch.in !== undefined) expect(row, `${c.id}: ${ch.in}`).toContain(`>${ch.in}</a>`);
    }
  });

  it('names every cited article by its title and links none (the seeds are not in the repository)', () => {
    const citing = claims.filter((c) => /seeds\/[\w.-]+\.txt/.test(headerTexts(c).join(' ')));
    expect(citing.length).toBeGreaterThan(20);
    for (const c of citing) {
      const html = site.get(`claims/${c.id}.html`)!;
      for (const f of headerTexts(c).join(' ').match(/seeds\/[\w.-]+\.txt/g)!) {
        expect(SEEDS[f], `${c.id}: ${f} has a title in tools/catalog-seeds.ts`).toBeDefined();
        expect(html, c.id).toContain(SEEDS[f]!.title.replace(/&/g, '&amp;'));
      }
    }
    for (const [f, text] of site) if (f.endsWith('.html')) expect(text, f).not.toMatch(/href="[^"]*seeds\//);
  });

  it('results.json: schema 1; each row\'s behaviours say which targets behave the same, as the records do', () => {
    const pub = JSON.parse(site.get('results.json')!) as PublishedResults;
    expect(pub.schema).toBe(RESULTS_SCHEMA);
    expect(pub.severity.fields).toEqual(FIELD_SEVERITY);
    expect(pub.severity.words).toEqual(Object.fromEntries(Object.entries(SEVERITY_WORDS)));
    expect(pub.versions).toEqual(data.versions);
    const views = claims.flatMap((c) => viewsOf(c, data));
    expect(Object.keys(pub.rows).sort()).toEqual(views.map(rowId).sort());
    const targets = [...data.versions, ...(data.runtimes ?? [])];
    let compared = 0;
    // Every disagreement, gathered: one expect for the lot (over a hundred thousand pairs). The
    // records' own word on "the same" is sameBehaviour: each record is put with the first earlier
    // one it behaves the same as (the row's numbers are classes of that relation too), so it is
    // asked a few times per record, not once per pair (a second of CPU).
    const wrong: string[] = [];
    for (const c of claims) {
      for (const k of claimKinds(c)) {
        const row = pub.rows[rowId({ claim: c, ...(k ? { stdio: k } : {}) })]!;
        const rec = (t: string) => data.results[t]?.scenarios[resultKey(c, k)];
        const observed = targets.flatMap((t) => {
          const r = rec(t);
          return r?.observation && r.verdict !== 'n.a.' ? [{ t, o: r.observation }] : [];
        });
        const firsts: typeof observed = [];
        const kind = new Map<string, number>();
        for (const x of observed) {
          let i = firsts.findIndex((f) => sameBehaviour(f.o, x.o));
          if (i < 0) i = firsts.push(x) - 1;
          kind.set(x.t, i);
          if (typeof row.at[x.t] !== 'number') wrong.push(`${c.id} ${x.t}: no behaviour number`);
        }
        for (const a of observed) {
          for (const b of observed) {
            compared++;
            const same = kind.get(a.t) === kind.get(b.t);
            if ((row.at[a.t] === row.at[b.t]) !== same) wrong.push(`${c.id} ${a.t} ${b.t}: the records ${same ? 'agree' : 'differ'}, the row says otherwise`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it('a row ranks Bun and Deno by their most consequential difference from the newest Node', () => {
    const index = site.get('index.html')!;
    const newest = data.versions[data.versions.length - 1]!;
    const views = claims.flatMap((c) => viewsOf(c, data));
    const levels = new Set<number>();
    for (const v of views) {
      const ref = data.results[newest]?.scenarios[resultKey(v.claim, v.stdio)]?.observation;
      const want = Math.max(0, ...v.runtimes.map((r) => (ref && r.observation && r.sameAsNode === false ? severity(behaviourDiff(ref, r.observation)) : 0)));
      levels.add(want);
      expect(index, rowId(v)).toContain(`<tr id="${rowId(v)}" data-topic="${v.claim.topic}"`);
      expect(index.match(new RegExp(`<tr id="${rowId(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]* data-sev="(\\d)"`))![1], rowId(v)).toBe(String(want));
    }
    expect(levels.size, 'several severities among the committed results').toBeGreaterThan(2);
  });

  it('a difference starts at the first line that differs; a fixture\'s cell names the fields', () => {
    expect(lineDiff(['a', 'b', 'c', 'd'], ['a', 'b', 'x', 'd'])).toEqual({ same: 2, removed: ['c'], added: ['x'], after: 1 });
    expect(lineDiff(['a'], ['a', 'hint'])).toEqual({ same: 1, removed: [], added: ['hint'], after: 0 });
    expect(lineDiff([], ['x'])).toEqual({ same: 0, removed: [], added: ['x'], after: 0 });
    const index = renderSite(claims, fixtureResults(claims)).get('index.html')!;
    // The fixture's newer version ends with exit code 1 where the older ended with 0.
    expect(index).toContain('<small class="d s4">Δ exit, ev</small>');
    expect(index).toMatch(/<span class="rm">v14\.21\.3: 0<\/span> → <span class="ad">v22\.23\.3: 1<\/span>/);
  });

  it('links a runtime\'s upstream issue where the header names one, and only that runtime\'s', () => {
    const texts = ['see https://github.com/oven-sh/bun/issues/31411 and https://github.com/denoland/deno/pull/32283.', 'again https://github.com/oven-sh/bun/issues/31411'];
    expect(upstreamLinks(texts, 'bun')).toEqual(['https://github.com/oven-sh/bun/issues/31411']);
    expect(upstreamLinks(texts, 'deno')).toEqual(['https://github.com/denoland/deno/pull/32283']);
    expect(upstreamLinks(texts, 'node')).toEqual([]);
    const named = claims.filter((c) => upstreamLinks(headerTexts(c), 'bun').length);
    expect(named.length).toBeGreaterThan(0);
    const bun = site.get('runtime-bun.html')!;
    for (const c of named) {
      const differs = viewsOf(c, data).some((v) => v.runtimes.some((r) => r.name.startsWith('bun') && r.sameAsNode === false));
      if (differs) for (const u of upstreamLinks(headerTexts(c), 'bun')) expect(bun, c.id).toContain(`href="${u}"`);
    }
  });

  it('the workflow builds the site, deploys it to GitHub Pages from pushes to main, and uploads the browser check\'s screenshots', () => {
    type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
    type Job = { needs?: string; if?: string; permissions?: Record<string, string>; environment?: { name: string }; steps: Step[] };
    const { jobs } = YAML.parse(readFileSync(join(ROOT, '.github', 'workflows', 'spec.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const [siteId, site] = Object.entries(jobs).find(([, j]) => j.steps.some((s) => s.run === 'npm run catalog -- --site'))!;
    const build = site.steps.findIndex((s) => s.run === 'npm run catalog -- --site');
    const upload = site.steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload).toBeGreaterThan(build);
    expect(site.steps[upload]!.with?.path).toBe('docs/site/');
    const pages = Object.values(jobs).find((j) => j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')))!;
    expect(pages.needs).toBe(siteId);
    expect(pages.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(pages.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(pages.environment?.name).toBe('github-pages');
    const e2e = Object.values(jobs).find((j) => j.steps.some((s) => s.run === 'npm run test:e2e'))!;
    const shots = e2e.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === `${SCREENSHOTS_DIR}/`);
    expect(shots, `the e2e job uploads ${SCREENSHOTS_DIR}/`).toBeDefined();
    expect(shots!.if).toBe('always()');
  });
});
