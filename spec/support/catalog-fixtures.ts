// The catalogue's fixtures, shared by its fast spec (spec/tooling/catalog.spec.ts) and its
// browser check (spec/e2e/catalog-browser.spec.ts): the docs/ tree rendered in memory, written to a
// folder, and results for the real claims under two made-up versions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../harness/project.ts';
import { claimKinds, resultKey, type Claim } from '../../tools/catalog-model.ts';
import { emptyResults, type Observed, type ResultsFile } from '../../tools/catalog-pages.ts';
import { renderPages, renderSite } from '../../tools/catalog-render.ts';

/** The pages and, under site/, the indexes: what docs/ holds after npm run catalog. */
export function renderAll(claims: Claim[], data: ResultsFile): Map<string, string> {
  const files = renderPages(claims, data);
  for (const [rel, text] of renderSite(claims, data)) files.set(`site/${rel}`, text);
  return files;
}


export function writeDocs(dir: string, files: Map<string, string>) {
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

export const obs = (o: Partial<Observed> = {}): Observed => ({
  id: 'x/y', node: 'v22.23.3', exitCode: 0, signal: null, stdout: 'same\n', stderr: '', exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false, ...o,
});

/** Results for the real claims under two versions, each kind of a claim stated per stdout kind: every third claim ends differently on the newer one. */
export function fixtureResults(claims: Claim[]): ResultsFile {
  const data = emptyResults();
  data.platform = 'linux';
  data.arch = 'x64';
  data.versions = ['v14.21.3', 'v22.23.3'];
  data.results = { 'v14.21.3': { scenarios: {} }, 'v22.23.3': { scenarios: {} } };
  const order = claims.map((c) => c.id).sort();
  claims.forEach((c) => {
    if (c.kind !== 'scenario') return;
    const i = order.indexOf(c.id); // by id, so the fixture does not depend on the order it is given
    for (const k of claimKinds(c)) {
      const kind = k ? { stdio: k } : {};
      data.results['v14.21.3']!.scenarios[resultKey(c, k)] = { scenario: c.id, ...kind, target: 'v14.21.3', verdict: 'pass', observation: obs(kind), hash: c.hash };
      data.results['v22.23.3']!.scenarios[resultKey(c, k)] = { scenario: c.id, ...kind, target: 'v22.23.3', verdict: 'pass', observation: obs({ ...kind, ...(i % 3 === 0 ? { exitCode: 1, exitEvent: { fired: true, code: 1 } } : {}) }), hash: c.hash };
    }
  });
  return data;
}

/** Where the site's browser check saves its screenshots (SITE_SCREENSHOTS overrides), the folder CI's e2e job uploads. */
export const SCREENSHOTS_DIR = 'results/site-screenshots';
export const screenshotsDir = () => process.env.SITE_SCREENSHOTS || join(ROOT, ...SCREENSHOTS_DIR.split('/'));
