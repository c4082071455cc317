// The published results file, docs/site/results.json (its schema: docs/results-schema.md). It is
// the results the claim pages carry (ResultsFile, unchanged in meaning), plus what a reader needs
// to compare two targets without this project's code: per row of the index, each distinct
// behaviour (harness/observation.ts behaviour(), stack frames left out) and which target showed
// which, and the severity table that ranks a difference (harness/observation.ts FIELD_SEVERITY).
// The site's upgrade view computes from this file alone. Pure: no clock, no environment.
import { behaviour, behaviourKey, FIELD_SEVERITY, SEVERITY_WORDS, stableJson, type Behaviour } from '../harness/observation.ts';
import { claimPageHtml } from './catalog-html.ts';
import { rowId, views as viewsOf, type Claim, type ClaimView } from './catalog-model.ts';
import type { ResultsFile } from './catalog-pages.ts';

/** Bumped when a field changes meaning or goes away; adding a field keeps the number. */
export const RESULTS_SCHEMA = 1;

export interface PublishedRow {
  /** The scenario's id (scenarios/<id>.js or lambda/…). */
  id: string;
  /** The stdout kind, for a scenario that states kinds (a row per kind). */
  stdio?: string;
  claim: string;
  topic: string;
  /** The claim's page, relative to results.json. */
  page: string;
  /** Each distinct behaviour observed, in the order first seen (Node oldest first, then the other runtimes). */
  behaviours: Behaviour[];
  /** Per target ("v22.23.3", "bun 1.4.5"): the index of its behaviour, or "n.a." (does not apply). A target with no result is absent. */
  at: Record<string, number | 'n.a.'>;
}

export interface PublishedResults extends ResultsFile {
  schema: number;
  severity: { fields: Record<string, number>; words: Record<string, string> };
  rows: Record<string, PublishedRow>;
}

/** A row's behaviours and targets, from its view (its Node groups, in order, then each runtime). */
export function publishedRow(v: ClaimView): PublishedRow {
  const c = v.claim;
  const behaviours: Behaviour[] = v.groups.map((g) => behaviour(g.observation));
  const keys = v.groups.map((g) => behaviourKey(g.observation));
  const at: Record<string, number | 'n.a.'> = {};
  for (const [t, cell] of Object.entries(v.cells)) if (cell !== null) at[t] = cell;
  for (const r of v.runtimes) {
    if (r.verdict === 'n.a.' || !r.observation) {
      at[r.name] = 'n.a.';
      continue;
    }
    const k = behaviourKey(r.observation);
    let i = keys.indexOf(k);
    if (i < 0) {
      i = keys.push(k) - 1;
      behaviours.push(behaviour(r.observation));
    }
    at[r.name] = i;
  }
  return { id: c.id, ...(v.stdio ? { stdio: v.stdio } : {}), claim: c.s.claim, topic: c.topic, page: claimPageHtml(c.id), behaviours, at };
}

export function publishedResults(claims: Claim[], data: ResultsFile): PublishedResults {
  const rows: Record<string, PublishedRow> = {};
  for (const v of claims.flatMap((c) => viewsOf(c, data))) rows[rowId(v)] = publishedRow(v);
  const words: Record<string, string> = {};
  for (const [k, w] of Object.entries(SEVERITY_WORDS)) words[k] = w;
  return { schema: RESULTS_SCHEMA, ...data, severity: { fields: { ...FIELD_SEVERITY }, words }, rows };
}

export const publishedJson = (claims: Claim[], data: ResultsFile): string => stableJson(publishedResults(claims, data));
