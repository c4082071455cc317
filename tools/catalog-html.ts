// What every page of the catalogue site (docs/site/, tools/catalog-site.ts) shares: escaping, a
// header's text as HTML (code spans, links, the articles cited as `seeds/….txt` named by their
// title and linked nowhere), the page around the content, and a difference in one field of
// behaviour shown from its first differing line. Pure functions: no clock, no environment.
import { FIELD_SEVERITY, SEVERITY_WORDS, type FieldDiff } from '../harness/observation.ts';
import { SEED_CITATION, SEEDS } from './catalog-seeds.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const URL_RE = /\bhttps?:\/\/[^\s)>\]]+[^\s)>\].,;:]/g;

/** A cited article: its title (and its English), never a link (the file is not in the repository). */
export function seedHtml(file: string): string {
  const s = SEEDS[file];
  if (!s) return `<cite class="seed" title="${esc(file)}">an article kept outside the repository</cite>`;
  return `<cite class="seed" title="${esc(`${file}: ${s.english}`)}" lang="ko">${esc(s.title)}</cite> <span class="en">(${esc(s.english)}${s.byline ? `; ${esc(s.byline)}` : ''})</span>`;
}

/** Plain text with its URLs as links and its seed citations as titles. */
function prose(t: string): string {
  const out: string[] = [];
  let at = 0;
  const marks = [...t.matchAll(new RegExp(`${URL_RE.source}|${SEED_CITATION.source}`, 'g'))];
  for (const m of marks) {
    out.push(esc(t.slice(at, m.index)));
    const x = m[0];
    out.push(x.startsWith('seeds/') ? seedHtml(x) : `<a href="${esc(x)}">${esc(x.replace(/^https?:\/\//, ''))}</a>`);
    at = m.index! + x.length;
  }
  out.push(esc(t.slice(at)));
  return out.join('');
}

/** A header's text as HTML: `code` spans, links, seed citations; everything else escaped. */
export function rich(s: string): string {
  return s.split(/(`[^`]*`)/).map((p) => (p.startsWith('`') && p.endsWith('`') && p.length > 1 ? `<code>${esc(p.slice(1, -1))}</code>` : prose(p))).join('');
}

/** The upstream issues and pull requests a runtime's repository has, as a header cites them. */
export const RUNTIME_REPOS: Record<string, string> = { bun: 'oven-sh/bun', deno: 'denoland/deno' };

/** Every URL a text names that is an issue or pull request of `runtime`'s repository, in order, once each. */
export function upstreamLinks(texts: string[], runtime: string): string[] {
  const repo = RUNTIME_REPOS[runtime];
  if (!repo) return [];
  const re = new RegExp(`https://github\\.com/${repo.replace('/', '\\/')}/(?:issues|pull)/\\d+`, 'g');
  return [...new Set(texts.flatMap((t) => t.match(re) ?? []))];
}

/** A Node release's notes on GitHub. */
export const releaseUrl = (v: string) => `https://github.com/nodejs/node/releases/tag/${v.startsWith('v') ? v : `v${v}`}`;

// ---- differences ---------------------------------------------------------------------------------

const MAX_LINES = 30;

function asLines(v: unknown): string[] {
  if (v === null) return ['(not observable here)'];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v === '' ? [] : v.replace(/\n$/, '').split('\n');
  return [String(v)];
}

/**
 * Two texts' lines from the first that differs to the last that differs: the common lines before
 * and after are counted, not shown, so a change at the end of a long stderr is seen.
 */
export function lineDiff(a: string[], b: string[]): { same: number; removed: string[]; added: string[]; after: number } {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return { same: i, removed: a.slice(i, a.length - j), added: b.slice(i, b.length - j), after: j };
}

const cap = (ls: string[]) => (ls.length > MAX_LINES ? [...ls.slice(0, MAX_LINES), `… ${ls.length - MAX_LINES} more lines`] : ls);

/** One field's difference, as HTML: a scalar as before → after, text as the lines that differ. */
export function fieldDiffHtml(d: FieldDiff, beforeLabel: string, afterLabel: string): string {
  const a = asLines(d.before), b = asLines(d.after);
  const head = `<div class="fd"><div class="fh"><b>${esc(d.field)}</b> <span class="sev s${FIELD_SEVERITY[d.field]}">${esc(SEVERITY_WORDS[FIELD_SEVERITY[d.field]]!)}</span></div>`;
  const oneLine = (v: unknown) => !Array.isArray(v) && (typeof v !== 'string' || (v !== '' && !v.includes('\n')));
  if (oneLine(d.before) && oneLine(d.after)) {
    return `${head}<div><span class="rm">${esc(beforeLabel)}: ${esc(a.join(' '))}</span> → <span class="ad">${esc(afterLabel)}: ${esc(b.join(' '))}</span></div></div>`;
  }
  const x = lineDiff(a, b);
  const lines = [
    ...(x.same ? [`<span class="ctx">… ${x.same} line${x.same === 1 ? '' : 's'} the same</span>`] : []),
    ...cap(x.removed).map((l) => `<span class="rm">- ${esc(l)}</span>`),
    ...(x.removed.length ? [] : [`<span class="ctx">(${esc(beforeLabel)}: nothing here)</span>`]),
    ...cap(x.added).map((l) => `<span class="ad">+ ${esc(l)}</span>`),
    ...(x.added.length ? [] : [`<span class="ctx">(${esc(afterLabel)}: nothing here)</span>`]),
    ...(x.after ? [`<span class="ctx">… ${x.after} line${x.after === 1 ? '' : 's'} the same</span>`] : []),
  ];
  // Each line a block of its own: no newline between them (it would show as an empty line).
  return `${head}<pre class="diff">${lines.join('')}</pre></div>`;
}

/** The same difference as one line of plain text (a cell's tooltip). */
export function fieldDiffText(d: FieldDiff): string {
  const x = lineDiff(asLines(d.before), asLines(d.after));
  const first = (ls: string[]) => (ls[0] === undefined ? '(nothing)' : ls[0].length > 80 ? `${ls[0].slice(0, 80)}…` : ls[0]);
  return `${d.field}: ${first(x.removed)} → ${first(x.added)}`;
}

// ---- the page ------------------------------------------------------------------------------------

/** A page of the site: `root` is the relative path back to docs/site/ ("" or "../../"). */
export function page(o: { title: string; root: string; kind: string; body: string }): string {
  const r = o.root;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${r}site.css">
</head>
<body data-page="${o.kind}">
<nav class="top"><a href="${r}index.html">Claims</a><a href="${r}runtime-bun.html">Bun</a><a href="${r}runtime-deno.html">Deno</a><a href="${r}upgrade.html">Upgrade</a><a href="${r}results.json">results.json</a></nav>
<main>
${o.body}
</main>
<script src="${r}site.js"></script>
</body>
</html>
`;
}

/** A claim's page on the site, relative to docs/site/. */
export const claimPageHtml = (id: string) => `claims/${id}.html`;

/** The path back to docs/site/ from a claim's page. */
export const claimRoot = (id: string) => '../'.repeat(id.split('/').length);
