// `npm run catalog [-- --check | --run [targets...] | --results <matrix.json> | --fresh]`
//
// Writes the claim pages (docs/claims/<id>.md, committed; each ends with its own results as data)
// from the scenario headers and the results, and builds the shared indexes into docs/site/ (not
// committed: the site, tools/catalog-site.ts; CI deploys it to GitHub Pages). The results come from the
// pages themselves, merged with a matrix run: results/matrix.json when there is one, `--results`,
// or a matrix run now (`--run`, or when there are no results anywhere). `--check` regenerates the
// pages in memory from the committed inputs and fails when one differs. Whether a result is
// stale is decided by content: each result carries the hash of the scenario text it was run on.
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { resolveRelease } from '../harness/node-binaries.ts';
import { makeFolders, notAFile, pathKind, ROOT, SpecError } from '../harness/project.ts';
import { inheritedEnv } from '../harness/environment.ts';
import { holdFolder, runGroup } from '../harness/procs.ts';
import { claimKinds, DOCS, loadClaims, MATRIX_FILE, SITE, resultKey, type Claim } from './catalog-model.ts';
import { claimPage, committedPages, mergeMatrix, pageData, readResults, stalePages, type ClaimData, type ResultsFile } from './catalog-pages.ts';
import { loadSaved, mergeSaved } from './bisect-run.ts';
import { renderPages, renderSite } from './catalog-render.ts';
import type { MatrixData } from './matrix-data.ts';
import { command } from './command.ts';

const USAGE = `usage: npm run catalog -- [options]

Writes the claim pages docs/claims/<id>.md (committed) and builds the site into docs/site/ (not
committed): index.html, a page per claim, per runtime, the upgrade view, results.json, index.md.

  (no option)          merge results/matrix.json (if present) into the pages' results, then write
                       the pages and the indexes; with no results anywhere, run the matrix first
  --results <file>     merge this matrix.json instead of results/matrix.json
  --run [targets...]   run the matrix now (npm run matrix -- [targets...]) and merge its results
  --fresh              replace the pages' results instead of merging into them
  --site               only build docs/site/ from the committed pages (no network, nothing run)
  --check              regenerate the pages from the committed inputs in memory; exit 1 if one is stale
  --debug              stack traces for unexpected errors`;

/** Runs the matrix into a temporary directory and returns its matrix.json, parsed. */
async function runMatrix(targets: string[]): Promise<MatrixData> {
  const out = mkdtempSync(join(tmpdir(), 'catalog-matrix-'));
  const release = holdFolder(out); // removed also if the catalog is stopped, SIGKILL included
  try {
    process.stderr.write(`catalog: running the matrix (npm run matrix -- ${[...targets, '--out', out].join(' ')}); this takes a while\n`);
    const r = await runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'matrix.ts'), ...targets, '--out', out], { cwd: ROOT, env: inheritedEnv(), onStdout: (d) => process.stdout.write(d) });
    process.stderr.write(r.stderr);
    const file = join(out, 'matrix.json');
    // The matrix exits non-zero when an expectation fails; its results are still the results.
    if (!existsSync(file)) throw new SpecError(`the matrix wrote no results (exit ${r.exitCode ?? r.signal})`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
    release();
  }
}

/** Builds docs/site/ afresh (a claim gone leaves no page behind), with each claim's bisection as its page carries it. */
function writeSite(claims: Claim[], data: ResultsFile) {
  rmSync(SITE, { recursive: true, force: true });
  for (const [rel, text] of renderSite(claims, data, bisections(claims, false))) {
    makeFolders(dirname(join(SITE, rel)));
    writeFileSync(join(SITE, rel), text);
  }
}

/**
 * Each claim's bisection as its committed page carries it. When `fresh`, `npm run bisect`'s cache for
 * the current text replaces it line by line: a cache that bisected fewer lines keeps the page's others.
 */
function bisections(claims: Claim[], fresh: boolean): Record<string, ClaimData['bisected']> {
  const out: Record<string, ClaimData['bisected']> = {};
  for (const c of claims) {
    const page = join(DOCS, claimPage(c.id));
    const kept = existsSync(page) ? pageData(readFileSync(page, 'utf8'), c.id)?.bisected : undefined;
    const saved = fresh ? loadSaved(c.id, c.hash) : undefined;
    // As a page carries it: each boundary's line, the releases either side, and what the registry lacks.
    const found = saved && { hash: saved.hash, majors: saved.majors, boundaries: saved.boundaries.map((x) => ({ line: x.line, before: x.before, first: x.first, missing: x.missing ?? [] })) };
    const b = found ? mergeSaved(kept && { ...kept, majors: [] }, found) : kept;
    if (b) out[c.id] = { hash: b.hash, boundaries: b.boundaries };
  }
  return out;
}

