// npm run pins-update -- [--json] | --apply <plan.json> [--matrix <matrix.json>]
//
// Pins that keep up (.github/workflows/pins.yml runs it weekly): asks the npm registry for the
// newest release of each pinned Node major and of Bun and Deno, and prints the plan (which pins
// move, and the matrix targets that show what changes: the old and the new release of each).
// With --apply it writes the plan's pins into node-versions.json and runtime-versions.json (their
// checksums are then npm run pin-integrity's) and prints the pull request's description: the
// moves, then what the matrix (its matrix.json) saw change with each.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { runtimePackage } from '../harness/node-binaries.ts';
import { pins, pinnedMajors, runtimePins } from '../harness/pins.ts';
import { ROOT, SpecError } from '../harness/project.ts';
import { fetchRegistryList, registryReleases, releasesOf } from '../harness/releases.ts';
import { printNode, printTarget, targetLabel, type Runtime } from '../harness/target.ts';
import { changeLabel } from '../harness/changes.ts';
import { claimKey } from '../harness/records.ts';
import { problems, type MatrixData } from './matrix-data.ts';
import { describeChangeShort } from './matrix-render.ts';
import { command } from './command.ts';
import { jsonObject } from './json.ts';

const USAGE = `usage: npm run pins-update -- [--json]
       npm run pins-update -- --apply <plan.json> [--matrix <matrix.json>]

Asks the npm registry for the newest release of every Node major pinned in node-versions.json
and of the runtimes in runtime-versions.json, and prints which pins would move, with the
matrix targets that show what changes (the old and the new release of each). Writes nothing.

--json             print the plan as one object (schema 1): { schema, changes: [{ pin, runtime,
                   from, to }], targets: [...] }
--apply <plan>     write the pins of a plan printed by --json into node-versions.json and
                   runtime-versions.json (each pin must still be the plan's "from"), and print
                   the pull request's description in Markdown; run npm run pin-integrity after
--matrix <file>    with --apply: the matrix.json of npm run matrix on the plan's targets: its
                   problems, and what changed between each pin's old and new release (Bun,
                   Deno: how each compares with Node), go into the description
-h, --help         this text

Exit code: 0 done; 2 bad input, or the registry cannot be reached.`;

/** One pin that moves: a Node major ("22") or a runtime ("bun"). */
export interface PinChange { pin: string; runtime: Runtime; from: string; to: string }
export interface PinPlan { changes: PinChange[]; targets: string[] }

/**
 * The plan from what is pinned and the releases the registry lists (each list oldest first, or
 * any order): a pin moves when a newer release of its major (Node) or a newer release at all
 * (Bun, Deno) is listed. A pin newer than everything listed stays.
 */
export function planPins(pinned: { node: Record<string, string>; runtimes: Partial<Record<Exclude<Runtime, 'node'>, string>> }, listed: { node: readonly string[]; runtimes: Partial<Record<Exclude<Runtime, 'node'>, readonly string[]>> }): PinPlan {
  const newest = (vs: readonly string[]) => [...vs].sort(semver.rcompare)[0];
  const changes: PinChange[] = [];
  for (const [major, from] of Object.entries(pinned.node).sort(([a], [b]) => Number(a) - Number(b))) {
    const to = newest(releasesOf({ versions: [...listed.node] }, major));
    if (to && semver.gt(to, from)) changes.push({ pin: major, runtime: 'node', from, to });
  }
  for (const [runtime, from] of Object.entries(pinned.runtimes) as [Exclude<Runtime, 'node'>, string][]) {
    const to = newest(listed.runtimes[runtime] ?? []);
    if (to && semver.gt(to, from)) changes.push({ pin: runtime, runtime, from, to });
  }
  // The matrix runs both sides of each move: a Node release by its version, Bun or Deno as runtime@version.
  const targets = changes.flatMap((c) => (c.runtime === 'node' ? [c.from, c.to] : [`${c.runtime}@${c.from}`, `${c.runtime}@${c.to}`]));
  return { changes, targets };
}

