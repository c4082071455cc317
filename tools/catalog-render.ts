// Renders the catalogue: docs/claims/<id>.md (one page per claim, committed, ending with the
// claim's own results as data) and the shared indexes built into docs/site/ (not committed: CI
// builds and publishes them): index.md, index.html (the version table with its filters) and
// results.json. Pure functions of the claims and the results: no clock, no environment.
import semver from 'semver';
import { confirms } from '../harness/changes.ts';
import { ending, shortEnding, stableJson, stderrHighlights } from '../harness/observation.ts';
import { STDIO_KINDS, STDIO_WORDS, type StdioKind } from '../harness/stdio.ts';
import { statesKinds } from '../harness/scenario.ts';
import { bareVersion } from '../harness/target.ts';
import { claimKinds, resultKey, TOPICS, versionLabel, views as viewsOf, type Claim, type ClaimView } from './catalog-model.ts';
import { claimData, claimPage, dataBlock, type ClaimData, type ResultsFile } from './catalog-pages.ts';
import { explainSection } from './catalog-explain.ts';

const REPO_ISSUE = 'https://github.com/nodejs/node/issues/22088';

// ---- Markdown helpers --------------------------------------------------------------------------

/** A fenced block whose fence is longer than any run of backticks inside. */
function fence(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text.replace(/\n$/, '')}\n${f}`;
}

/** Turns bare URLs into Markdown links. */
function linkify(text: string): string {
  return text.replace(/(?<![(<])\bhttps?:\/\/[^\s)>\]]+[^\s)>\].,;:]/g, (u) => `<${u}>`);
}

const claimPath = claimPage;

/** Relative path from a claim page (docs/claims/<id>.md) back to docs/. */
function up(id: string): string {
  return '../'.repeat(id.split('/').length);
}

function verdictNote(v: ClaimView): string {
  if (v.claim.kind === 'lambda') return 'checked by the Lambda spec (`spec/lambda`), outside the Node version matrix';
  const observed = v.groups.reduce((n, g) => n + g.versions.length, 0);
  if (!observed) return 'no results yet';
  if (v.differs) return `**differs between versions** (${v.groups.map((g) => g.versions.map((x) => 'v' + semver.major(x)).join('/')).join(' vs ')})`;
  return observed > 1 ? 'same on every tested version' : `observed on one version`;
}

// ---- docs/README.md ----------------------------------------------------------------------------


function versionsLine(data: ResultsFile): string {
  if (!data.versions.length) return 'No results yet: run `npm run matrix`, then `npm run catalog`.';
  return `Observed on ${data.platform}-${data.arch} under Node ${data.versions.join(', ')}.`;
}

export function renderReadme(views: ClaimView[], data: ResultsFile): string {
  const out: string[] = [];
  out.push('<!-- Built by `npm run catalog` from the scenario headers and the results the claim pages carry. Not committed: CI publishes it. -->', '');
  out.push('# The catalogue: what Node does with async code at the edges of a process\'s life', '');
  out.push('Every entry below is a claim, a small script that demonstrates it, and what that script printed',
    'and how it ended under each tested Node version. Open [index.html](index.html) in a browser for',
    'the whole version table with filters; watch any claim run with',
    '`npm run scenario -- <id> --node 14,22,26`.', '');
  out.push(versionsLine(data), '');
  out.push('The three stories this catalogue began with are in [docs/README.md](../README.md).', '');
  const differing = views.filter((v) => v.differs).length;
  out.push('## The claims', '');
  const kinded = views.filter((v) => v.stdio).length;
  out.push(`${views.length} claims${kinded ? ` (${kinded} of them a scenario's outcome on one kind of stdout)` : ''}; ${differing} of them behave differently on some tested Node versions.`, '');
  for (const t of TOPICS) {
    const vs = views.filter((v) => v.claim.topic === t.key);
    out.push(`### ${t.title}`, '', t.blurb, '');
    if (!vs.length) {
      out.push('_No claims yet._', '');
      continue;
    }
    for (const v of vs) out.push(`- [${v.claim.s.claim.replace(/([[\]])/g, '\\$1')}](../${claimPath(v.claim.id)}) — \`${v.claim.id}\`${v.stdio ? ` with stdout ${STDIO_WORDS[v.stdio]}` : ''}; ${verdictNote(v)}`);
    out.push('');
  }
  out.push('## Regenerating', '');
  out.push('`npm run matrix` records what every scenario does under every pinned Node version; `npm run catalog`',
    'merges those results into the claim pages (`docs/claims/`, each carrying its own data) and builds this',
    'index. `npm run catalog -- --check` fails when a committed claim page is stale.', '');
  return out.join('\n');
}

