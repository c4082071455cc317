// The rendering half of `npm run matrix`: the claims x versions table (terminal and Markdown),
// each observed change described, the Markdown report and the compatibility sections. Reads the
// data tools/matrix-data.ts makes; the same data gives the same bytes.
import semver from 'semver';
import { SEVERITY_WORDS } from '../harness/observation.ts';
import { bareVersion, targetLabel } from '../harness/target.ts';
import { sideBySide } from './markdown.ts';
import { claimKey } from '../harness/records.ts';
import { claimIds, problems, skippedClaims, unobservedDeclarations, type Compatibility, type MatrixData, type ObservedChange } from './matrix-data.ts';

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column { versions: string[]; label: string }
type Cell = { text: string; changed: boolean };

function cellFor(data: MatrixData, id: string, v: string, changed: Set<string>): Cell {
  const s = data.results[v]?.scenarios[id];
  const text = !s ? '—' : s.verdict === 'pass' ? 'pass' : s.verdict === 'fail' ? 'FAIL' : s.verdict === 'skipped' ? 'skip' : 'n.a.';
  return { text, changed: changed.has(`${id}@${v}`) };
}

/** Rows: claims by key (a scenario id, one row per stdout kind for a scenario that states kinds). Columns: runs of adjacent versions where no row differs. */
export function table(data: MatrixData): { rows: string[]; columns: Column[]; cells: Cell[][] } {
  const rows = claimIds(data.versions.map((v) => data.results[v]!).filter(Boolean), data.scenarios).map((c) => c.key);
  const changed = new Set(data.changes.map((c) => `${claimKey(c)}@${c.to}`));
  const groups: string[][] = [];
  for (const v of data.versions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const sameAsPrev = prev !== undefined && !data.results[v]?.error && !data.results[prev]?.error && rows.every((id) => {
      const a = cellFor(data, id, prev, changed), b = cellFor(data, id, v, changed);
      return a.text === b.text && !b.changed;
    });
    if (sameAsPrev) last!.push(v);
    else groups.push([v]);
  }
  const majors = data.versions.map((v) => semver.major(v));
  const byMajor = new Set(majors).size === majors.length;
  const name = (v: string) => (byMajor ? String(semver.major(v)) : bareVersion(v));
  const columns = groups.map((g) => ({ versions: g, label: g.length === 1 ? name(g[0]!) : `${name(g[0]!)}–${name(g[g.length - 1]!)}` }));
  const cells = rows.map((id) => columns.map((c) => cellFor(data, id, c.versions[0]!, changed)));
  return { rows, columns, cells };
}

const MARK = 'Δ';

