// The harness: find scenarios, read their headers, run one in a child process under a chosen Node
// binary, observe its `exit` event, and normalise what it printed. Every spec and every command
// (scenario, matrix, catalog, bench) goes through this module. It does not depend on vitest.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import YAML from 'yaml';
import { ROOT, RUNTIMES, SpecError, type Runtime, type Target } from './node-binaries.ts';
import { normalise, type Observation } from './observation.ts';
import { parseTarget, printTarget, type Release } from './target.ts';
import { runGroup, type GroupRun } from './procs.ts';

export { ROOT, SpecError, resolveTarget, type Target } from './node-binaries.ts';
export type { Observation } from './observation.ts';

export const SCENARIOS = join(ROOT, 'scenarios');
const OBSERVER = join(ROOT, 'harness', 'observer.cjs');
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The topics a scenario can be tagged with. A tag outside this list is an error. */
export const TAGS = [
  'event-loop', 'promise', 'handles', 'timers', 'streams', 'exit', 'beforeExit', 'exitCode', 'esm',
  'errors', 'try-catch', 'modules', 'uncaughtException', 'rejections', 'events', 'async-context',
  'domain', 'cluster', 'http', 'lambda', 'article',
  'signals', 'shutdown', 'output', 'workers', 'child-process', 'abort', 'network', 'keep-alive',
  'node-test', 'diagnostics', 'warnings', 'deprecation', 'exit-codes',
] as const;

/** Header fields: name -> whether required. Anything else is an error. */
const FIELDS: Record<string, boolean> = {
  claim: true, // one sentence
  source: true, // article file and section, Node docs or issue link
  tags: true, // list, from TAGS
  node: false, // semver range of Node versions the scenario applies to (default: any)
  runtimes: false, // the runtimes it applies to (default: node, bun, deno); another is n.a.
  'not-on': false, // runtimes it does not apply to, each with the reason (and a link): { deno: '...' }
  flags: false, // list of node CLI flags
  env: false, // map of extra environment variables
  timeout: false, // time limit in ms (default DEFAULT_TIMEOUT_MS)
  why: false, // a short explanation in plain words (catalog)
  instead: false, // the safe pattern (catalog)
  links: false, // further reading: list of URLs
  changes: false, // version changes: list of { in: '15.0.0', what: '...', link: 'https://...' }
};

/**
 * A change in behaviour: `in` is the first release observed to behave the new way. A release line
 * that never got a change others got (a backport that skipped it) is stated as `never: '21'`.
 */
export type VersionChange = { in: string; what: string; link: string; never?: undefined } | { never: string; what: string; link: string; in?: undefined };

export interface Scenario {
  /** Path under scenarios/ without extension, e.g. "lifecycle/pending-await". For files elsewhere: their path. */
  id: string;
  file: string;
  claim: string;
  source: string;
  tags: string[];
  node: string;
  runtimes: Runtime[];
  /** Why it does not apply to a runtime (header `not-on`): the runtimes named here are left out of `runtimes`. */
  notOn: Partial<Record<Runtime, string>>;
  flags: string[];
  env: Record<string, string>;
  timeout: number;
  why?: string;
  instead?: string;
  links: string[];
  changes: VersionChange[];
  /** The file's text after the header. */
  body: string;
  /** hashText of the file's text as read here: every result of this Scenario is stamped with it (the text that ran, not a later one). */
  hash: string;
}

