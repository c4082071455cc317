// The catalogue: the committed claim pages are fresh, generation is reproducible, versions are
// grouped honestly by the same definition of "the same behaviour" as the matrix, each page carries
// its own data. The built index.html in a real browser: spec/e2e/catalog-browser.spec.ts.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../support/temp.ts';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { claimKinds, loadClaims, TOPICS, view, views as viewsOf } from '../../tools/catalog-model.ts';
import { STDIO_KINDS } from '../../harness/stdio.ts';
import { claimKey } from '../../harness/records.ts';
import { claimData, dataBlock, emptyResults, mergeMatrix, pageData, prune, readResults, stalePages, type ClaimData } from '../../tools/catalog-pages.ts';
import { renderPages, renderSite, rowId } from '../../tools/catalog-render.ts';
import { fixtureResults, obs, renderAll, writeDocs } from '../support/catalog-fixtures.ts';
import { findChanges, scenarioMeta, type MatrixData, type VersionResult } from '../../tools/matrix-data.ts';

const tmp = tempFolder('catalog-spec-');

describe('npm run catalog', () => {
  const claims = loadClaims();
  // The committed results, read once for the tests that only read them.
  let committed: ReturnType<typeof readResults> | undefined;
  const committedResults = () => (committed ??= readResults(claims));
  // The fixture's results and their pages, rendered once for the tests that only read them.
  let rendered: { data: ReturnType<typeof fixtureResults>; pages: ReturnType<typeof renderPages> } | undefined;
  const fixturePages = () => {
    if (!rendered) {
      const data = fixtureResults(claims);
      rendered = { data, pages: renderPages(claims, data) };
    }
    return rendered;
  };

  it('--check: the committed claim pages match the scenario headers and the results they carry', async () => {
    const r = await execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'catalog.ts'), '--check'], { cwd: ROOT, reject: false, timeout: 200_000 });
    // Warnings (a Lambda handler whose header does not parse) are shown, not failed on here.
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('catalog: warning:'));
    if (warnings.length) console.warn(warnings.join('\n'));
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn') && !l.startsWith('catalog: warning:')), r.stdout).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^catalog: docs\/claims\/ is up to date/);
   }, 240_000);

  it('the staleness check notices a changed, a missing and a leftover page', () => {
    const want = fixturePages().pages;
    const dir = join(tmp(), 'stale');
    writeDocs(dir, want);
    expect(stalePages(dir, want)).toEqual([]);
    const [first, second] = [...want.keys()].sort();
    writeFileSync(join(dir, first!), want.get(first!) + '\nedited by hand\n');
    rmSync(join(dir, second!));
    writeDocs(dir, new Map([['claims/gone/old.md', '# a claim that was removed\n']]));
    expect(stalePages(dir, want)).toEqual([`${first} (differs)`, `${second} (missing)`, 'claims/gone/old.md (no longer a claim)']);
  });

  it('each page carries exactly its own claim\'s results, read back unchanged', () => {
    const { data, pages } = fixturePages();
    for (const c of claims.slice(0, 20)) expect(pageData(pages.get(`claims/${c.id}.md`)!, c.id), c.id).toEqual(JSON.parse(JSON.stringify(claimData(c, data))));
    const dir = join(tmp(), 'roundtrip');
    writeDocs(dir, pages);
    expect(readResults(claims, dir)).toEqual(prune(JSON.parse(JSON.stringify(data)), claims));
  });

  it('a page written before pages held claim records is read as claim records (a merge from an older branch loses nothing)', () => {
    const c = claims.find((x) => x.kind === 'scenario')!;
    const dir = join(tmp(), 'before-records');
    const block = { platform: 'linux', arch: 'x64', results: { 'v22.23.3': { verdict: 'pass', observation: obs(), source: 'abcdef0123456789' }, 'v12.22.12': { verdict: 'n.a.', source: 'abcdef0123456789' } } };
    writeDocs(dir, new Map([[`claims/${c.id}.md`, `# old\n\n${dataBlock(block as unknown as ClaimData)}`]]));
    const got = readResults([c], dir);
    expect(got.results['v22.23.3']!.scenarios[c.id]).toEqual({ scenario: c.id, target: 'v22.23.3', verdict: 'pass', observation: obs(), hash: 'abcdef0123456789' });
    expect(got.results['v12.22.12']!.scenarios[c.id]).toEqual({ scenario: c.id, target: 'v12.22.12', verdict: 'n.a.', hash: 'abcdef0123456789' });
  });

  it('a result records the hash of the scenario text the matrix ran: another text is flagged stale', () => {
    const c = claims.find((x) => x.kind === 'scenario')!;
    // The scenario's entry says the current text (as read when the matrix started); the record says the text that ran.
    const matrix = (hash: string): MatrixData => ({
      platform: 'linux', arch: 'x64', versions: ['v22.23.3'], scenarios: { [c.id]: { ...scenarioMeta(c.s), hash: c.hash } }, changes: [], unclaimed: [],
      results: { 'v22.23.3': { node: 'v22.23.3', platform: 'linux', arch: 'x64', scenarios: { [c.id]: { scenario: c.id, target: 'v22.23.3', verdict: 'pass', hash, observation: obs() } } } },
    });
    expect(view(c, mergeMatrix(emptyResults(), matrix(c.hash), claims, true)).stale).toEqual([]);
    expect(view(c, mergeMatrix(emptyResults(), matrix('0000000000000000'), claims, true)).stale).toEqual(['v22.23.3']);
  });

  it('lists exactly the claims the matrix sees change as "differs between versions" (one definition of the same behaviour)', () => {
    const data = committedResults();
    expect(data.versions.length).toBeGreaterThan(1);
    const differs = claims.flatMap((c) => viewsOf(c, data)).filter((v) => v.differs).map((v) => claimKey({ scenario: v.claim.id, ...(v.stdio ? { stdio: v.stdio } : {}) })).sort();
    const results: Record<string, VersionResult> = {};
    for (const v of data.versions) {
      results[v] = { node: v, platform: data.platform, arch: data.arch, scenarios: {} };
      for (const [id, r] of Object.entries(data.results[v]!.scenarios)) results[v]!.scenarios[id] = r;
    }
    const meta = Object.fromEntries(claims.filter((c) => c.kind === 'scenario').map((c) => [c.id, scenarioMeta(c.s)]));
    const changed = [...new Set(findChanges(data.versions, results, meta).map((x) => claimKey(x)))].sort();
    expect(differs).toEqual(changed);
    expect(differs).not.toContain('events/error-monitor');
  });

  it('is reproducible: the same inputs, in any order, give the same bytes', () => {
    const a = fixtureResults(claims);
    const b = fixtureResults([...claims].reverse());
    b.versions = [...b.versions].reverse();
    b.results = Object.fromEntries(Object.entries(b.results).reverse());
    const ra = renderAll(claims, prune(a, claims));
    const rb = renderAll([...claims].sort((x, y) => (x.id < y.id ? -1 : 1)), prune(b, claims));
    expect([...rb.keys()].sort()).toEqual([...ra.keys()].sort());
    for (const [k, v] of ra) expect(rb.get(k), k).toBe(v);
    for (const [k, v] of ra) expect(v, k).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/); // no timestamps
  });

  it('groups identical versions, ignores stack frames, and keeps n.a. apart', () => {
    const c = claims.find((x) => x.kind === 'scenario')!;
    const data = emptyResults();
    data.versions = ['v12.22.12', 'v14.21.3', 'v16.20.2', 'v22.23.3'];
    const frames = (where: string) => `Error: boom\n    at ${where}\n`;
    data.results = {
      'v12.22.12': { scenarios: { [c.id]: { scenario: c.id, target: 'v12.22.12', verdict: 'n.a.', hash: c.hash } } },
      'v14.21.3': { scenarios: { [c.id]: { scenario: c.id, target: 'v14.21.3', verdict: 'pass', observation: obs({ stdout: frames('internal/x.js:1:1') }), hash: c.hash } } },
      'v16.20.2': { scenarios: { [c.id]: { scenario: c.id, target: 'v16.20.2', verdict: 'pass', observation: obs({ stdout: frames('node:internal/x:2:2') }), hash: c.hash } } },
      'v22.23.3': { scenarios: { [c.id]: { scenario: c.id, target: 'v22.23.3', verdict: 'fail', failure: 'expected 0', observation: obs({ stdout: frames('node:internal/x:3:3'), exitCode: 1 }), hash: 'older' } } },
    };
    const v = view(c, data);
    expect(v.na).toEqual(['v12.22.12']);
    expect(v.groups.map((g) => g.versions)).toEqual([['v14.21.3', 'v16.20.2'], ['v22.23.3']]);
    expect(v.groups[0]!.framesVary).toBe(true);
    expect(v.groups[1]!.failures).toEqual([{ version: 'v22.23.3', text: 'expected 0' }]);
    expect(v.differs).toBe(true);
    expect(v.stale).toEqual(['v22.23.3']);
    const page = renderPages([c], data).get(`claims/${c.id}.md`)!;
    expect(page).toContain('### Node 14, 16');
    expect(page).toContain('### Node 22');
    expect(page).toContain('Not applicable on Node 12');
    expect(page).toContain('**Stale:**');
  });

  it('compares each runtime with the newest Node, apart from the differences between Node versions', () => {
    const c = claims.find((x) => x.kind === 'scenario')!;
    const data = emptyResults();
    data.results = {
      'v22.23.3': { scenarios: { [c.id]: { scenario: c.id, target: 'v22.23.3', verdict: 'pass', observation: obs({ exitCode: 9 }), hash: c.hash } } },
      'v26.10.0': { scenarios: { [c.id]: { scenario: c.id, target: 'v26.10.0', verdict: 'pass', observation: obs(), hash: c.hash } } },
      'bun 1.4.5': { scenarios: { [c.id]: { scenario: c.id, target: 'bun 1.4.5', verdict: 'pass', observation: obs(), hash: c.hash } } },
      'deno 2.9.6': { scenarios: { [c.id]: { scenario: c.id, target: 'deno 2.9.6', verdict: 'pass', observation: obs({ exitCode: 1 }), hash: c.hash } } },
    };
    const d = prune(data, claims);
    expect(d.versions).toEqual(['v22.23.3', 'v26.10.0']);
    expect(d.runtimes).toEqual(['bun 1.4.5', 'deno 2.9.6']);
    const v = view(c, d);
    expect(v.groups.map((g) => g.versions)).toEqual([['v22.23.3'], ['v26.10.0']]);
    expect(v.runtimes.map((r) => [r.name, r.sameAsNode])).toEqual([['bun 1.4.5', true], ['deno 2.9.6', false]]);
    expect(v.differsFromNode).toBe(true);
    const page = renderPages([c], d).get(`claims/${c.id}.md`)!;
    expect(page).toContain('### bun 1.4.5: behaves as Node');
    expect(page).toContain('### deno 2.9.6: **differs from Node**');
    expect(pageData(page, c.id)!.results['deno 2.9.6']!.observation!.exitCode).toBe(1);
  });

  it('a change observed by bisection says the release before it; a change only declared says so', () => {
    const c = claims.find((x) => x.id === 'rejections/unhandled-default')!;
    const data = emptyResults();
    const observed = { hash: c.hash, boundaries: [{ line: '15', before: '14.21.3', first: '15.0.0', missing: [] }] };
    const page = renderPages([c], data, { [c.id]: observed }).get(`claims/${c.id}.md`)!;
    expect(page).toContain('changed in Node 15.0.0 (14.21.3 before; observed by `npm run bisect`)');
    expect(pageData(page, c.id)!.bisected).toEqual(observed);
    const other = renderPages([c], data, { [c.id]: { ...observed, hash: 'another text....' } }).get(`claims/${c.id}.md`)!;
    expect(other).toContain('changed in Node 15.0.0 (declared only: not bisected yet)');
  });

  it('a scenario that states stdout kinds has one page, showing each kind, whose data holds each kind\'s records', () => {
    const c = claims.find((x) => x.id === 'output/exit-after-big-write')!;
    expect(claimKinds(c)).toEqual(['socket', 'pipe', 'file', 'tty']);
    const { data, pages } = fixturePages();
    const page = pages.get('claims/output/exit-after-big-write.md')!;
    for (const k of ['a socket pair (child_process)', 'a FIFO (a shell pipe)', 'a regular file (> file)', 'a terminal (a pseudo-terminal)']) expect(page).toContain(`## What it did, stdout ${k}`);
    const d = pageData(page, c.id)!;
    expect(Object.keys(d.results).sort()).toEqual(['v14.21.3', 'v22.23.3'].flatMap((v) => STDIO_KINDS.map((k) => `${v} [stdio ${k}]`)).sort());
    expect(Object.values(d.results).map((r) => r.stdio).sort()).toEqual([...STDIO_KINDS, ...STDIO_KINDS].sort());
    // A claim on the default kind alone keeps its page's keys: its targets.
    const plain = claims.find((x) => x.id === 'timers/immediate-vs-timeout')!;
    expect(Object.keys(pageData(renderPages([plain], data).get('claims/timers/immediate-vs-timeout.md')!, plain.id)!.results)).toEqual(['v14.21.3', 'v22.23.3']);
    // A kind its header no longer names is dropped, as a claim that no longer exists is.
    const extra = JSON.parse(JSON.stringify(data)) as typeof data;
    extra.results['v22.23.3']!.scenarios['output/exit-after-big-write'] = { scenario: c.id, target: 'v22.23.3', verdict: 'pass', hash: c.hash };
    expect(prune(extra, claims).results['v22.23.3']!.scenarios['output/exit-after-big-write']).toBeUndefined();
  });

  it('the index filters by stdout kind: a row per claim and kind, each naming the kind it was observed with', () => {
    const { data } = fixturePages();
    const html = renderSite(claims, data).get('index.html')!;
    const rows = [...html.matchAll(/<tr id="([^"]+)" data-topic="[^"]*" data-stdio="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    const all = claims.flatMap((c) => viewsOf(c, data));
    expect(rows.map((r) => r[0])).toEqual(all.map(rowId));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    // Each kind's rows: the claims stated per kind on it, and every other scenario on the default, a socket pair; a Lambda handler on none.
    for (const k of STDIO_KINDS) {
      const want = all.filter((v) => v.claim.kind === 'scenario' && (v.stdio ?? 'socket') === k).map(rowId);
      expect(rows.filter((r) => r[1] === k).map((r) => r[0]), k).toEqual(want);
      expect(want.length, k).toBeGreaterThan(0);
      expect(html, k).toMatch(new RegExp(`<option value="${k}">[^<]* \\(${want.length}\\)</option>`));
    }
    expect(rows.filter((r) => r[1] === '').map((r) => r[0])).toEqual(all.filter((v) => v.claim.kind === 'lambda').map(rowId));
    expect(rows.map((r) => r[0])).toContain('output/exit-after-big-write/stdio-tty');
    expect(html).toContain('<select id="stdio"><option value="all">Every kind</option>');
  });

  it('every claim has a page, and the index links every page under its topic', () => {
    const files = renderAll(claims, committedResults());
    const readme = files.get('site/index.md')!;
    for (const c of claims) {
      expect(files.has(`claims/${c.id}.md`), c.id).toBe(true);
      expect(readme).toContain(`](../claims/${c.id}.md)`);
    }
    for (const t of TOPICS) expect(readme).toContain(`### ${t.title}`);
  });
});
