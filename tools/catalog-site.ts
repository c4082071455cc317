// The catalogue site, docs/site/ (built, not committed; CI deploys it to GitHub Pages): the index
// (tools/catalog-index.ts), a page per claim (tools/catalog-claim-html.ts), a page per other
// runtime and the upgrade view (tools/catalog-runtime-html.ts), the published results file
// (tools/catalog-results.ts) with its schema (docs/results-schema.md), and the stylesheet and
// script every page shares (tools/site/). Plain HTML, CSS and JavaScript: no framework, no
// request outside the site's own files. A function of the claims and the results: no clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/project.ts';
import { claimPageHtml } from './catalog-html.ts';
import { renderClaimHtml } from './catalog-claim-html.ts';
import { renderIndexHtml } from './catalog-index.ts';
import { claimKinds, resultKey, views as viewsOf, type Claim } from './catalog-model.ts';
import type { ClaimData, ResultsFile } from './catalog-pages.ts';
import { publishedJson } from './catalog-results.ts';
import { otherRuntimes, renderRuntimeHtml, renderUpgradeHtml } from './catalog-runtime-html.ts';

/** The committed files the site publishes as they are. */
export const SITE_ASSETS: Record<string, string> = {
  'site.css': 'tools/site/site.css',
  'site.js': 'tools/site/site.js',
  'results-schema.md': 'docs/results-schema.md',
};

/** Every file of the site but index.md (tools/catalog-render.ts), by path relative to docs/site/. */
export function siteFiles(claims: Claim[], data: ResultsFile, bisected: Record<string, ClaimData['bisected']> = {}): Map<string, string> {
  const files = new Map<string, string>();
  const views = claims.flatMap((c) => viewsOf(c, data));
  files.set('index.html', renderIndexHtml(views, data));
  for (const c of claims) {
    // As its Markdown page: the versions and runtimes this claim has results on.
    const has = (v: string) => claimKinds(c).some((k) => !!data.results[v]?.scenarios[resultKey(c, k)]);
    const own: ResultsFile = { ...data, versions: data.versions.filter(has), runtimes: (data.runtimes ?? []).filter(has) };
    files.set(claimPageHtml(c.id), renderClaimHtml(viewsOf(c, own), own, bisected[c.id]));
  }
  for (const rt of otherRuntimes(data)) files.set(`runtime-${rt.name}.html`, renderRuntimeHtml(views, data, rt.target));
  files.set('upgrade.html', renderUpgradeHtml(data));
  files.set('results.json', publishedJson(claims, data));
  for (const [to, from] of Object.entries(SITE_ASSETS)) files.set(to, readFileSync(join(ROOT, from), 'utf8'));
  return files;
}