const HEADER = /^(?:#![^\n]*\n)?\s*\/\*---\r?\n([\s\S]*?)\r?\n---\*\//;

function fail(file: string, msg: string): never {
  throw new SpecError(`${relative(process.cwd(), file) || file}: ${msg}`);
}

/** Reads and validates a scenario's metadata header. */
export function readScenario(file: string): Scenario {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new SpecError(`${file}: cannot read scenario (${(e as NodeJS.ErrnoException).code})`);
  }
  const m = HEADER.exec(text);
  if (!m) fail(abs, 'no metadata header: a scenario starts with a /*--- ... ---*/ block (see CONTRIBUTING.md)');
  let meta: unknown;
  try {
    meta = YAML.parse(m[1]!);
  } catch (e) {
    fail(abs, `malformed header: ${String((e as Error).message).split('\n')[0]}`);
  }
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) fail(abs, 'malformed header: expected key: value lines');
  const h = meta as Record<string, unknown>;
  for (const k of Object.keys(h)) if (!(k in FIELDS)) fail(abs, `unknown header field "${k}" (known: ${Object.keys(FIELDS).join(', ')})`);
  for (const [k, req] of Object.entries(FIELDS)) if (req && (h[k] === undefined || h[k] === null || h[k] === '')) fail(abs, `header field "${k}" is required`);
  const str = (k: string): string | undefined => {
    const v = h[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') fail(abs, `header field "${k}" must be a string`);
    return v.trim();
  };
  const list = (k: string): string[] => {
    const v = h[k] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(abs, `header field "${k}" must be a list of strings`);
    return v as string[];
  };
  const tags = list('tags');
  if (!tags.length) fail(abs, 'header field "tags" must name at least one tag');
  for (const t of tags) if (!(TAGS as readonly string[]).includes(t)) fail(abs, `unknown tag "${t}" (known: ${TAGS.join(', ')})`);
  const node = str('node') ?? '*';
  if (!semver.validRange(node)) fail(abs, `header field "node" is not a semver range: ${JSON.stringify(node)}`);
  let runtimes = h.runtimes === undefined ? [...RUNTIMES] : list('runtimes');
  for (const r of runtimes) if (!(RUNTIMES as readonly string[]).includes(r)) fail(abs, `unknown runtime "${r}" in "runtimes" (known: ${RUNTIMES.join(', ')})`);
  const notOn = h['not-on'] ?? {};
  if (typeof notOn !== 'object' || Array.isArray(notOn) || Object.values(notOn as object).some((x) => typeof x !== 'string' || !x.trim())) fail(abs, 'header field "not-on" must map runtimes to the reason each is left out: { deno: \'no cluster module: <link>\' }');
  if (h['not-on'] !== undefined && h.runtimes !== undefined) fail(abs, 'give "not-on" (runtimes left out, with reasons) or "runtimes", not both');
  for (const r of Object.keys(notOn as object)) if (r === 'node' || !(RUNTIMES as readonly string[]).includes(r)) fail(abs, `"not-on" names ${JSON.stringify(r)}: only ${RUNTIMES.filter((x) => x !== 'node').join(', ')} (a Node range goes in "node")`);
  runtimes = runtimes.filter((r) => !(r in (notOn as object)));
  const env = h.env ?? {};
  if (typeof env !== 'object' || Array.isArray(env) || Object.values(env as object).some((x) => typeof x !== 'string')) fail(abs, 'header field "env" must map names to strings');
  const timeout = h.timeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0) fail(abs, 'header field "timeout" must be a positive whole number of milliseconds');
  const changesRaw = h.changes ?? [];
  if (!Array.isArray(changesRaw)) fail(abs, 'header field "changes" must be a list of { in, what, link }');
  const changes = changesRaw.map((c: unknown): VersionChange => {
    const o = c as Record<string, unknown>;
    const text = o && typeof o === 'object' && typeof o.what === 'string' && typeof o.link === 'string';
    if (text && typeof o.in === 'string' && semver.valid(o.in) && o.never === undefined) return { in: o.in, what: o.what as string, link: o.link as string };
    if (text && typeof o.never === 'string' && /^\d+$/.test(o.never) && o.in === undefined) return { never: o.never, what: o.what as string, link: o.link as string };
    fail(abs, 'each entry of "changes" needs in: <exact version> (or never: <major>, for a release line that never got it), what: <text>, link: <url>');
  });
  const rel = relative(SCENARIOS, abs);
  const inside = !rel.startsWith('..') && !rel.startsWith(sep) && rel !== abs;
  return {
    id: inside ? rel.slice(0, -extname(rel).length).split(sep).join('/') : inRoot(abs) ?? abs,
    file: abs,
    claim: str('claim')!,
    source: str('source')!,
    tags,
    node,
    runtimes: runtimes as Runtime[],
    notOn: notOn as Partial<Record<Runtime, string>>,
    flags: list('flags'),
    env: env as Record<string, string>,
    timeout,
    why: str('why'),
    instead: str('instead'),
    links: list('links'),
    changes,
    body: text.slice(m[0].length).replace(/^\r?\n/, ''),
    hash: hashText(text),
  };
}

