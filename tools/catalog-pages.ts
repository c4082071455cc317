// The claim pages as the catalogue's store: each page (docs/claims/<id>.md) ends with its own data
// block, so adding a claim adds one page and touches no shared file. Writing and reading a block,
// every claim's results gathered from the pages, a matrix run merged in, and whether the committed
// pages are what would be generated. The claims themselves and their views: tools/catalog-model.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SpecError } from '../harness/project.ts';
import { byCodePoint, sortVersions, stableJson, type StoredObservation } from '../harness/observation.ts';
import { claimKey, type ClaimRecord } from '../harness/records.ts';
import { isNode } from '../harness/target.ts';
import { claimKinds, DOCS, resultKey, type Claim } from './catalog-model.ts';
import type { MatrixData, VersionResult } from './matrix-data.ts';

// ---- results -----------------------------------------------------------------------------------

export type Observed = StoredObservation;

/** All results, gathered from the pages: per version, per claim. */
export interface ResultsFile {
  about: string;
  platform: string;
  arch: string;
  /** Tested Node versions, oldest first. */
  versions: string[];
  /** Other runtimes tested ("bun 1.4.5", "deno 2.9.6"): compared with the newest Node version. */
  runtimes?: string[];
  /** Keyed by Node version and by runtime, then by claim key (harness/records.ts claimKey): each claim's record as the matrix wrote it. */
  results: Record<string, { error?: string; scenarios: Record<string, ClaimRecord> }>;
}

/** Splits result keys into Node versions and other runtimes, each sorted. */
function keysOf(r: ResultsFile): void {
  const keys = sortVersions(Object.keys(r.results));
  r.versions = keys.filter(isNode);
  const rts = keys.filter((k) => !isNode(k));
  if (rts.length) r.runtimes = rts;
  else delete r.runtimes;
}

export const ABOUT = 'What every claim did under every tested version, gathered from the claim pages (docs/claims/**) by `npm run catalog`.';

export function emptyResults(): ResultsFile {
  return { about: ABOUT, platform: process.platform, arch: process.arch, versions: [], results: {} };
}

/** A behaviour change `npm run bisect` observed: the last release before it and the first after it. */
export interface ObservedBoundary { line: string; before: string; first: string; missing: string[] }

/** One claim's results, as its page carries them (and, once bisected, the releases where it changes). */
export interface ClaimData {
  platform: string;
  arch: string;
  /**
   * By Node version and by runtime (pageKey: "v22.1.0", and for a scenario that states stdout
   * kinds "v22.1.0 [stdio pipe]"): the claim's records, as the matrix wrote them.
   */
  results: Record<string, ClaimRecord>;
  /** From `npm run bisect`, for the scenario text with this hash. */
  bisected?: { hash: string; boundaries: ObservedBoundary[] };
}


export const claimPage = (id: string) => `claims/${id}.md`;

/** A record's key in its page's data block: its target, and its stdout kind when it has one. */
export const pageKey = (r: Pick<ClaimRecord, 'target' | 'stdio'>): string => (r.stdio ? `${r.target} [stdio ${r.stdio}]` : r.target);
const BEGIN = '<!-- results: the data this page was generated from (npm run catalog reads it back; do not edit)';
const END = '-->';

/** The data block a page ends with. An HTML comment cannot hold "--", so the JSON escapes it ("-\\u002d"). */
export function dataBlock(d: ClaimData): string {
  return `${BEGIN}\n${stableJson(d).replace(/--/g, '-\\u002d').trimEnd()}\n${END}\n`;
}

/** The data a page's text carries, or null (no block). */
export function pageData(text: string, where: string): ClaimData | null {
  const at = text.lastIndexOf(BEGIN);
  if (at < 0) return null;
  const end = text.indexOf(END, at + BEGIN.length);
  try {
    return JSON.parse(text.slice(at + BEGIN.length, end < 0 ? undefined : end)) as ClaimData;
  } catch (e) {
    throw new SpecError(`${where}: its data block is not valid JSON (${(e as Error).message.split('\n')[0]}); regenerate it with npm run catalog -- --run`);
  }
}

/** A result as pages carried it before they held claim records. */
type PageResultBefore = Omit<ClaimRecord, 'scenario' | 'target' | 'hash'> & { source: string };

/**
 * A page's result as a claim record. A page written before pages held claim records (a result
 * { verdict, observation?, failure?, source: <hash> }, as a branch older than them still writes)
 * is read as one, so that merging such a page and running npm run catalog rewrites it, losing nothing.
 */
function asClaimRecord(r: ClaimRecord | PageResultBefore, scenario: string, target: string): ClaimRecord {
  if (!('source' in r)) return r;
  const { source, ...rest } = r;
  return { scenario, target, hash: source, ...rest };
}

