// The site's page per runtime (docs/site/runtime-bun.html, runtime-deno.html): every claim where it
// behaves otherwise than the newest tested Node, most consequential first (harness/observation.ts
// severity), each with its difference and the runtime's upstream issue where the scenario's header
// names one; and the upgrade view (docs/site/upgrade.html), whose comparison site.js computes in the
// page from results.json. Pure: no clock, no environment.
import { behaviourDiff, severity, SEVERITY_WORDS } from '../harness/observation.ts';
import { STDIO_WORDS } from '../harness/stdio.ts';
import { claimPageHtml, esc, fieldDiffHtml, page, rich, upstreamLinks } from './catalog-html.ts';
import { headerTexts } from './catalog-claim-html.ts';
import { resultKey, rowId, type ClaimView } from './catalog-model.ts';
import type { ResultsFile } from './catalog-pages.ts';

/** The runtimes the results hold besides Node, by name ("bun") and as the results name them ("bun 1.4.5"). */
export const otherRuntimes = (data: ResultsFile) => (data.runtimes ?? []).map((t) => ({ name: t.split(' ')[0]!, target: t }));

export function renderRuntimeHtml(views: ClaimView[], data: ResultsFile, target: string): string {
  const name = target.split(' ')[0]!;
  const title = name === 'bun' ? 'Bun' : name === 'deno' ? 'Deno' : name;
  const newest = data.versions[data.versions.length - 1];
  const found = views.flatMap((v) => {
    const r = v.runtimes.find((x) => x.name === target);
    const ref = newest ? data.results[newest]?.scenarios[resultKey(v.claim, v.stdio)]?.observation : undefined;
    if (!r || !r.observation || r.sameAsNode !== false || !ref) return [];
    const diff = behaviourDiff(ref, r.observation);
    return [{ v, diff, sev: severity(diff) }];
  }).sort((a, b) => b.sev - a.sev || (rowId(a.v) < rowId(b.v) ? -1 : 1));
  const same = views.filter((v) => v.runtimes.some((x) => x.name === target && x.sameAsNode)).length;
  const na = views.filter((v) => v.runtimes.some((x) => x.name === target && x.verdict === 'n.a.')).length;
  const levels = Object.keys(SEVERITY_WORDS).map(Number).filter((l) => l > 0).sort((a, b) => b - a);
  const summary = levels.map((l) => `<li><a href="#sev-${l}"><span class="sev s${l}">${esc(SEVERITY_WORDS[l]!)}</span></a> ${found.filter((f) => f.sev === l).length}</li>`).join('');
  const items = levels.map((l) => {
    const at = found.filter((f) => f.sev === l);
    if (!at.length) return '';
    return `<h2 id="sev-${l}"><span class="sev s${l}">${esc(SEVERITY_WORDS[l]!)}</span> ${at.length} claim${at.length === 1 ? '' : 's'}</h2><ol class="rtlist">` + at.map(({ v, diff }) => {
      const c = v.claim;
      const issues = upstreamLinks(headerTexts(c), name);
      return `<li id="${esc(rowId(v))}"><a href="${esc(claimPageHtml(c.id))}">${rich(c.s.claim).replace(/<a [^>]*>|<\/a>/g, '')}</a> <span class="id">${esc(c.id)}${v.stdio ? ` · stdout ${esc(STDIO_WORDS[v.stdio])}` : ''}</span>` +
        `${issues.length ? `<p class="upstream">Upstream: ${issues.map((u) => `<a href="${esc(u)}">${esc(u.replace('https://github.com/', ''))}</a>`).join(', ')}</p>` : ''}` +
        `<details><summary>What differs (${esc(diff.map((d) => d.field).join(', '))})</summary>${diff.map((d) => fieldDiffHtml(d, 'Node', name)).join('')}</details></li>`;
    }).join('') + '</ol>';
  }).join('\n');
  const body = `<h1>${esc(title)} against Node</h1>
<p class="lead">Every claim where ${esc(target)} behaves otherwise than Node ${esc(newest ?? '(none tested)')}: the same exit, signal, <code>exit</code> event, stdout and stderr lines, stack frames left out. Most consequential first. ${found.length} differ, ${same} behave as Node, ${na} do not apply.</p>
<ul class="sevsum">${summary}</ul>
${items || '<p>No differences recorded.</p>'}`;
  return page({ title: `${title} against Node · node-async-spec`, root: '', kind: 'runtime', body });
}

export function renderUpgradeHtml(data: ResultsFile): string {
  const targets = [...data.versions, ...(data.runtimes ?? [])];
  const opts = (sel: string | undefined) => targets.map((t) => `<option value="${esc(t)}"${t === sel ? ' selected' : ''}>${esc(t)}</option>`).join('');
  const levels = Object.keys(SEVERITY_WORDS).map(Number).filter((l) => l > 0).sort((a, b) => b - a);
  const body = `<h1>Upgrade: what changes between two releases</h1>
<p class="lead">Pick the release you run and the one you move to: every claim that behaves otherwise, most consequential first. Computed in this page from <a href="results.json">results.json</a> (<a href="results-schema.md">its schema</a>); <code>npm run upgrade -- &lt;from&gt; &lt;to&gt;</code> runs the same comparison live.</p>
<form class="controls" id="upgrade-form" onsubmit="return false">
<label>From <select id="from">${opts(targets[targets.length - (data.runtimes?.length ?? 0) - 2])}</select></label>
<label>To <select id="to">${opts(data.versions[data.versions.length - 1])}</select></label>
<label>At least <select id="min">${levels.map((l) => `<option value="${l}"${l === 1 ? ' selected' : ''}>${esc(SEVERITY_WORDS[l]!)}</option>`).join('')}</select></label>
<span id="ucount" aria-live="polite">Loading results.json…</span>
</form>
<div id="uonly"></div>
<div id="upgrade"></div>`;
  return page({ title: 'Upgrade view · node-async-spec', root: '', kind: 'upgrade', body });
}
