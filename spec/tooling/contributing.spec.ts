// CONTRIBUTING.md cannot drift from the code: its worked example is quoted from the real files, and
// this test holds every quotation to them. A code block after `<!-- file: <path> -->` is that
// file's whole text; after `<!-- excerpt: <path> -->`, lines found in that file as they stand, one
// after another. Every repository path the page names in backticks exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';

const PAGE = 'CONTRIBUTING.md';
const page = readFileSync(join(ROOT, PAGE), 'utf8');

interface Quote { kind: 'file' | 'excerpt'; path: string; text: string; at: number }

/** The page's quotations: each marker comment and the fenced code block right after it. */
function quotes(md: string): Quote[] {
  const out: Quote[] = [];
  const marker = /<!-- (file|excerpt): (\S+) -->\n(?:[ \t]*\n)*(```+)[^\n]*\n/g;
  for (let m; (m = marker.exec(md)); ) {
    const fence = m[3]!;
    const start = m.index + m[0].length;
    const end = md.indexOf(`\n${fence}\n`, start - 1);
    if (end < 0) throw new Error(`${PAGE}: the code block after ${m[0].split('\n')[0]} never closes`);
    out.push({ kind: m[1] as Quote['kind'], path: m[2]!, text: md.slice(start, end + 1), at: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** Whether `lines` occur in `text` as consecutive whole lines. */
function containsLines(text: string, lines: string): boolean {
  return ('\n' + text).includes('\n' + lines);
}

describe(`${PAGE} quotes the code as it is`, () => {
  const qs = quotes(page);

  it('quotes the worked example whole: its scenario and its spec file', () => {
    expect(qs.filter((q) => q.kind === 'file').map((q) => q.path)).toEqual(['scenarios/timers/immediate-vs-timeout.js', 'spec/node/timers.spec.ts']);
  });

  it('quotes an excerpt of a claim with per-version and per-runtime rows, and the headers that go with them', () => {
    const excerpts = qs.filter((q) => q.kind === 'excerpt');
    expect(excerpts.map((q) => q.path)).toEqual(expect.arrayContaining(['spec/node/errors.spec.ts', 'scenarios/errors/timer-throw.js', 'scenarios/workers/resource-limits.js']));
    const all = excerpts.map((q) => q.text).join('');
    for (const word of ["'*'", 'bun:', 'deno:', 'snapshot`', 'line(', '<frames>', "'<17.0.0'", 'changes:', 'not-on:']) expect(all, word).toContain(word);
  });

  for (const q of qs) {
    it(`line ${q.at}: ${q.kind === 'file' ? 'the whole of' : 'an excerpt of'} ${q.path}`, () => {
      const abs = join(ROOT, q.path);
      expect(existsSync(abs), `${q.path} exists`).toBe(true);
      const text = readFileSync(abs, 'utf8');
      if (q.kind === 'file') expect(q.text).toBe(text);
      else expect(containsLines(text, q.text), `these lines, one after another, in ${q.path}:\n${q.text}`).toBe(true);
    });
  }

  it('names only paths that exist', () => {
    const named = [...page.matchAll(/`((?:scenarios|spec|harness|tools|lambda|docs)\/[^`\s]*)`/g)].map((m) => m[1]!);
    // Placeholders (<topic>) and the indexes CI builds and never commits (docs/site/) are not files here.
    const real = named.filter((p) => !p.includes('<') && !p.startsWith('docs/site/'));
    expect(real.length).toBeGreaterThan(5);
    expect(real.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('runs only scenarios that exist in its commands', () => {
    const ids = [...page.matchAll(/npm run (?:scenario|bisect) -- ([\w-]+\/[\w-]+)|--only ([\w-]+\/[\w-]+)/g)].map((m) => (m[1] ?? m[2])!);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(existsSync(join(ROOT, 'scenarios', `${id}.js`)) || existsSync(join(ROOT, 'scenarios', `${id}.mjs`)), id).toBe(true);
  });
});

describe('the quotation check itself', () => {
  it('finds a marked block, and fails a quotation that is not in its file', () => {
    const md = 'x\n<!-- excerpt: a.ts -->\n```ts\none\ntwo\n```\n';
    const [q] = quotes(md);
    expect(q).toEqual({ kind: 'excerpt', path: 'a.ts', text: 'one\ntwo\n', at: 2 });
    expect(containsLines('zero\none\ntwo\nthree\n', q!.text)).toBe(true);
    expect(containsLines('zero\none\nthree\ntwo\n', q!.text)).toBe(false);
    expect(containsLines('zero\nnone\ntwo\n', 'one\ntwo\n')).toBe(false);
  });
});
