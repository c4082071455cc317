// npm run pins-update -- [--json] | --apply <plan.json> [--report <report.md>]
//
// Pins that keep up (.github/workflows/pins.yml runs it weekly): asks the npm registry for the
// newest release of each pinned Node major and of Bun and Deno, and prints the plan (which pins
// move, and the matrix targets that show what changes: the old and the new release of each).
// With --apply it writes the plan's pins into node-versions.json and runtime-versions.json (their
// checksums are then npm run pin-integrity's) and prints the pull request's description: the
// moves, then the matrix's "what changed" report for them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { runtimePackage } from '../harness/node-binaries.ts';
import { pins, pinnedMajors, runtimePins } from '../harness/pins.ts';
import { ROOT, SpecError } from '../harness/project.ts';
import { fetchRegistryList, registryReleases, releasesOf } from '../harness/releases.ts';
import type { Runtime } from '../harness/target.ts';
import { command } from './command.ts';
import { jsonObject } from './json.ts';

const USAGE = `usage: npm run pins-update -- [--json]
       npm run pins-update -- --apply <plan.json> [--report <report.md>]

Asks the npm registry for the newest release of every Node major pinned in node-versions.json
and of the runtimes in runtime-versions.json, and prints which pins would move, with the
matrix targets that show what changes (the old and the new release of each). Writes nothing.

--json             print the plan as one object (schema 1): { schema, changes: [{ pin, runtime,
                   from, to }], targets: [...] }
--apply <plan>     write the pins of a plan printed by --json into node-versions.json and
                   runtime-versions.json (each pin must still be the plan's "from"), and print
                   the pull request's description in Markdown; run npm run pin-integrity after
--report <file>    with --apply: the matrix's report.md for the plan's targets, whose "What
                   changed between versions" and later sections go into the description
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

/** The pull request's description: the moves as a table, then the matrix report's sections from "What changed" on. */
export function pullRequestBody(plan: PinPlan, report: string | undefined): string {
  const out = [
    'The newest release of each pinned major (`npm run pins-update`), with checksums from `npm run pin-integrity`.',
    '',
    '| pin | from | to |',
    '| --- | --- | --- |',
    ...plan.changes.map((c) => `| ${c.runtime === 'node' ? `node ${c.pin}` : c.pin} | ${c.from} | ${c.to} |`),
    '',
    `The matrix on the old and the new release of each (\`npm run matrix -- ${plan.targets.join(' ')}\`):`,
    '',
  ];
  const at = report?.indexOf('## What changed between versions') ?? -1;
  if (report === undefined) out.push('_The matrix wrote no report: see the workflow run\'s log._');
  else out.push(at >= 0 ? report.slice(at).trim() : report.trim());
  const text = out.join('\n') + '\n';
  return text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY)}\n\n… (cut: the whole report is the workflow run's artifact)\n`;
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
  options: { json: { type: 'boolean' }, apply: { type: 'string' }, report: { type: 'string' } },
  async run(v) {
    if (v.report !== undefined && v.apply === undefined) throw new SpecError('--report goes with --apply');
    if (v.apply !== undefined) {
      if (v.json) throw new SpecError('--apply prints the description: no --json with it');
      const plan = readPlan(v.apply);
      if (v.report !== undefined && !existsSync(v.report)) throw new SpecError(`--report ${v.report}: no such file`);
      const files = { node: join(ROOT, 'node-versions.json'), runtimes: join(ROOT, 'runtime-versions.json') };
      // Both files checked before either is written.
      const node = applyToText(readFileSync(files.node, 'utf8'), plan.changes.filter((c) => c.runtime === 'node'), 'node-versions.json');
      const runtimes = applyToText(readFileSync(files.runtimes, 'utf8'), plan.changes.filter((c) => c.runtime !== 'node'), 'runtime-versions.json');
      writeFileSync(files.node, node);
      writeFileSync(files.runtimes, runtimes);
      process.stdout.write(pullRequestBody(plan, v.report === undefined ? undefined : readFileSync(v.report, 'utf8')));
      return 0;
    }
    const plan = planPins({ node: pins(), runtimes: runtimePins() }, await listed());
    if (v.json) process.stdout.write(jsonObject(plan));
    else if (!plan.changes.length) process.stdout.write(`every pin is the newest release of its line (Node ${pinnedMajors().join(', ')}; ${Object.keys(runtimePins()).join(', ')})\n`);
    else for (const c of plan.changes) process.stdout.write(`${c.runtime === 'node' ? `node ${c.pin}` : c.pin}: ${c.from} -> ${c.to}\n`);
    return 0;
  },
}, import.meta.url);