/**
 * A pins file's text with the plan's moves made, every other byte as it was; a SpecError when a
 * pin is no longer the plan's `from` (the file changed since the plan).
 */
export function applyToText(text: string, changes: readonly PinChange[], file: string): string {
  let out = text;
  for (const c of changes) {
    const key = new RegExp(`("${c.pin}"\\s*:\\s*)"([^"]*)"`);
    const m = key.exec(out);
    if (!m) throw new SpecError(`${file} pins no ${JSON.stringify(c.pin)}: the plan does not fit it`);
    if (m[2] !== c.from) throw new SpecError(`${file}: ${c.pin} is pinned to ${m[2]}, not the plan's ${c.from}: make the plan again`);
    out = out.replace(key, `$1"${c.to}"`);
  }
  return out;
}

/** The most a pull request's description may hold (GitHub: 65536 characters), with room for the end note. */
const MAX_BODY = 65_000;

/**
 * The pull request's description, from the plan and the matrix's data (its matrix.json, run on
 * the plan's targets): the moves as a table; the matrix's problems (a claim failing on a new
 * release, a change no header explains); for each Node pin, each claim whose behaviour changed
 * between its old and its new release; for Bun and Deno, how each release compares with Node.
 */
export function pullRequestBody(plan: PinPlan, data: MatrixData | undefined): string {
  const name = (c: PinChange) => (c.runtime === 'node' ? `node ${c.pin}` : c.pin);
  const out = [
    'The newest release of each pinned major (`npm run pins-update`), with checksums from `npm run pin-integrity`.',
    '',
    '| pin | from | to |',
    '| --- | --- | --- |',
    ...plan.changes.map((c) => `| ${name(c)} | ${c.from} | ${c.to} |`),
    '',
    `The matrix on the old and the new release of each (\`npm run matrix -- ${plan.targets.join(' ')}\`):`,
    '',
  ];
  if (!data) out.push('_The matrix wrote no results: see the workflow run\'s log._');
  else {
    const probs = problems(data);
    if (probs.length) out.push('## ⚠ The matrix fails', '', ...probs.map((p) => `- ${p.kind}: ${p.text.split('\n')[0]}`), '');
    for (const c of plan.changes) {
      const from = c.runtime === 'node' ? printNode(c.from) : printTarget({ runtime: c.runtime, version: c.from });
      const to = c.runtime === 'node' ? printNode(c.to) : printTarget({ runtime: c.runtime, version: c.to });
      out.push(`## ${name(c)}: ${targetLabel(from)} → ${targetLabel(to)}`, '');
      if (c.runtime === 'node') {
        const changed = data.changes.filter((x) => x.from === from && x.to === to);
        if (!(from in data.results) || !(to in data.results)) out.push('_Not both in the matrix\'s results._', '');
        else if (!changed.length) out.push('Every claim behaves the same on both.', '');
        for (const x of changed) {
          out.push(`- \`${claimKey(x)}\`: ${x.explainedBy ? `${changeLabel(x.explainedBy)}: ${x.explainedBy.what} (${x.explainedBy.link})` : '**no `changes:` entry explains it**'}`);
          for (const l of describeChangeShort(x)) out.push(`  - ${l}`);
        }
        if (changed.length) out.push('');
      } else {
        const compat = (data.compatibility ?? []).filter((x) => x.runtime === from || x.runtime === to);
        if (!compat.length) out.push('_Not compared with Node in the matrix\'s results._', '');
        for (const x of compat) out.push(`- ${targetLabel(x.runtime)} behaves as ${targetLabel(x.reference)} in ${x.same.length} of ${x.same.length + x.differs.length} claims observed on both`);
        if (compat.length) out.push('');
      }
    }
  }
  const text = out.join('\n') + '\n';
  return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY)}\n\n… (cut: the whole report is the workflow run's artifact)\n`;
}