// ---- docs/claims/<id>.md -----------------------------------------------------------------------

/**
 * A claim's page: its header's text, then what it did on each of its stdout kinds (one view, and
 * no kind named, for a scenario that states none), then its data block.
 */
export function renderClaim(vs: ClaimView[], data: ResultsFile, bisected?: ClaimData['bisected']): string {
  const c = vs[0]!.claim;
  const s = c.s;
  const out: string[] = [];
  const topic = TOPICS.find((t) => t.key === c.topic)!;
  out.push('<!-- Generated by `npm run catalog`. Do not edit by hand: edit the scenario header instead. -->', '');
  out.push(`# ${s.claim}`, '');
  const facts = [`\`${c.id}\``, topic.title, `tags: ${s.tags.join(', ')}`];
  if (s.node !== '*') facts.push(`applies to Node ${s.node}`);
  if (s.flags.length) facts.push(`run with \`${s.flags.join(' ')}\``);
  if (statesKinds(s)) facts.push(`stdout and stderr: ${s.stdio.map((k) => STDIO_WORDS[k]).join('; ')}${s.stdio.length > 1 ? ', each run on its own' : ''}`);
  out.push(facts.join(' · '), '');

  out.push('## Why', '');
  out.push(s.why ? linkify(s.why) : '_The scenario header has no `why` yet._', '');
  out.push(`Source: ${linkify(s.source)}`, '');
  if (s.links.length) {
    out.push('Further reading:', '');
    for (const l of s.links) out.push(`- ${linkify(l)}`);
    out.push('');
  }
  if (s.changes.length) {
    out.push('Changes between Node versions:', '');
    const found = bisected?.hash === c.hash ? bisected.boundaries : undefined;
    for (const ch of s.changes) {
      const b = ch.in !== undefined ? found?.find((x) => confirms(ch, x)) : undefined;
      const how = ch.in === undefined ? '' : b
        ? ` (${b.before} before; observed by \`npm run bisect\`${b.missing.length ? `; the registry lacks ${b.missing.join(', ')} in between` : ''})`
        : found ? ' (declared; bisection did not observe a change here)' : ' (declared only: not bisected yet)';
      out.push(`- ${ch.in !== undefined ? `changed in Node ${ch.in}` : `never in Node ${ch.never}.x`}${how}: ${ch.what} (${linkify(ch.link)})`);
    }
    out.push('');
  }

  out.push('## The scenario', '');
  out.push(`[\`${c.file}\`](${up(c.id)}../${c.file})${Object.keys(s.env).length ? `, environment: ${Object.entries(s.env).map(([k, x]) => `\`${k}=${x}\``).join(' ')}` : ''}`, '');
  out.push(fence(s.body, 'js'), '');
  if (c.kind === 'scenario') out.push(`Watch it: \`npm run scenario -- ${c.id} --node 14,22,26${s.stdio.length > 1 ? ` --stdio ${s.stdio.join(',')}` : ''}\``, '');
  for (const v of vs) out.push(...whatItDid(v, data));

  out.push('## What to do instead', '');
  out.push(s.instead ? linkify(s.instead) : '_Nothing to change: this claim describes behaviour to rely on, not a trap._', '');
  out.push(...explainSection(c));
  out.push(`[The catalogue](${up(c.id)}README.md)`, '');
  out.push(dataBlock({ ...claimData(c, data), ...(bisected ? { bisected } : {}) }));
  return out.join('\n');
}

