// The site's index (docs/site/index.html): a row per claim (and stdout kind), a column per tested
// Node version and per other runtime. The claim column stays put while the versions scroll under
// it (the table scrolls in its own box, so a phone's page does not). A cell that behaves otherwise
// than the version on its left names the fields that differ and carries their difference (shown
// on hover, focus or tap by site.js); a Bun or Deno cell carries its difference from the newest
// Node with its severity. Search, filters and order are kept in the URL's hash (site.js).
import semver from 'semver';
import { behaviourDiff, ending, severity, SEVERITY_WORDS, shortEnding, type FieldDiff } from '../harness/observation.ts';
import { STDIO_KINDS, STDIO_WORDS } from '../harness/stdio.ts';
import { bareVersion } from '../harness/target.ts';
import { severityName } from './command.ts';
import { claimPageHtml, esc, fieldDiffHtml, fieldDiffText, page, rich } from './catalog-html.ts';
import { resultKey, rowId, rowStdio, TOPICS, type ClaimView } from './catalog-model.ts';
import type { ResultsFile } from './catalog-pages.ts';

/** The short names of the fields a cell names when it differs from its left neighbour. */
const SHORT: Record<FieldDiff['field'], string> = { 'exit code': 'exit', signal: 'signal', 'timed out': 'hang', 'exit event': 'ev', 'exit handler': 'exit output', stdout: 'stdout', stderr: 'stderr' };

function diffCell(diff: FieldDiff[], what: string, before: string, after: string): { mark: string; pop: string; tip: string } {
  const sev = severity(diff);
  return {
    mark: `<small class="d s${sev}">Δ ${esc(diff.map((d) => SHORT[d.field]).join(', '))}</small>`,
    pop: `<div class="pop"><p><b>${esc(what)}</b> <span class="sev s${sev}">${esc(SEVERITY_WORDS[sev]!)}</span></p>${diff.map((d) => fieldDiffHtml(d, before, after)).join('')}</div>`,
    tip: `\n${what}:\n${diff.map(fieldDiffText).join('\n')}`,
  };
}

/** The most consequential difference of Bun or Deno from Node on a row (0: none). */
export function runtimeSeverity(v: ClaimView, data: ResultsFile): number {
  const newest = data.versions[data.versions.length - 1];
  const ref = newest ? data.results[newest]?.scenarios[resultKey(v.claim, v.stdio)]?.observation : undefined;
  if (!ref) return 0;
  return Math.max(0, ...v.runtimes.map((r) => (r.observation && r.sameAsNode === false ? severity(behaviourDiff(ref, r.observation)) : 0)));
}

