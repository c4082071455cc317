// A claim's page on the site (docs/site/claims/<id>.html): its header's text, the scenario's
// source, what it did on every tested version with the outcomes side by side, the releases where it
// changes (declared by `changes:` and found by `npm run bisect`) linked to their release notes,
// how Bun and Deno differ from Node ranked by severity, and what to do instead. The same facts as
// its Markdown page (tools/catalog-render.ts renderClaim), as HTML. Pure: no clock, no environment.
import { confirms } from '../harness/changes.ts';
import { behaviourDiff, ending, severity, SEVERITY_WORDS, stderrHighlights, type StoredObservation } from '../harness/observation.ts';
import { statesKinds } from '../harness/scenario.ts';
import { STDIO_WORDS } from '../harness/stdio.ts';
import { claimRoot, esc, fieldDiffHtml, page, releaseUrl, rich, upstreamLinks } from './catalog-html.ts';
import { resultKey, TOPICS, versionLabel, type Claim, type ClaimView } from './catalog-model.ts';
import type { ClaimData, ResultsFile } from './catalog-pages.ts';

const pre = (t: string, cls = '') => `<pre${cls ? ` class="${cls}"` : ''}>${esc(t.replace(/\n$/, ''))}</pre>`;

/** Every text of a claim's header, where a runtime's upstream issue may be named. */
export function headerTexts(c: Claim): string[] {
  const s = c.s;
  return [s.source, s.why ?? '', s.instead ?? '', ...s.links, ...Object.values(s.notOn), ...s.changes.map((x) => x.link)];
}

/** One outcome: how it ended, its exit event, what it printed; `badge` after its title, `more` at its end. */
function outcome(o: StoredObservation, label: string, sub: string, badge = '', more = ''): string {
  const hl = stderrHighlights(o.stderr);
  return `<section class="outcome"><h4>${esc(label)}${badge}</h4>${sub ? `<p class="sub">${esc(sub)}</p>` : ''}<ul>` +
    `<li>Ended: <b>${esc(ending(o))}</b></li>` +
    `<li><code>exit</code> event: ${o.exitEvent.fired ? `fired, code ${o.exitEvent.code}` : 'never fired'}</li>` +
    `<li>Printed while exiting: ${o.exitHandler === null ? 'not observable here' : o.exitHandler.length ? o.exitHandler.map((l) => `<code>${esc(l)}</code>`).join(', ') : 'nothing'}</li></ul>` +
    `<h5>stdout</h5>${o.stdout ? pre(o.stdout) : '<p class="none">(nothing)</p>'}` +
    `<h5>stderr${o.stderr ? ' (without stack frames)' : ''}</h5>${o.stderr ? pre(hl.join('\n') || '(only stack frames)') : '<p class="none">(nothing)</p>'}` +
    (o.stderr ? `<details><summary>full stderr</summary>${pre(o.stderr)}</details>` : '') + `${more}</section>`;
}

function changesHtml(c: Claim, bisected?: ClaimData['bisected']): string {
  const s = c.s;
  const found = bisected?.hash === c.hash ? bisected.boundaries : undefined;
  const items = s.changes.map((ch) => {
    const b = ch.in !== undefined ? found?.find((x) => confirms(ch, x)) : undefined;
    const rel = ch.in !== undefined ? `changed in <a href="${esc(releaseUrl(ch.in))}">Node ${esc(ch.in)}</a>` : `never in Node ${esc(ch.never)}.x`;
    const how = ch.in === undefined ? '' : b
      ? ` (bisected: <a href="${esc(releaseUrl(b.before))}">${esc(b.before)}</a> before, <a href="${esc(releaseUrl(b.first))}">${esc(b.first)}</a> first${b.missing.length ? `; the registry lacks ${esc(b.missing.join(', '))}` : ''})`
      : found ? ' (declared; bisection did not observe a change here)' : ' (declared; not bisected yet)';
    return `<li>${rel}${how}: ${rich(ch.what)} — <a href="${esc(ch.link)}">${esc(ch.link.replace(/^https?:\/\//, ''))}</a></li>`;
  });
  // Boundaries bisection found that no `changes:` entry declares.
  for (const b of found ?? []) {
    if (s.changes.some((ch) => ch.in !== undefined && confirms(ch, b))) continue;
    items.push(`<li>changed between <a href="${esc(releaseUrl(b.before))}">${esc(b.before)}</a> and <a href="${esc(releaseUrl(b.first))}">${esc(b.first)}</a> (bisected; ${esc(b.line)})</li>`);
  }
  return items.length ? `<h2 id="changes">Releases where it changes</h2><ul class="changes">${items.join('')}</ul>` : '';
}

