// Renders the catalogue: docs/claims/<id>.md (one page per claim, committed, ending with the
// claim's own results as data) and the site built into docs/site/ (not committed: CI builds and
// deploys it): index.md here, the HTML pages and results.json by tools/catalog-site.ts. Pure
// functions of the claims and the results: no clock, no environment.
import semver from 'semver';
import { confirms } from '../harness/changes.ts';
import { ending, stderrHighlights } from '../harness/observation.ts';
import { STDIO_WORDS } from '../harness/stdio.ts';
import { statesKinds } from '../harness/scenario.ts';
import { claimKinds, resultKey, TOPICS, versionLabel, views as viewsOf, type Claim, type ClaimView } from './catalog-model.ts';
import { claimData, claimPage, dataBlock, type ClaimData, type ResultsFile } from './catalog-pages.ts';
import { explainSection } from './catalog-explain.ts';
import { siteFiles } from './catalog-site.ts';

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

export { rowId, rowStdio } from './catalog-model.ts';

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

/**
 * The site (docs/site/, not committed), by path relative to docs/site/: index.md here, the rest
 * from tools/catalog-site.ts (the HTML pages, results.json, the shared stylesheet and script).
 */
export function renderSite(claims: Claim[], data: ResultsFile, bisected: Record<string, ClaimData['bisected']> = {}): Map<string, string> {
  const views = claims.flatMap((c) => viewsOf(c, data));
  return new Map([['index.md', renderReadme(views, data)], ...siteFiles(claims, data, bisected)]);
}