/** Reads the matrix's matrix.json; a SpecError naming what is wrong with it. */
function readMatrix(file: string): MatrixData {
  let o: unknown;
  try {
    o = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SpecError(`--matrix ${file}: ${(e as NodeJS.ErrnoException).code ? `cannot read it (${(e as NodeJS.ErrnoException).code})` : 'not JSON'}`);
  }
  const m = o as Partial<MatrixData>;
  if (!Array.isArray(m.versions) || !m.results || !Array.isArray(m.changes)) throw new SpecError(`--matrix ${file}: not the matrix.json of npm run matrix`);
  return m as MatrixData;
}

/** Reads a plan printed by --json; a SpecError naming what is wrong with it. */
function readPlan(file: string): PinPlan {
  let o: unknown;
  try {
    o = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SpecError(`--apply ${file}: ${(e as NodeJS.ErrnoException).code ? `cannot read it (${(e as NodeJS.ErrnoException).code})` : 'not JSON'}`);
  }
  const p = o as Partial<PinPlan>;
  const ok = Array.isArray(p.targets) && Array.isArray(p.changes) && p.changes.every((c) => c && typeof c.pin === 'string' && ['node', 'bun', 'deno'].includes(c.runtime) && semver.valid(c.from) && semver.valid(c.to));
  if (!ok) throw new SpecError(`--apply ${file}: not a plan printed by npm run pins-update -- --json`);
  return p as PinPlan;
}

/** What the registry lists now: every Node release (asked afresh), and every release of the Bun and Deno packages for this platform. */
async function listed(): Promise<Parameters<typeof planPins>[1]> {
  const node = (await registryReleases({ refresh: true })).versions;
  const runtimes: Partial<Record<Exclude<Runtime, 'node'>, string[]>> = {};
  for (const r of Object.keys(runtimePins()) as Exclude<Runtime, 'node'>[]) {
    const where = runtimePackage(r);
    if (where) runtimes[r] = (await fetchRegistryList(where.pkg)).versions;
  }
  return { node, runtimes };
}

export const spec = command({
  name: 'pins-update',
  usage: USAGE,
  options: { json: { type: 'boolean' }, apply: { type: 'string' }, matrix: { type: 'string' } },
  async run(v) {
    if (v.matrix !== undefined && v.apply === undefined) throw new SpecError('--matrix goes with --apply');
    if (v.apply !== undefined) {
      if (v.json) throw new SpecError('--apply prints the description: no --json with it');
      const plan = readPlan(v.apply);
      const data = v.matrix === undefined ? undefined : readMatrix(v.matrix);
      const files = { node: join(ROOT, 'node-versions.json'), runtimes: join(ROOT, 'runtime-versions.json') };
      // Both files checked before either is written.
      const node = applyToText(readFileSync(files.node, 'utf8'), plan.changes.filter((c) => c.runtime === 'node'), 'node-versions.json');
      const runtimes = applyToText(readFileSync(files.runtimes, 'utf8'), plan.changes.filter((c) => c.runtime !== 'node'), 'runtime-versions.json');
      writeFileSync(files.node, node);
      writeFileSync(files.runtimes, runtimes);
      process.stdout.write(pullRequestBody(plan, data));
      return 0;
    }
    const plan = planPins({ node: pins(), runtimes: runtimePins() }, await listed());
    if (v.json) process.stdout.write(jsonObject(plan));
    else if (!plan.changes.length) process.stdout.write(`every pin is the newest release of its line (Node ${pinnedMajors().join(', ')}; ${Object.keys(runtimePins()).join(', ')})\n`);
    else for (const c of plan.changes) process.stdout.write(`${c.runtime === 'node' ? `node ${c.pin}` : c.pin}: ${c.from} -> ${c.to}\n`);
    return 0;
  },
}, import.meta.url);