function whatItDid(v: ClaimView, data: ResultsFile): string {
  const c = v.claim;
  const on = v.stdio ? `, stdout ${STDIO_WORDS[v.stdio]}` : '';
  const out: string[] = [`<h2 id="did${v.stdio ? `-${v.stdio}` : ''}">What it did${esc(on)}</h2>`];
  if (c.kind === 'lambda') out.push('<p>This handler runs in the Lambda emulation (<code>npm run lambda</code>), checked by <code>spec/lambda</code>; it is not part of the Node version matrix.</p>');
  else if (!v.groups.length) out.push('<p>No results recorded yet.</p>');
  else {
    out.push(`<p>${v.differs ? `<b>Differs between versions:</b> ${v.groups.length} outcomes, side by side.` : `The same on every tested version where it applies (${esc(versionLabel(v.groups[0]!.versions, data.versions))}).`}</p>`);
    const cols = v.groups.map((g, i) => {
      const prev = v.groups[i - 1];
      const diff = prev ? behaviourDiff(prev.observation, g.observation) : [];
      const fails = g.failures.map((f) => `<p class="fail">The spec's expectation failed on ${esc(f.version)}: ${esc(f.text)}</p>`).join('');
      const what = diff.length ? `<details class="vs" open><summary>What differs from ${esc(versionLabel(prev!.versions, data.versions))} (${esc(SEVERITY_WORDS[severity(diff)]!)})</summary>${diff.map((d) => fieldDiffHtml(d, 'before', 'after')).join('')}</details>` : '';
      return outcome(g.observation, versionLabel(g.versions, data.versions), `${g.versions.join(', ')}${g.framesVary ? ` (shown: ${g.versions[0]}; the others differ only in stack frames)` : ''}`, '', fails + what);
    });
    out.push(`<div class="side">${cols.join('')}</div>`);
    if (v.na.length) out.push(`<p>Not applicable on ${esc(versionLabel(v.na, data.versions))} (applies to Node ${esc(c.s.node)}).</p>`);
    if (v.missing.length) out.push(`<p>No result recorded for ${esc(v.missing.join(', '))}.</p>`);
    if (v.stale.length) out.push(`<p class="fail">Stale: the scenario changed after the results for ${esc(v.stale.join(', '))} were recorded.</p>`);
  }
  if (v.runtimes.length) {
    const newest = data.versions[data.versions.length - 1];
    const ref = newest ? data.results[newest]?.scenarios[resultKey(c, v.stdio)]?.observation : undefined;
    out.push(`<h3>Under Bun and Deno${esc(on)}</h3><p>Compared with the newest tested Node${newest ? ` (${esc(newest)})` : ''}.</p>`);
    const cols = v.runtimes.map((r) => {
      const name = r.name.split(' ')[0]!;
      const issues = upstreamLinks(headerTexts(c), name);
      const links = issues.length ? `<p>Upstream: ${issues.map((u) => `<a href="${esc(u)}">${esc(u.replace('https://github.com/', ''))}</a>`).join(', ')}</p>` : '';
      const notOn = (c.s.notOn as Record<string, string | undefined>)[name];
      if (r.verdict === 'n.a.' || !r.observation) return `<section class="outcome"><h4>${esc(r.name)}: not applicable</h4>${notOn ? `<p>${rich(notOn)}</p>` : ''}</section>`;
      if (r.sameAsNode) return `<section class="outcome same"><h4>${esc(r.name)}: behaves as Node</h4>${links}</section>`;
      const diff = ref ? behaviourDiff(ref, r.observation) : [];
      const sev = diff.length ? ` <span class="sev s${severity(diff)}">${esc(SEVERITY_WORDS[severity(diff)]!)}</span>` : '';
      const what = diff.length ? `<details class="vs" open><summary>What differs from Node ${esc(newest!)}</summary>${diff.map((d) => fieldDiffHtml(d, 'Node', name)).join('')}</details>` : '';
      return outcome(r.observation, `${r.name}: ${r.sameAsNode === false ? 'differs from Node' : 'not compared'}`, '', sev, links + what);
    });
    out.push(`<div class="side">${cols.join('')}</div>`);
  }
  return out.join('\n');
}

export function renderClaimHtml(vs: ClaimView[], data: ResultsFile, bisected?: ClaimData['bisected']): string {
  const c = vs[0]!.claim;
  const s = c.s;
  const root = claimRoot(c.id);
  const topic = TOPICS.find((t) => t.key === c.topic)!;
  const facts = [`<code>${esc(c.id)}</code>`, `<a href="${root}index.html#topic=${c.topic}">${esc(topic.title)}</a>`, `tags: ${esc(s.tags.join(', '))}`];
  if (s.node !== '*') facts.push(`applies to Node ${esc(s.node)}`);
  if (s.flags.length) facts.push(`run with <code>${esc(s.flags.join(' '))}</code>`);
  if (statesKinds(s)) facts.push(`stdout and stderr: ${esc(s.stdio.map((k) => STDIO_WORDS[k]).join('; '))}`);
  const env = Object.entries(s.env);
  const body = [
    `<p class="crumbs"><a href="${root}index.html">All claims</a> › <a href="${root}index.html#topic=${c.topic}">${esc(topic.title)}</a></p>`,
    `<h1>${rich(s.claim)}</h1>`,
    `<p class="facts">${facts.join(' · ')}</p>`,
    '<h2 id="why">Why</h2>',
    `<p>${s.why ? rich(s.why) : '<i>The scenario header has no <code>why</code> yet.</i>'}</p>`,
    `<p class="source">Source: ${rich(s.source)}</p>`,
    s.links.length ? `<p>Further reading:</p><ul>${s.links.map((l) => `<li>${rich(l)}</li>`).join('')}</ul>` : '',
    changesHtml(c, bisected),
    '<h2 id="scenario">The scenario</h2>',
    `<p><code>${esc(c.file)}</code>${env.length ? `, environment: ${env.map(([k, x]) => `<code>${esc(`${k}=${x}`)}</code>`).join(' ')}` : ''}</p>`,
    pre(s.body, 'src'),
    c.kind === 'scenario' ? `<p>Watch it: <code>npm run scenario -- ${esc(c.id)} --node 14,22,26</code></p>` : '',
    ...vs.map((v) => whatItDid(v, data)),
    '<h2 id="instead">What to do instead</h2>',
    `<p>${s.instead ? rich(s.instead) : '<i>Nothing to change: this claim describes behaviour to rely on, not a trap.</i>'}</p>`,
  ].filter(Boolean).join('\n');
  return page({ title: `${s.claim.replace(/`/g, '')} · node-async-spec`, root, kind: 'claim', body });
}