/** A file inside the repository but outside scenarios/ (a Lambda handler): its path from the root, without extension. */
function inRoot(abs: string): string | undefined {
  const rel = relative(ROOT, abs);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === abs || rel.split(sep)[0] === 'node_modules') return undefined;
  return rel.slice(0, -extname(rel).length).split(sep).join('/');
}

/** Where the Lambda handlers live: scenarios of the same contract, run by spec/lambda under a Lambda runtime. */
export const LAMBDA_HANDLERS = join(ROOT, 'lambda', 'handlers');

/** Every Lambda handler scenario (lambda/handlers/*.js, fixtures left out), sorted by id. */
export function listLambdaScenarios(): Scenario[] {
  if (!existsSync(LAMBDA_HANDLERS)) return [];
  return readdirSync(LAMBDA_HANDLERS).filter(isScenarioFile).map((f) => readScenario(join(LAMBDA_HANDLERS, f))).sort((a, b) => a.id.localeCompare(b.id));
}

/** A hash of a text (a scenario file, taken once when readScenario reads it): results record it, so that staleness is decided by content. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}

/** A fixture (a module a scenario requires, a cluster worker) is named with a leading underscore. */
export function isScenarioFile(name: string): boolean {
  return /\.(c|m)?js$/.test(name) && !basename(name).startsWith('_');
}

/** Paths of every scenario file under scenarios/ (headers not read). */
export function scenarioFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (isScenarioFile(e.name)) out.push(p);
    }
  };
  walk(SCENARIOS);
  return out;
}

const idOf = (file: string) => relative(SCENARIOS, file).replace(/\.(c|m)?js$/, '').split(sep).join('/');

/** Every scenario under scenarios/, sorted by id. */
export function listScenarios(): Scenario[] {
  return scenarioFiles().map(readScenario).sort((a, b) => a.id.localeCompare(b.id));
}