/** "What it did" and "Under Bun and Deno" for one view: the kind named in each heading when the view has one. */
function whatItDid(v: ClaimView, data: ResultsFile): string[] {
  const c = v.claim;
  const s = c.s;
  const out: string[] = [];
  const onKind = v.stdio ? `, stdout ${STDIO_WORDS[v.stdio]}` : '';
  out.push(`## What it did${onKind}`, '');
  if (c.kind === 'lambda') {
    out.push('This handler runs in the Lambda emulation (`npm run lambda`), checked by `spec/lambda`; it is not part of the Node version matrix.', '');
  } else if (!v.groups.length) {
    out.push('No results recorded yet: run `npm run matrix`, then `npm run catalog`.', '');
  } else {
    out.push(v.differs
      ? `The behaviour differs between versions: ${v.groups.length} different outcomes.`
      : `The same on every tested version where it applies (${versionLabel(v.groups[0]!.versions, data.versions)}).`, '');
    for (const g of v.groups) {
      const o = g.observation;
      out.push(`### ${versionLabel(g.versions, data.versions)}`, '');
      if (g.versions.length > 1 || data.versions.length > 1) out.push(`Versions: ${g.versions.join(', ')}.`, '');
      out.push(`- Ended: ${ending(o)}.`);
      out.push(`- The \`exit\` event: ${o.exitEvent.fired ? `fired; its listeners got code ${o.exitEvent.code}` : 'never fired'}.`);
      out.push(`- Printed while it ran: ${o.exitHandler === null ? 'unknown (not observable on this runtime)' : o.exitHandler.length ? o.exitHandler.map((l) => '`' + l.replace(/`/g, "'") + '`').join(', ') : 'nothing'}.`);
      for (const f of g.failures) out.push(`- **The spec's expectation failed on ${f.version}:** ${f.text.replace(/`/g, "'")}`);
      out.push('');
      if (g.framesVary) out.push(`_Shown: ${g.versions[0]}. The other versions of this group differ only in stack frames (\`at ...\` lines)._`, '');
      out.push('stdout:', '', o.stdout ? fence(o.stdout) : '_(nothing)_', '');
      const hl = stderrHighlights(o.stderr);
      if (!o.stderr) out.push('stderr: _(nothing)_', '');
      else {
        out.push('stderr (without stack frames):', '', fence(hl.join('\n') || '(only stack frames)'), '');
        out.push(`<details><summary>full stderr${g.versions.length > 1 ? ` (${g.versions[0]})` : ''}</summary>`, '', fence(o.stderr), '', '</details>', '');
      }
    }
    if (v.na.length) out.push(`Not applicable on ${versionLabel(v.na, data.versions)} (the scenario applies to Node ${s.node}).`, '');
    if (v.missing.length) out.push(`No result recorded for ${v.missing.join(', ')}.`, '');
    if (v.stale.length) out.push(`**Stale:** the scenario changed after the results for ${v.stale.join(', ')} were recorded; run \`npm run matrix\` and \`npm run catalog\` again.`, '');
  }

  if (v.runtimes.length) {
    const newest = data.versions[data.versions.length - 1];
    out.push(`## Under Bun and Deno${onKind}`, '');
    out.push(`Compared with the newest tested Node${newest ? ` (${newest})` : ''}: the same exit, signal, \`exit\` event, stdout and stderr lines, stack frames left out.`, '');
    for (const r of v.runtimes) {
      const o = r.observation;
      if (r.verdict === 'n.a.' || !o) {
        out.push(`### ${r.name}: not applicable`, '');
        continue;
      }
      out.push(`### ${r.name}: ${r.sameAsNode ? 'behaves as Node' : r.sameAsNode === false ? '**differs from Node**' : 'not compared'}`, '');
      if (r.sameAsNode) continue;
      out.push(`- Ended: ${ending(o)}.`);
      out.push(`- The \`exit\` event: ${o.exitEvent.fired ? `fired; its listeners got code ${o.exitEvent.code}` : 'never fired'}.`, '');
      out.push('stdout:', '', o.stdout ? fence(o.stdout) : '_(nothing)_', '');
      if (o.stderr) out.push('stderr (without stack frames):', '', fence(stderrHighlights(o.stderr).join('\n') || '(only stack frames)'), '');
    }
  }
  return out;
}

