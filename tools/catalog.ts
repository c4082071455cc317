// `npm run catalog [-- --check | --run [targets...] | --results <matrix.json> | --fresh]`
//
// Generates docs/ (README.md, claims/<id>.md, index.html) from the scenario headers and the
// results the catalogue keeps in docs/data/results.json. Those results come from the matrix:
// results/matrix.json, when there is one, is merged in first (per version and scenario); when
// there are no results at all, the matrix is run. `--check` regenerates in memory from the
// committed inputs only and fails when docs/ differs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT, SpecError } from '../harness/harness.ts';
import { DOCS, generatedFiles, loadClaims, MATRIX_FILE, mergeMatrix, prune, readResults, RESULTS_FILE, staleFiles, type Claim, type ResultsFile } from './catalog-model.ts';
import { renderAll } from './catalog-render.ts';

const USAGE = `usage: npm run catalog -- [options]

Writes docs/ from the scenario headers and docs/data/results.json.

  (no option)          merge results/matrix.json (if present) into docs/data/results.json, then
                       write docs/; with no results anywhere, run the matrix first
  --results <file>     merge this matrix.json instead of results/matrix.json
  --run [targets...]   run the matrix now (npm run matrix -- [targets...]) and merge its results
  --fresh              replace docs/data/results.json instead of merging into it
  --check              regenerate from the committed inputs in memory; exit 1 if docs/ is stale
  --debug              stack traces for unexpected errors`;

interface Args { check: boolean; run: boolean; targets: string[]; results?: string; fresh: boolean; help: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { check: false, run: false, targets: [], fresh: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') a.check = true;
    else if (arg === '--run') a.run = true;
    else if (arg === '--fresh') a.fresh = true;
    else if (arg === '--debug') continue;
    else if (arg === '--help' || arg === '-h') a.help = true;
    else if (arg === '--results' || arg.startsWith('--results=')) {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!v) throw new SpecError('--results needs the path of a matrix.json');
      a.results = resolve(v);
    } else if (arg.startsWith('-')) throw new SpecError(`unknown option ${arg} (try --help)`);
    else if (a.run) a.targets.push(arg);
    else throw new SpecError(`unexpected argument ${JSON.stringify(arg)} (targets go after --run; try --help)`);
  }
  if (a.check && (a.run || a.results || a.fresh)) throw new SpecError('--check reads only the committed inputs; it takes no other option');
  return a;
}

/** Runs the matrix into a temporary directory and returns its matrix.json, parsed. */
function runMatrix(targets: string[]): unknown {
  const matrix = join(ROOT, 'tools', 'matrix.ts');
  if (!existsSync(matrix)) throw new SpecError('tools/matrix.ts is missing: cannot produce results');
  const out = mkdtempSync(join(tmpdir(), 'catalog-matrix-'));
  try {
    process.stderr.write(`catalog: running the matrix (npm run matrix -- ${[...targets, '--out', out].join(' ')}); this takes a while\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', matrix, ...targets, '--out', out], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const file = join(out, 'matrix.json');
    // The matrix exits non-zero when an expectation fails; its results are still the results.
    if (!existsSync(file)) throw new SpecError(`the matrix wrote no results (exit ${r.status ?? r.signal})`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function check(claims: Claim[]): number {
  const base = readResults();
  if (!base) {
    process.stderr.write('catalog: docs/data/results.json is missing: run npm run catalog and commit docs/\n');
    return 1;
  }
  const data = prune(JSON.parse(JSON.stringify(base)) as ResultsFile, claims);
  const stale = staleFiles(DOCS, renderAll(claims, data));
  const staleResults = claims.filter((c) => c.kind === 'scenario' && data.versions.some((v) => {
    const r = data.results[v]?.scenarios[c.id];
    return r && r.source !== c.hash;
  }));
  if (stale.length) {
    process.stderr.write(`catalog: docs/ is stale; run npm run catalog and commit docs/:\n${stale.map((s) => `  docs/${s}\n`).join('')}`);
    return 1;
  }
  const unobserved = claims.filter((c) => c.kind === 'scenario' && !data.versions.some((v) => data.results[v]?.scenarios[c.id]));
  process.stdout.write(`catalog: docs/ is up to date (${claims.length} claims, ${data.versions.length} Node versions)\n`);
  if (unobserved.length) process.stdout.write(`catalog: note: no results yet for ${unobserved.length} claim(s): ${unobserved.map((c) => c.id).join(', ')} (run npm run matrix, then npm run catalog)\n`);
  if (staleResults.length) process.stdout.write(`catalog: note: results older than the scenario for ${staleResults.length} claim(s): ${staleResults.map((c) => c.id).join(', ')}\n`);
  return 0;
}

function generate(a: Args, claims: Claim[]): number {
  const base = readResults();
  let matrix: unknown = null;
  let matrixTime = Infinity;
  const file = a.results ?? (existsSync(MATRIX_FILE) ? MATRIX_FILE : undefined);
  if (a.run || (!file && !base)) {
    matrix = runMatrix(a.targets);
    matrixTime = Date.now();
  } else if (file) {
    if (!existsSync(file)) throw new SpecError(`${file} does not exist`);
    try {
      matrix = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new SpecError(`${relative(process.cwd(), file)} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
    matrixTime = statSync(file).mtimeMs;
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  // A scenario edited after the matrix ran: its result cannot vouch for the current text.
  const changedSince = (id: string) => statSync(join(ROOT, byId.get(id)!.file)).mtimeMs > matrixTime;
  const data = matrix ? mergeMatrix(base, matrix, claims, a.fresh, changedSince) : prune(base!, claims);
  const files = renderAll(claims, data);
  let written = 0;
  for (const [rel, text] of files) {
    const p = join(DOCS, rel);
    if (existsSync(p) && readFileSync(p, 'utf8') === text) continue;
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    written++;
  }
  let removed = 0;
  for (const rel of generatedFiles(DOCS)) {
    if (files.has(rel)) continue;
    unlinkSync(join(DOCS, rel));
    removed++;
  }
  // Directories left empty by removed claims.
  const prune_ = (dir: string): boolean => {
    if (!existsSync(dir)) return true;
    let empty = true;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && prune_(join(dir, e.name))) rmSync(join(dir, e.name), { recursive: true });
      else empty = false;
    }
    return empty;
  };
  prune_(join(DOCS, 'claims'));
  const src = matrix ? (a.run || !file ? 'a new matrix run' : relative(process.cwd(), file)) : relative(process.cwd(), RESULTS_FILE);
  process.stdout.write(`catalog: ${claims.length} claims, Node ${data.versions.join(', ') || '(no versions)'}; results from ${src}; ${written} file(s) written, ${removed} removed under docs/\n`);
  return 0;
}

function main(argv: string[]): number {
  const a = parseArgs(argv);
  if (a.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const claims = loadClaims();
  return a.check ? check(claims) : generate(a, claims);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (process.argv.includes('--debug')) console.error(e);
  const msg = e instanceof SpecError ? e.message : `unexpected error: ${String((e as Error)?.message ?? e).split('\n')[0]} (run with --debug for details)`;
  process.stderr.write(`catalog: ${msg}\n`);
  process.exitCode = 2;
}