export function terminalTable(data: MatrixData): string {
  const t = table(data);
  const head = ['claim', ...t.columns.map((c) => c.label)];
  const body = t.rows.map((id, i) => [id, ...t.cells[i]!.map((c) => c.text + (c.changed ? ` ${MARK}` : ''))]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const line = (r: string[]) => r.map((x, j) => x.padEnd(widths[j]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}

export function markdownTable(data: MatrixData): string {
  const t = table(data);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| claim | ${t.columns.map((c) => c.label).join(' | ')} |`, `|---|${t.columns.map(() => ':-:').join('|')}|`];
  t.rows.forEach((id, i) => {
    lines.push(`| \`${id}\` | ${t.cells[i]!.map((c) => esc(c.text === 'FAIL' ? '**FAIL**' : c.text) + (c.changed ? ` ${MARK}` : '')).join(' | ')} |`);
  });
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Describing a change

function show(v: unknown): string {
  if (v === null) return 'none';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  if (Array.isArray(v)) return v.length ? v.join('\n') : '(none)';
  return String(v);
}


/** A field's value as lines: a string's lines, an array's elements, anything else one line. */
function asLines(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.replace(/\n$/, '').split('\n');
  return [show(v)];
}

/** Where two values first differ, and what each side has there. */
export interface Excerpt {
  /** The first differing line (1-based), when either side has more than one line. */
  line?: number;
  /** Each side from a little before its first differing character, clipped to the width. */
  before: string;
  after: string;
  /** Further lines that differ after the one shown (on the side with more of them). */
  more: number;
}

/**
 * The difference between two values as a person reads it: the lines both share at the start and
 * at the end are skipped, and the first differing line of each side is shown from a few
 * characters before its first differing character, so that a change at the end of a long line
 * or an added line is what shows, not the text both sides share (lines that fit the width are
 * shown whole). A side with no line there reads
 * "(no line)"; a line cut reads "…" where it is cut.
 */
export function excerpt(before: unknown, after: unknown, width = 70, context = 12): Excerpt {
  const b = asLines(before), a = asLines(after);
  let head = 0;
  while (head < b.length && head < a.length && b[head] === a[head]) head++;
  let tail = 0;
  while (tail < b.length - head && tail < a.length - head && b[b.length - 1 - tail] === a[a.length - 1 - tail]) tail++;
  const bMid = b.slice(head, b.length - tail), aMid = a.slice(head, a.length - tail);
  const x = bMid[0], y = aMid[0];
  let col = 0;
  if (x !== undefined && y !== undefined) while (col < x.length && col < y.length && x[col] === y[col]) col++;
  // Lines that fit are shown whole; a longer one from a little before the first difference.
  const fits = (x ?? '').length <= width && (y ?? '').length <= width;
  const start = fits ? 0 : Math.max(0, col - context);
  const cut = (s: string | undefined) => {
    if (s === undefined) return '(no line)';
    const from = (start > 0 ? '…' : '') + s.slice(start);
    return from.length > width ? from.slice(0, width - 1) + '…' : from;
  };
  const multi = b.length > 1 || a.length > 1;
  return { ...(multi ? { line: head + 1 } : {}), before: cut(x), after: cut(y), more: Math.max(bMid.length, aMid.length) - 1 };
}

/** One line per differing field, for the terminal: each side from where they first differ (excerpt()). */
export function describeChangeShort(c: ObservedChange): string[] {
  return c.diff.map((d) => {
    const e = excerpt(d.before, d.after);
    const where = e.line !== undefined ? ` line ${e.line}` : '';
    const more = e.more > 0 ? ` (and ${e.more} more line${e.more === 1 ? '' : 's'})` : '';
    return `${d.field}${where}: ${e.before} -> ${e.after}${more}`;
  });
}

function mdInline(v: unknown): string | null {
  const s = show(v);
  if (s.includes('\n') || s.length > 80) return null;
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

function mdBlock(v: unknown): string[] {
  const s = show(v).replace(/\n$/, '');
  const fence = s.includes('```') ? '~~~~' : '```';
  return [`    ${fence}text`, ...s.split('\n').map((l) => '    ' + l), `    ${fence}`];
}

/** A field's before and after: on one line when both are short, else as two text blocks. */
function mdDiff(d: { field: string; before: unknown; after: unknown }): string[] {
  const b = mdInline(d.before), a = mdInline(d.after);
  if (b !== null && a !== null) return [`- ${d.field}: ${b} → ${a}`];
  return [`- ${d.field}:`, '  - before:', '', ...mdBlock(d.before), '', '  - after:', '', ...mdBlock(d.after), ''];
}

// ---------------------------------------------------------------------------------------------
// The Markdown report

export function markdownReport(data: MatrixData): string {
  const out: string[] = [];
  const probs = problems(data);
  out.push('# Node version matrix', '');
  out.push(`Platform: ${data.platform}-${data.arch}. Versions: ${data.versions.join(', ')}.` + (data.only?.length ? ` Limited to scenarios starting with ${data.only.map((o) => `\`${o}\``).join(', ')}.` : ''), '');
  out.push('Generated by `npm run matrix` from `spec/node`. Cells: pass, **FAIL**, n.a. (the scenario declares a Node range that excludes the version), skip (skipped for another reason, listed below), — (not run). ' +
    `${MARK} marks the first version where the claim's observed behaviour (exit code, signal, exit event, exit-handler output, stdout, stderr highlights; stack frames and excerpts of Node's own source left out) differs from the previous tested version. Adjacent versions with identical results share a column.`, '');
  const unexplained = data.changes.filter((c) => !c.explainedBy);
  if (probs.length) {
    out.push('## ⚠ Problems', '');
    out.push('The matrix fails: ' + [
      probs.some((p) => p.kind === 'fail') ? 'pinned expectations fail' : '',
      unexplained.length ? 'behaviour changes that no scenario header explains' : '',
      probs.some((p) => p.kind === 'error') ? 'runs that did not complete' : '',
      probs.some((p) => p.kind === 'skipped') ? 'claims skipped without a reason' : '',
    ].filter(Boolean).join('; ') + '.', '');
    for (const p of probs) out.push(`- ${p.kind === 'unexplained' ? '**UNEXPLAINED CHANGE**: ' : p.kind === 'error' ? '**RUN ERROR**: ' : p.kind === 'skipped' ? '**SKIPPED WITHOUT A REASON**: ' : '**FAIL**: '}${p.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  const skips = skippedClaims(data).filter((x) => x.reason);
  if (skips.length) {
    out.push('## Skipped', '', 'Claims not run on a version for a reason other than their Node range (not failures; not checked there either):', '');
    for (const x of skips) out.push(`- \`${x.scenario}\` on ${targetLabel(x.target)}: ${x.reason}`);
    out.push('');
  }
  out.push('## Results', '', markdownTable(data));
  out.push('## What changed between versions', '');
  if (!data.changes.length) out.push('No claim\'s observed behaviour differs between the tested versions.', '');
  for (const c of data.changes) {
    out.push(`### \`${claimKey(c)}\`: changes in ${targetLabel(c.to)}`, '');
    out.push(`> ${c.claim}`, '');
    out.push(`- First observed in **${targetLabel(c.to)}** (previous tested version: ${targetLabel(c.from)}).`);
    if (c.explainedBy) out.push(`- Explained: ${c.explainedBy.in !== undefined ? `since ${c.explainedBy.in}` : `the ${c.explainedBy.never}.x line never got it`}, ${c.explainedBy.what} (${c.explainedBy.link})`);
    else out.push(`- **⚠ UNEXPLAINED: the data shows a change but \`scenarios/${c.scenario}\` has no \`changes:\` entry with a version in (${bareVersion(c.from)}, ${bareVersion(c.to)}]. Add one (first version and a link) or fix the scenario.**`);
    for (const d of c.diff) out.push(...mdDiff(d));
    out.push('');
  }
  const quiet = unobservedDeclarations(data);
  if (quiet.length) {
    out.push('## Declared changes not observed', '');
    out.push('These `changes:` entries fall between two tested versions, but the observed behaviour is identical on both sides (the change may concern something the scenario does not observe).', '');
    for (const q of quiet) out.push(`- \`${claimKey(q)}\`: ${q.change.in} — ${q.change.what} (${q.change.link}); same behaviour on ${q.between[0]} and ${q.between[1]}`);
    out.push('');
  }
  for (const c of data.compatibility ?? []) out.push(...markdownCompatibility(c));
  if (data.unclaimed.length) {
    out.push('## Scenarios not in the matrix', '');
    out.push('No spec under `spec/node` claims these scenarios (Lambda scenarios are checked by `spec/lambda`):', '');
    for (const id of data.unclaimed) out.push(`- \`${id}\``);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

// ---------------------------------------------------------------------------------------------
// The compatibility sections

const cellText = (v: unknown) => show(v).replace(/\n$/, '');

/** A runtime's compatibility for the terminal: the count, then each difference, most consequential first. */
export function terminalCompatibility(c: Compatibility): string {
  const observed = c.same.length + c.differs.length;
  const out = [`Compatibility: ${targetLabel(c.runtime)} behaves as ${targetLabel(c.reference)} in ${c.same.length} of ${observed} claims` +
    `${c.notApplicable.length ? ` (${c.notApplicable.length} n.a.)` : ''}${c.unmatched.length ? ` (${c.unmatched.length} observed on one side only: ${c.unmatched.join(', ')})` : ''}.`];
  for (const d of c.differs) {
    out.push(`  [${SEVERITY_WORDS[d.severity] ?? d.severity}] ${claimKey(d)}`);
    for (const f of d.diff) {
      const e = excerpt(f.before, f.after, 60);
      const where = e.line !== undefined ? ` line ${e.line}` : '';
      out.push(`      ${f.field}${where}: node ${e.before}  |  ${c.runtime.split(' ')[0]} ${e.after}${e.more > 0 ? ` (and ${e.more} more line${e.more === 1 ? '' : 's'})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A runtime's compatibility as a Markdown section: each difference as a table, the two outputs side by side. */
export function markdownCompatibility(c: Compatibility): string[] {
  const observed = c.same.length + c.differs.length;
  const lines = (v: unknown) => {
    const t = cellText(v);
    return t === '' ? ['(empty)'] : t.split('\n');
  };
  const out = [`## Compatibility: ${c.runtime}`, ''];
  out.push(`${targetLabel(c.runtime)} behaves as ${targetLabel(c.reference)} (the newest pinned release) in **${c.same.length} of ${observed}** claims observed on both.` +
    (c.notApplicable.length ? ` ${c.notApplicable.length} do not apply to it: ${c.notApplicable.map((x) => `\`${x}\``).join(', ')}.` : '') +
    (c.unmatched.length ? ` Observed on one side only: ${c.unmatched.map((x) => `\`${x}\``).join(', ')}.` : ''), '');
  if (c.differs.length) out.push('Where it does not, most consequential first (a hang, then the exit code or signal, then output, then the exit event, then stderr text):', '');
  for (const d of c.differs) {
    out.push(`### \`${claimKey(d)}\` (${SEVERITY_WORDS[d.severity] ?? d.severity})`, '', `> ${d.claim}`, '');
    out.push(...sideBySide([targetLabel(c.reference), targetLabel(c.runtime)], d.diff.map((f) => ({ field: f.field, before: lines(f.before), after: lines(f.after) }))));
    out.push('');
  }
  return out;
}