// ---- docs/index.html ---------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inline `code` spans, everything else escaped. */
function inline(s: string): string {
  return s.split(/(`[^`]*`)/).map((p) => (p.startsWith('`') && p.endsWith('`') && p.length > 1 ? `<code>${esc(p.slice(1, -1))}</code>` : esc(p))).join('');
}

const CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 1.5rem; color: #1b1f24; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
p.lead { margin: 0 0 1rem; max-width: 60rem; color: #444; }
.controls { display: flex; gap: 1.2rem; align-items: center; flex-wrap: wrap; margin: .5rem 0 1rem; padding: .6rem .8rem; background: #f4f6f8; border-radius: 6px; }
.controls label { display: inline-flex; gap: .4rem; align-items: center; }
#count { color: #555; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #d6dbe0; padding: .3rem .45rem; vertical-align: top; }
thead th { position: sticky; top: 0; background: #eef1f4; z-index: 1; }
th.v { writing-mode: horizontal-tb; white-space: nowrap; }
td.claim { max-width: 34rem; }
td.claim .id { font-family: ui-monospace, monospace; font-size: .78rem; color: #555; }
td.claim details { margin-top: .25rem; color: #333; }
td.topic { white-space: nowrap; color: #555; }
td.c { white-space: nowrap; text-align: center; font-family: ui-monospace, monospace; font-size: .78rem; }
td.c small { display: block; color: #444; }
td.g0 { background: #e7f3ea; } td.g1 { background: #fdecc8; } td.g2 { background: #f9d6d5; } td.g3 { background: #dde7fb; } td.g4 { background: #eadcf6; } td.g5 { background: #d8f0f0; }
td.na { color: #888; background: repeating-linear-gradient(45deg, #fafafa, #fafafa 4px, #f0f0f0 4px, #f0f0f0 8px); }
td.none { color: #aaa; }
td.same { background: #e7f3ea; } td.other { background: #f9d6d5; }
td.fail { outline: 2px solid #c62828; outline-offset: -2px; }
tr.differs td.claim { border-left: 4px solid #e0a100; }
code { font-family: ui-monospace, monospace; background: #f1f3f5; padding: 0 .2em; border-radius: 3px; }
#empty { display: none; margin: 1rem 0; color: #555; }
.legend { font-size: .8rem; color: #555; margin-top: 1rem; max-width: 60rem; }
`;

const SCRIPT = `
(function () {
  var topic = document.getElementById('topic');
  var differs = document.getElementById('differs');
  var fromnode = document.getElementById('fromnode');
  var stdio = document.getElementById('stdio');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#claims tbody tr'));
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  function apply() {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = (topic.value === 'all' || tr.getAttribute('data-topic') === topic.value) &&
        (!differs.checked || tr.getAttribute('data-differs') === 'yes') &&
        (!fromnode.checked || tr.getAttribute('data-fromnode') === 'yes') &&
        (stdio.value === 'all' || tr.getAttribute('data-stdio') === stdio.value);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' claims';
    empty.style.display = shown ? 'none' : 'block';
  }
  topic.addEventListener('change', apply);
  differs.addEventListener('change', apply);
  fromnode.addEventListener('change', apply);
  stdio.addEventListener('change', apply);
  apply();
})();
`;

export function renderHtml(views: ClaimView[], data: ResultsFile): string {
  const vs = data.versions;
  const rts = data.runtimes ?? [];
  const majorsUnique = new Set(vs.map((v) => semver.major(v))).size === vs.length;
  const head = vs.map((v) => `<th class="v" scope="col" title="${esc(v)}">${esc(majorsUnique ? String(semver.major(v)) : bareVersion(v))}</th>`).join('') +
    rts.map((r) => `<th class="rt" scope="col" title="${esc(r)}">${esc(r)}</th>`).join('');
  const rows = views.map((v) => {
    const c = v.claim;
    const topic = TOPICS.find((t) => t.key === c.topic)!;
    const cells = vs.map((ver) => {
      const cell = v.cells[ver];
      if (cell === 'n.a.') return `<td class="c na" title="${esc(`${ver}: not applicable (applies to ${c.s.node})`)}">n.a.</td>`;
      if (cell === null || cell === undefined) return `<td class="c none" title="${esc(`${ver}: no result`)}">–</td>`;
      const g = v.groups[cell]!;
      const o = g.observation;
      const failed = g.failures.some((f) => f.version === ver);
      const ev = o.exitEvent.fired ? `exit event ${o.exitEvent.code}` : 'no exit event';
      const tip = `${ver}: ${ending(o)}; ${ev}${failed ? '; the spec failed here' : ''}\nstdout: ${o.stdout.split('\n').slice(0, 6).join(' | ') || '(nothing)'}`;
      return `<td class="c g${cell % 6}${failed ? ' fail' : ''}" data-group="${cell}" title="${esc(tip)}">${esc(shortEnding(o))}<small>${o.exitEvent.fired ? `ev ${o.exitEvent.code}` : 'no ev'}</small></td>`;
    }).join('') + rts.map((rt) => {
      const r = v.runtimes.find((x) => x.name === rt);
      if (!r) return `<td class="c none" title="${esc(`${rt}: no result`)}">–</td>`;
      if (r.verdict === 'n.a.' || !r.observation) return `<td class="c na" title="${esc(`${rt}: not applicable`)}">n.a.</td>`;
      const o = r.observation;
      const tip = `${rt}: ${ending(o)}; ${r.sameAsNode ? 'behaves as Node' : 'differs from Node'}\nstdout: ${o.stdout.split('\n').slice(0, 6).join(' | ') || '(nothing)'}`;
      return `<td class="c ${r.sameAsNode ? 'same' : 'other'}" title="${esc(tip)}">${esc(shortEnding(o))}<small>${r.sameAsNode ? 'as Node' : '≠ Node'}</small></td>`;
    }).join('');
    const more = [
      c.s.why ? `<p><b>Why:</b> ${inline(c.s.why)}</p>` : '',
      c.s.instead ? `<p><b>Instead:</b> ${inline(c.s.instead)}</p>` : '',
    ].join('');
    return `<tr id="${esc(rowId(v))}" data-topic="${topic.key}" data-stdio="${rowStdio(v) ?? ''}" data-differs="${v.differs ? 'yes' : 'no'}" data-fromnode="${v.differsFromNode ? 'yes' : 'no'}"${v.differs ? ' class="differs"' : ''}>` +
      `<td class="claim"><a href="../claims/${esc(c.id)}.md">${inline(c.s.claim)}</a><div class="id">${esc(c.id)}${v.stdio ? ` · stdout ${esc(STDIO_WORDS[v.stdio])}` : ''}</div>${more ? `<details><summary>why / instead</summary>${more}</details>` : ''}</td>` +
      `<td class="topic">${esc(topic.title)}</td>${cells}</tr>`;
  }).join('\n');
  const kinds = STDIO_KINDS.map((k) => `<option value="${k}">${esc(STDIO_WORDS[k])} (${views.filter((v) => rowStdio(v) === k).length})</option>`).join('');
  const options = TOPICS.map((t) => `<option value="${t.key}">${esc(t.title)} (${views.filter((v) => v.claim.topic === t.key).length})</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>node-async-spec: claims by Node version</title>
<style>${CSS}</style>
</head>
<body>
<h1>What Node does with async code at the edges of a process's life</h1>
<p class="lead">One row per claim (a claim stated per kind of stdout has a row per kind), one column per tested Node version. Each cell shows how the scenario ended and the code its <code>exit</code> listeners received ("ev"; "no ev" when the event never fired). Cells of one row with the same colour behaved the same (exit code, signal, exit event, lines printed during it, stdout and stderr without stack frames). ${esc(versionsLine(data))} Details per claim: <a href="index.md">index.md</a>.</p>
<div class="controls">
<label>Topic <select id="topic"><option value="all">All topics (${views.length})</option>${options}</select></label>
<label>stdout <select id="stdio"><option value="all">Every kind</option>${kinds}</select></label>
<label><input type="checkbox" id="differs"> Only claims that differ between versions (${views.filter((v) => v.differs).length})</label>
<label><input type="checkbox" id="fromnode"> Only claims where Bun or Deno differs from Node (${views.filter((v) => v.differsFromNode).length})</label>
<span id="count" aria-live="polite"></span>
</div>
<table id="claims">
<thead><tr><th scope="col">Claim</th><th scope="col">Topic</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p id="empty">No claim matches these filters.</p>
<p class="legend">stdout: what the scenario's stdout and stderr were (a socket pair, what <code>child_process</code> gives, unless its header names kinds); a claim about the Lambda emulation has none. n.a.: the scenario does not apply to that version (its header's <code>node</code> range). –: no result recorded. A red outline: the spec's expectation failed on that version. Generated by <code>npm run catalog</code>.</p>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A row's id in index.html: the claim's id, and its stdout kind for a scenario that states kinds (no spaces: an HTML id). */
export const rowId = (v: Pick<ClaimView, 'claim' | 'stdio'>): string => (v.stdio ? `${v.claim.id}/stdio-${v.stdio}` : v.claim.id);

/** The stdout kind a row was observed with (the stdio filter's value): its own, a socket pair when it states none, none for a Lambda handler. */
export const rowStdio = (v: Pick<ClaimView, 'claim' | 'stdio'>): StdioKind | undefined => (v.claim.kind === 'lambda' ? undefined : v.stdio ?? 'socket');

/** The committed claim pages, by path relative to docs/. */
export function renderPages(claims: Claim[], data: ResultsFile, bisected: Record<string, ClaimData['bisected']> = {}): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of claims) {
    // A page depends on its own claim's results only: results added for another claim or another
    // version change no other page, so two branches that each add a claim do not conflict.
    const has = (v: string) => claimKinds(c).some((k) => !!data.results[v]?.scenarios[resultKey(c, k)]);
    const own: ResultsFile = { ...data, versions: data.versions.filter(has), runtimes: (data.runtimes ?? []).filter(has) };
    files.set(claimPath(c.id), renderClaim(viewsOf(c, own), own, bisected[c.id]));
  }
  return files;
}

/** The shared indexes (docs/site/, not committed), by path relative to docs/site/: a row per claim and stdout kind. */
export function renderSite(claims: Claim[], data: ResultsFile): Map<string, string> {
  const views = claims.flatMap((c) => viewsOf(c, data));
  return new Map([['index.md', renderReadme(views, data)], ['index.html', renderHtml(views, data)], ['results.json', stableJson(data)]]);
}