function check(claims: Claim[]): number {
  const data = readResults(claims);
  const want = renderPages(claims, data, bisections(claims, false));
  const stale = stalePages(DOCS, want);
  if (stale.length) {
    process.stderr.write(`catalog: ${stale.length} claim page(s) stale; run npm run catalog and commit docs/claims/:\n${stale.map((s) => `  docs/${s}\n`).join('')}`);
    return 1;
  }
  const unobserved = claims.filter((c) => c.kind === 'scenario' && !data.versions.some((v) => claimKinds(c).some((k) => data.results[v]?.scenarios[resultKey(c, k)])));
  const oldResults = claims.filter((c) => data.versions.some((v) => claimKinds(c).some((k) => {
    const r = data.results[v]?.scenarios[resultKey(c, k)];
    return r && r.hash !== c.hash;
  })));
  process.stdout.write(`catalog: docs/claims/ is up to date (${claims.length} claims, ${data.versions.length} versions)\n`);
  if (unobserved.length) process.stdout.write(`catalog: note: no results yet for ${unobserved.length} claim(s): ${unobserved.map((c) => c.id).join(', ')} (run npm run matrix, then npm run catalog)\n`);
  if (oldResults.length) process.stdout.write(`catalog: note: results recorded from another text of the scenario for ${oldResults.length} claim(s): ${oldResults.map((c) => c.id).join(', ')}\n`);
  return 0;
}

async function generate(claims: Claim[], o: { run: boolean; targets: string[]; results?: string; fresh: boolean }): Promise<number> {
  const base = readResults(claims);
  const file = o.results ?? (existsSync(MATRIX_FILE) ? MATRIX_FILE : undefined);
  let matrix: MatrixData | null = null;
  if (o.run || (!file && !base.versions.length)) matrix = await runMatrix(o.targets);
  else if (file) {
    if (!existsSync(file)) throw new SpecError(`${file} does not exist`);
    try {
      matrix = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new SpecError(`${relative(process.cwd(), file)} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
  }
  const data = matrix ? mergeMatrix(base, matrix, claims, o.fresh) : base;
  let written = 0;
  const pages = renderPages(claims, data, bisections(claims, true));
  for (const [rel, text] of pages) {
    const p = join(DOCS, rel);
    if (existsSync(p) && readFileSync(p, 'utf8') === text) continue;
    makeFolders(dirname(p));
    writeFileSync(p, text);
    written++;
  }
  let removed = 0;
  for (const rel of committedPages()) {
    if (pages.has(rel)) continue;
    unlinkSync(join(DOCS, rel));
    removed++;
  }
  writeSite(claims, data);
  const src = matrix ? (o.run || !file ? 'a new matrix run' : relative(process.cwd(), file)) : 'the claim pages';
  process.stdout.write(`catalog: ${claims.length} claims, versions ${data.versions.join(', ') || '(none)'}; results from ${src}; ${written} page(s) written, ${removed} removed; indexes in ${relative(process.cwd(), SITE)}/\n`);
  return 0;
}

export const spec = command({
  name: 'catalog',
  usage: USAGE,
  positionals: true,
  options: { check: { type: 'boolean' }, run: { type: 'boolean' }, results: { type: 'string' }, fresh: { type: 'boolean' }, site: { type: 'boolean' } },
  async run(v, positionals) {
    if (positionals.length && !v.run) throw new SpecError(`unexpected argument ${JSON.stringify(positionals[0])} (targets go after --run; try --help)`);
    if (v.check && (v.run || v.results || v.fresh || v.site)) throw new SpecError('--check reads only the committed inputs; it takes no other option');
    const claims = loadClaims();
    if (v.check) return check(claims);
    if (v.site) {
      writeSite(claims, readResults(claims));
      process.stdout.write(`catalog: indexes built in ${relative(process.cwd(), SITE)}/ from ${claims.length} claim pages\n`);
      return 0;
    }
    if (v.results !== undefined) {
      const kind = pathKind(v.results);
      if (kind === 'missing') throw new SpecError(`--results ${v.results}: no such file`);
      if (kind !== 'file') throw new SpecError(`--results ${v.results} ${notAFile(kind, 'a matrix.json')}`);
    }
    // The targets are read as the matrix will read them, before it starts (a typo is one line, not
    // the matrix's error between two of ours); nothing is fetched here but what the matrix would fetch.
    if (v.run) for (const t of positionals) await resolveRelease(t);
    return generate(claims, { run: !!v.run, targets: positionals, results: v.results ? resolve(v.results) : undefined, fresh: !!v.fresh });
  },
}, import.meta.url);