function row(v: ClaimView, data: ResultsFile): string {
  const c = v.claim;
  const topic = TOPICS.find((t) => t.key === c.topic)!;
  const vs = data.versions;
  let left: { ver: string; g: number } | undefined;
  const cells = vs.map((ver) => {
    const cell = v.cells[ver];
    if (cell === 'n.a.') return `<td class="c na" title="${esc(`${ver}: not applicable (applies to ${c.s.node})`)}">n.a.</td>`;
    if (cell === null || cell === undefined) return `<td class="c none" title="${esc(`${ver}: no result`)}">–</td>`;
    const g = v.groups[cell]!;
    const o = g.observation;
    const failed = g.failures.some((f) => f.version === ver);
    const prev = left && left.g !== cell ? v.groups[left.g]! : undefined;
    const d = prev ? diffCell(behaviourDiff(prev.observation, o), `${ver} against ${left!.ver}`, left!.ver, ver) : undefined;
    left = { ver, g: cell };
    const tip = `${ver}: ${ending(o)}; ${o.exitEvent.fired ? `exit event ${o.exitEvent.code}` : 'no exit event'}${failed ? '; the spec failed here' : ''}${d ? d.tip : ''}`;
    return `<td class="c g${cell % 6}${failed ? ' fail' : ''}${d ? ' has-d' : ''}"${d ? ' tabindex="0"' : ''} title="${esc(tip)}">${esc(shortEnding(o))}<small>${o.exitEvent.fired ? `ev ${o.exitEvent.code}` : 'no ev'}</small>${d ? d.mark + d.pop : ''}</td>`;
  }).join('');
  const newest = vs[vs.length - 1];
  const ref = newest ? data.results[newest]?.scenarios[resultKey(c, v.stdio)]?.observation : undefined;
  const rts = (data.runtimes ?? []).map((rt) => {
    const r = v.runtimes.find((x) => x.name === rt);
    if (!r) return `<td class="c none" title="${esc(`${rt}: no result`)}">–</td>`;
    if (r.verdict === 'n.a.' || !r.observation) return `<td class="c na" title="${esc(`${rt}: not applicable`)}">n.a.</td>`;
    const o = r.observation;
    if (r.sameAsNode !== false || !ref) return `<td class="c same" title="${esc(`${rt}: ${ending(o)}; ${r.sameAsNode ? 'behaves as Node' : 'not compared'}`)}">${esc(shortEnding(o))}<small>${r.sameAsNode ? 'as Node' : '?'}</small></td>`;
    const diff = behaviourDiff(ref, o);
    const sev = severity(diff);
    const d = diffCell(diff, `${rt} against Node ${newest}`, 'Node', rt.split(' ')[0]!);
    return `<td class="c other s${sev} has-d" tabindex="0" title="${esc(`${rt}: ${ending(o)}; differs from Node (${SEVERITY_WORDS[sev]})${d.tip}`)}">${esc(shortEnding(o))}<small>≠ ${esc(SEVERITY_WORDS[sev]!)}</small>${d.pop}</td>`;
  }).join('');
  const sev = runtimeSeverity(v, data);
  // Each release once: two changes in one release link to the first's source, their texts in its title.
  const releases = [...new Set(c.s.changes.flatMap((ch) => (ch.in !== undefined ? [ch.in] : [])))];
  const changes = releases.map((r) => {
    const chs = c.s.changes.filter((ch) => ch.in === r);
    return `<a href="${esc(chs[0]!.link)}" title="${esc(chs.map((ch) => ch.what.replace(/`/g, '')).join('\n'))}">${esc(r)}</a>`;
  });
  const more = [c.s.why ? `<p><b>Why:</b> ${rich(c.s.why)}</p>` : '', c.s.instead ? `<p><b>Instead:</b> ${rich(c.s.instead)}</p>` : ''].join('');
  return `<tr id="${esc(rowId(v))}" data-topic="${topic.key}" data-stdio="${rowStdio(v) ?? ''}" data-differs="${v.differs ? 'yes' : 'no'}" data-fromnode="${v.differsFromNode ? 'yes' : 'no'}" data-sev="${sev}"${v.differs ? ' class="differs"' : ''}>` +
    `<th class="claim" scope="row"><a href="${esc(claimPageHtml(c.id))}${v.stdio ? `#did-${v.stdio}` : ''}">${rich(c.s.claim).replace(/<a [^>]*>|<\/a>/g, '')}</a><div class="id">${esc(c.id)}${v.stdio ? ` · stdout ${esc(STDIO_WORDS[v.stdio])}` : ''} · ${esc(topic.title)}</div>` +
    `${changes.length ? `<div class="chg">changed in Node ${changes.join(', ')}</div>` : ''}${sev ? `<div class="rts">Bun/Deno: <span class="sev s${sev}">${esc(SEVERITY_WORDS[sev]!)}</span></div>` : ''}` +
    `${more ? `<details><summary>why / instead</summary>${more}</details>` : ''}</th>${cells}${rts}</tr>`;
}