/** Finds a scenario by id ("lifecycle/pending-await") or by path (anywhere on disk). */
export function findScenario(idOrPath: string): Scenario {
  const asPath = resolve(idOrPath);
  if (existsSync(asPath) && statSync(asPath).isFile()) return readScenario(asPath);
  for (const base of [SCENARIOS, ROOT]) {
    for (const ext of ['.js', '.cjs', '.mjs']) {
      const p = join(base, idOrPath + ext);
      if (existsSync(p)) return readScenario(p);
    }
  }
  const ids = scenarioFiles().map(idOf);
  const near = closest(idOrPath, ids);
  throw new SpecError(`no scenario "${idOrPath}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The ids nearest to what was typed: substring matches first, then by edit distance. */
export function closest(typed: string, ids: string[], n = 3): string[] {
  const t = typed.toLowerCase();
  const scored = ids.map((id) => {
    const last = id.split('/').pop()!;
    const sub = id.includes(t) || t.includes(last) ? 0 : 1;
    return { id, score: sub * 1000 + Math.min(distance(t, id), distance(t, last)) };
  });
  return scored.sort((a, b) => a.score - b.score).filter((x) => x.score < 1000 + Math.max(4, t.length / 2)).slice(0, n).map((x) => x.id);
}

/**
 * The Node CLI flags (by name) that each other runtime takes under the same name, as its `--help`
 * lists them (spec/tooling/runtimes.spec.ts checks this against the pinned binaries). A scenario
 * whose header gives a flag its runtime does not take is n.a. there: Bun ignores flags it does not
 * know, and `deno run` refuses every Node flag but these.
 */
export const RUNTIME_FLAGS: Record<Exclude<Runtime, 'node'>, readonly string[]> = {
  bun: [
    '--unhandled-rejections', '--pending-deprecation', '--no-deprecation', '--throw-deprecation', '--trace-deprecation',
    '--no-warnings', '--trace-warnings', '--disable-warning', '--redirect-warnings', '--expose-gc', '--conditions',
    '--title', '--zero-fill-buffers', '--max-http-header-size', '--insecure-http-parser', '--dns-result-order',
    '--preserve-symlinks', '--preserve-symlinks-main', '--require', '--import',
  ],
  deno: ['--conditions', '--require'],
};

/** The flags of a list that `runtime` does not take (a token without a leading dash is the previous flag's value). */
export function flagsNotTaken(runtime: Runtime, flags: readonly string[]): string[] {
  if (runtime === 'node') return [];
  return flags.filter((f) => f.startsWith('-') && !RUNTIME_FLAGS[runtime].includes(f.split('=')[0]!));
}

type TargetLike = Release | string;

/** A target given printed ("v22.1.0", "bun 1.4.5"; harness/target.ts parseTarget) or as a bare Node version ("22.1.0"). */
function asTarget(t: TargetLike): Release {
  if (typeof t !== 'string') return t;
  return parseTarget(t) ?? { runtime: 'node', version: t };
}

/**
 * Why a scenario does not apply to a target, in a few words (undefined when it does): its Node
 * range excludes the version, its header leaves the runtime out (`not-on`, with the reason, or
 * `runtimes`), or the runtime does not take one of its flags (the header's and `extraFlags`).
 */
export function whyNotApplicable(s: Pick<Scenario, 'node' | 'runtimes'> & Partial<Pick<Scenario, 'notOn' | 'flags'>>, t: TargetLike, extraFlags: readonly string[] = []): string | undefined {
  const target = asTarget(t);
  if (target.runtime === 'node') return semver.satisfies(target.version, s.node, { includePrerelease: true }) ? undefined : `applies to Node ${s.node}`;
  const reason = s.notOn?.[target.runtime];
  if (reason) return `not on ${target.runtime}: ${reason}`;
  if (!s.runtimes.includes(target.runtime)) return `applies to ${s.runtimes.join(', ')}`;
  const bad = flagsNotTaken(target.runtime, [...(s.flags ?? []), ...extraFlags]);
  if (bad.length) return `${target.runtime} does not take Node's ${bad.join(' ')}`;
  return undefined;
}

/** Whether a scenario applies to a target (see whyNotApplicable). */
export function appliesTo(s: Pick<Scenario, 'node' | 'runtimes'> & Partial<Pick<Scenario, 'notOn' | 'flags'>>, t: TargetLike, extraFlags: readonly string[] = []): boolean {
  return whyNotApplicable(s, t, extraFlags) === undefined;
}

export interface RunOptions {
  /** Extra node flags after the header's. */
  flags?: string[];
  /** Extra environment variables after the header's. */
  env?: Record<string, string>;
  /** Overrides the header's time limit. */
  timeout?: number;
}

/** Environment a scenario gets: nothing inherited but PATH, HOME and the locale. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  if (process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT;
  return { ...env, ...extra };
}

/**
 * How a target is started on a scenario: the binary and its arguments (without the observer when
 * `bare`). Node: `node --require <observer> <flags> <file>`; Bun: `bun --preload <observer> <flags>
 * <file>`; Deno: `deno run -A --preload <observer> <flags> <file>` (-A: a scenario may start
 * servers, read its environment and files, start processes, as under Node).
 */
export function commandLine(s: Scenario, target: Target, opts: RunOptions & { bare?: boolean } = {}): { file: string; args: string[] } {
  const flags = [...s.flags, ...(opts.flags ?? [])];
  const bad = flagsNotTaken(target.runtime, flags);
  if (bad.length) throw new SpecError(`${s.id}: ${target.runtime} does not take Node's ${bad.join(' ')} (the scenario is n.a. there)`);
  const observer = opts.bare ? [] : [target.runtime === 'node' ? '--require' : '--preload', OBSERVER];
  const runtime = target.runtime === 'deno' ? ['run', '-A'] : [];
  return { file: target.path, args: [...runtime, ...observer, ...flags, s.file] };
}

/**
 * Runs one scenario under `target` and observes it. The scenario runs in its own process group,
 * which is killed when the scenario's main process ends (so no worker or server outlives it) or
 * when the time limit passes (then `timedOut` is true and the output is what it had printed).
 */
export async function runScenario(s: Scenario, target: Target, opts: RunOptions = {}): Promise<Observation> {
  const { file, args } = commandLine(s, target, opts);
  // The observer reports on fd 3; under Deno, whose node:fs cannot write to an inherited
  // descriptor, to a file named in the variable instead (see observer.cjs).
  const reportDir = target.runtime === 'deno' ? mkdtempSync(join(tmpdir(), 'nas-observer-')) : undefined;
  const reportFile = reportDir && join(reportDir, 'report.jsonl');
  let r: GroupRun;
  try {
    r = await runGroup(file, args, {
      cwd: dirname(s.file),
      env: cleanEnv({ ...s.env, ...(opts.env ?? {}), NODE_ASYNC_SPEC_OBSERVER: reportFile ?? '3' }),
      timeout: opts.timeout ?? s.timeout,
      report: !reportFile,
    });
    if (reportFile && existsSync(reportFile)) r.report = readFileSync(reportFile, 'utf8');
  } finally {
    if (reportDir) rmSync(reportDir, { recursive: true, force: true });
  }
  if (r.startError) throw new SpecError(`could not start ${target.path} for ${s.id}: ${r.startError}`);
  let version = printTarget(target);
  let exitCode: number | string | null = null;
  let fired = false;
  let started = false;
  let unknown = false; // printed during exit in a way the observer cannot render (Bun, Deno: see observer.cjs)
  const during: string[] = [];
  for (const line of r.report.split('\n')) {
    if (!line) continue;
    let rec: { t: string; version?: string; code?: number | string; text?: string };
    try {
      rec = JSON.parse(line);
    } catch {
      continue;
    }
    if (rec.t === 'start') {
      started = true;
      if (rec.version && target.runtime === 'node') version = rec.version;
    } else if (rec.t === 'exit') {
      fired = true;
      exitCode = rec.code ?? null;
    } else if (rec.t === 'out' && rec.text !== undefined) during.push(rec.text);
    else if (rec.t === 'unknown') unknown = true;
  }
  // Under another runtime, an observer that never reported leaves the exit event unknown: say so rather than "not fired".
  if (!started && target.runtime !== 'node') {
    throw new SpecError(`${s.id} on ${printTarget(target)}: the observer did not run (${r.timedOut ? 'timed out' : `exit code ${r.exitCode}, signal ${r.signal}`}; stderr: ${JSON.stringify(r.stderr.trim().split('\n')[0] ?? '')})`);
  }
  const at = { dir: dirname(s.file), scenarios: SCENARIOS, root: ROOT, binary: target.path };
  let exitHandler: string[] | null = normalise(during.join(''), at).split('\n');
  if (exitHandler[exitHandler.length - 1] === '') exitHandler.pop();
  if (unknown) exitHandler = null;
  return {
    id: s.id,
    node: version,
    exitCode: r.exitCode,
    signal: r.timedOut ? 'SIGKILL' : r.signal,
    stdout: normalise(r.stdout, at),
    stderr: normalise(r.stderr, at),
    exitEvent: { fired, code: fired ? exitCode : null },
    exitHandler,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
  };
}