/** Every claim's results, gathered from the committed pages under `dir`. */
export function readResults(claims: Claim[], dir = DOCS): ResultsFile {
  const out = emptyResults();
  for (const c of claims) {
    const file = join(dir, claimPage(c.id));
    if (!existsSync(file)) continue;
    const d = pageData(readFileSync(file, 'utf8'), `docs/${claimPage(c.id)}`);
    if (!d) continue;
    out.platform = d.platform;
    out.arch = d.arch;
    for (const [k, r] of Object.entries(d.results)) {
      const rec = asClaimRecord(r, c.id, k);
      (out.results[rec.target] ??= { scenarios: {} }).scenarios[claimKey(rec)] = rec;
    }
  }
  keysOf(out);
  return out;
}

/** One claim's slice of the results, in version order (each of its stdout kinds, for a scenario that states kinds). */
export function claimData(c: Claim, data: ResultsFile): ClaimData {
  const results: Record<string, ClaimRecord> = {};
  for (const k of claimKinds(c)) {
    for (const v of [...data.versions, ...(data.runtimes ?? [])]) {
      const r = data.results[v]?.scenarios[resultKey(c, k)];
      if (r) results[pageKey(r)] = r;
    }
  }
  return { platform: data.platform, arch: data.arch, results };
}

/**
 * Merges a matrix run (its matrix.json) into the results: each (version, claim) the run observed
 * replaces what was there; the rest stays (a run limited with --only or to a few versions updates
 * only those). Each record keeps the hash of the scenario text that ran: one whose hash is not the
 * current text's is flagged stale. A long failure is cut short for the page. `fresh` starts from nothing.
 */
export function mergeMatrix(base: ResultsFile, matrix: MatrixData, claims: Claim[], fresh: boolean): ResultsFile {
  const out: ResultsFile = fresh ? emptyResults() : JSON.parse(JSON.stringify(base));
  out.about = ABOUT;
  const m = matrix as Partial<MatrixData> | null;
  if (!m || !Array.isArray(m.versions) || !m.results) throw new SpecError('the matrix results have no "versions" and "results"; re-run npm run matrix');
  const known = new Set(claims.flatMap((c) => claimKinds(c).map((k) => resultKey(c, k))));
  const runs: [string, VersionResult | undefined][] = [...m.versions.map((v) => [v, m.results![v]] as [string, VersionResult | undefined]), ...Object.entries(m.runtimes ?? {})];
  for (const [v, mv] of runs) {
    if (!mv) throw new SpecError(`the matrix results list ${v} but have no results for it; re-run npm run matrix`);
    const slot = (out.results[mv.node] ??= { scenarios: {} });
    if (mv.error) slot.error = mv.error.split('\n')[0]!.slice(0, 300);
    else delete slot.error;
    out.platform = mv.platform;
    out.arch = mv.arch;
    for (const [id, r] of Object.entries(mv.scenarios)) {
      if (!known.has(id)) continue;
      slot.scenarios[id] = r.failure ? { ...r, failure: r.failure.split('\n').slice(0, 12).join('\n').slice(0, 1500) } : r;
    }
  }
  return prune(out, claims);
}

/** Drops results of claims that no longer exist (a scenario gone, a kind its header no longer names), and versions left empty; sorts versions. */
export function prune(r: ResultsFile, claims: Claim[]): ResultsFile {
  const ids = new Set(claims.flatMap((c) => claimKinds(c).map((k) => resultKey(c, k))));
  for (const v of Object.keys(r.results)) {
    for (const id of Object.keys(r.results[v]!.scenarios)) if (!ids.has(id)) delete r.results[v]!.scenarios[id];
    if (!Object.keys(r.results[v]!.scenarios).length) delete r.results[v];
  }
  keysOf(r);
  return r;
}

// ---- comparing committed pages with what would be generated ----------------------------------

/** Every page under `dir`/claims/, relative to `dir`, sorted. */
export function committedPages(dir = DOCS): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(join(dir, 'claims'));
  return out.sort(byCodePoint);
}

/** Which pages under `dir` differ from `want` (path -> text): missing, different, or no longer a claim. */
export function stalePages(dir: string, want: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, text] of [...want].sort((a, b) => byCodePoint(a[0], b[0]))) {
    const p = join(dir, rel);
    if (!existsSync(p)) out.push(`${rel} (missing)`);
    else if (readFileSync(p, 'utf8') !== text) out.push(`${rel} (differs)`);
  }
  for (const rel of committedPages(dir)) if (!want.has(rel)) out.push(`${rel} (no longer a claim)`);
  return out;
}