export function renderIndexHtml(views: ClaimView[], data: ResultsFile): string {
  const vs = data.versions;
  const rts = data.runtimes ?? [];
  const majorsUnique = new Set(vs.map((v) => semver.major(v))).size === vs.length;
  const heads = [...vs.map((v) => (majorsUnique ? String(semver.major(v)) : bareVersion(v))), ...rts];
  const head = vs.map((v, i) => `<th class="v" scope="col" title="${esc(v)}">${esc(heads[i]!)}</th>`).join('') +
    rts.map((r) => `<th class="rt" scope="col" title="${esc(r)}">${esc(r)}</th>`).join('');
  const rows = views.map((v) => row(v, data)).join('\n');
  const kinds = STDIO_KINDS.map((k) => `<option value="${k}">${esc(STDIO_WORDS[k])} (${views.filter((v) => rowStdio(v) === k).length})</option>`).join('');
  const options = TOPICS.map((t) => `<option value="${t.key}">${esc(t.title)} (${views.filter((v) => v.claim.topic === t.key).length})</option>`).join('');
  const sevs = views.map((v) => runtimeSeverity(v, data));
  const levels = Object.keys(SEVERITY_WORDS).map(Number).filter((l) => l > 0).sort((a, b) => b - a);
  const sevOptions = levels.map((l) => `<option value="${severityName(l)}" data-level="${l}">${esc(l === 1 ? 'any difference' : `${SEVERITY_WORDS[l]} or worse`)} (${sevs.filter((s) => s >= l).length})</option>`).join('');
  const observed = vs.length ? `Observed on ${esc(data.platform)}-${esc(data.arch)} under Node ${esc(vs.join(', '))}${rts.length ? ` and ${esc(rts.join(', '))}` : ''}.` : 'No results yet.';
  const body = `<h1>What Node does with async code at the edges of a process's life</h1>
<p class="lead">A row per claim, a column per tested Node version, then Bun and Deno compared with the newest Node. A cell marked <b>Δ</b> behaved otherwise than the one on its left: point at it or tap it for the difference.</p>
<details class="about"><summary>How to read the table</summary><p>A cell says how the scenario ended and the code its <code>exit</code> listeners got ("ev"). Cells of a row with the same colour behaved the same (exit code, signal, <code>exit</code> event, lines printed while exiting, stdout and stderr without stack frames); Δ names the fields that differ from the cell on the left. A Bun or Deno cell is compared with the newest Node and says how much it differs. ${observed}</p></details>
<form class="controls" id="controls" onsubmit="return false">
<label class="q">Search <input type="search" id="q" placeholder="words in a claim, its id or tags" autocomplete="off"></label>
<label>Topic <select id="topic"><option value="all">All topics (${views.length})</option>${options}</select></label>
<label>stdout <select id="stdio"><option value="all">Every kind</option>${kinds}</select></label>
<label>Bun/Deno <select id="sev"><option value="all">any or none</option>${sevOptions}</select></label>
<label>Order <select id="order"><option value="topic">by topic</option><option value="severity">Bun/Deno severity first</option></select></label>
<label class="cb"><input type="checkbox" id="differs"> differs between Node versions (${views.filter((v) => v.differs).length})</label>
<label class="cb"><input type="checkbox" id="fromnode"> Bun or Deno differs from Node (${views.filter((v) => v.differsFromNode).length})</label>
<span id="count" aria-live="polite"></span> <a id="share" href="#">link to this view</a>
</form>
<div class="scroller" id="scroller">
<table id="claims">
<thead><tr><th class="claim" scope="col">Claim</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
<p id="empty" hidden>No claim matches these filters.</p>
<div id="panel" role="dialog" aria-label="What differs" hidden><button type="button" id="panel-close" aria-label="Close">×</button><div id="panel-body"></div></div>
<p class="legend">n.a.: the scenario does not apply there (its header's <code>node</code> range, or <code>not-on</code>). –: no result. A red outline: the spec's expectation failed there. Severity, most consequential first: ${levels.map((l) => `<span class="sev s${l}">${esc(SEVERITY_WORDS[l]!)}</span>`).join(' ')} (the words of <code>npm run upgrade -- --fail-on</code>). Per runtime: <a href="runtime-bun.html">Bun</a>, <a href="runtime-deno.html">Deno</a>. Between two releases: <a href="upgrade.html">upgrade</a>. The data: <a href="results.json">results.json</a> (<a href="results-schema.md">its schema</a>). Generated by <code>npm run catalog -- --site</code>.</p>`;
  return page({ title: 'node-async-spec: claims by Node version', root: '', kind: 'index', body });
}
