// A scenario's header: the schema (every field, each validated here once) and reading a file into
// a Scenario. Finding scenarios by id is harness/scenarios.ts; whether one applies to a target,
// harness/applicability.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import { flagReplacesScenario } from './command-line.ts';
import { MAX_TIMER_MS, ROOT, SpecError } from './project.ts';
import { DEFAULT_STDIO, isStdioKind, STDIO_KINDS, type StdioKind } from './stdio.ts';
import { RUNTIMES, type Runtime } from './target.ts';
import { MAX_RANK, SITUATIONS, type Situation } from './situations.ts';
import { cachedHeader } from './header-cache.ts';

export const SCENARIOS = join(ROOT, 'scenarios');
export const DEFAULT_TIMEOUT_MS = 10_000;
/** How much longer than its scenario's time limit a claim's test may take (harness/claims.ts): the run, its clean-up, the comparison. */
export const CLAIM_GRACE_MS = 30_000;
/**
 * The longest time limit a header may give: with a claim's grace it is still a delay a Node timer
 * takes (MAX_TIMER_MS; a longer one fires after 1 ms, and the scenario would be "timed out" at once).
 */
export const MAX_TIMEOUT_MS = MAX_TIMER_MS - CLAIM_GRACE_MS;

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
  runtimes: false, // the runtimes it applies to (default: node, bun, deno); another is n.a. (not-on, which says why, is preferred)
  'not-on': false, // runtimes it does not apply to, each with the reason (and a link): { deno: '...' }
  flags: false, // list of node CLI flags
  env: false, // map of extra environment variables
  timeout: false, // time limit in ms (default DEFAULT_TIMEOUT_MS)
  stdio: false, // what stdout and stderr are: socket (default), pipe, file or tty, or a list of them, run once each (harness/stdio.ts)
  why: false, // a short explanation in plain words (catalog)
  instead: false, // the safe pattern (catalog)
  links: false, // further reading: list of URLs
  changes: false, // version changes: list of { in: '15.0.0', what: '...', link: 'https://...' }
  explains: false, // the situations npm run explain names it for, each with its rank: { hang-timer: 1 } (harness/situations.ts); left out of the hash
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
  /** The runtimes it applies to (header `runtimes`; default all), less those its header leaves out (`not-on`). */
  runtimes: Runtime[];
  /** Why it does not apply to a runtime (header `not-on`): the runtimes named here are left out of `runtimes`. */
  notOn: Partial<Record<Runtime, string>>;
  flags: string[];
  env: Record<string, string>;
  timeout: number;
  /**
   * What stdout and stderr are when it runs (header `stdio`, one kind or a list; default
   * [DEFAULT_STDIO], a socket pair). A scenario stating several kinds runs once per kind, each a
   * claim of its own (harness/claims.ts byStdio): statesKinds() tells which scenarios' results name their kind.
   */
  stdio: StdioKind[];
  why?: string;
  instead?: string;
  links: string[];
  changes: VersionChange[];
  /**
   * Header `explains`: the situations `npm run explain` names this claim for (harness/situations.ts),
   * each with its rank, 1 (the claim states exactly this) to MAX_RANK (related, shown after).
   */
  explains: Partial<Record<Situation, number>>;
  /** The file's text after the header. */
  body: string;
  /**
   * hashText of the file's text as read here, less its `explains` line: every result of this
   * Scenario is stamped with it (the text that ran, not a later one). `explains` only tells explain
   * when to name the claim, and changes nothing that runs: editing it leaves the results current.
   */
  hash: string;
}

/** The header line of `explains`: one line (a flow map), so that the hash can leave it out. */
const EXPLAINS_LINE = /^explains:[^\n]*\n/m;

const HEADER = /^(?:#![^\n]*\n)?\s*\/\*---\r?\n([\s\S]*?)\r?\n---\*\//;

/** A header value in an error message: as JSON, cut short. */
const shown = (v: unknown): string => {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
};

function fail(file: string, msg: string): never {
  throw new SpecError(`${relative(process.cwd(), file) || file}: ${msg}`);
}

/**
 * Each scenario file's text as last read here and what was made of it, but its id: reading a
 * header (YAML, validation, hash) costs about a millisecond, and a suite run asks for the same
 * files tens of thousands of times (a run of `npm test` read 22,403 in 48 s of its processes' time).
 * The text itself is the key, so a file changed on disk, however soon after, is read anew; the id
 * is worked out at every call, since it depends on the scenario folders given (OWN_FOLDERS).
 * Between processes, harness/header-cache.ts keeps what each text read as.
 */
const parsed = new Map<string, { text: string; scenario: Omit<Scenario, 'id'> }>();

/**
 * The yaml package, loaded the first time a header is read anew: most commands find every header
 * in harness/header-cache.ts and never need it, and loading it took about 40 ms of every command's
 * start. (spec/tooling/package.spec.ts counts a package loaded this way among the bin's imports.)
 */
const lazyRequire = createRequire(import.meta.url);
let yamlPackage: typeof import('yaml') | undefined;
const YAML = () => (yamlPackage ??= lazyRequire('yaml') as typeof import('yaml'));

/** Reads and validates a scenario's metadata header. */
export function readScenario(file: string): Scenario {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new SpecError(`${file}: cannot read scenario (${(e as NodeJS.ErrnoException).code})`);
  }
  let known = parsed.get(abs);
  if (known?.text !== text) {
    known = { text, scenario: cachedHeader(abs, text, () => parseScenario(abs, text)) };
    parsed.set(abs, known);
  }
  // A copy: a caller may change what it gets without changing what the next caller gets.
  return { id: scenarioId(abs) ?? abs, ...structuredClone(known.scenario) };
}

function parseScenario(abs: string, text: string): Omit<Scenario, 'id'> {
  const m = HEADER.exec(text);
  if (!m) fail(abs, 'no metadata header: a scenario starts with a /*--- ... ---*/ block (see CONTRIBUTING.md)');
  // Plain YAML only: a tag (!foo, !!js/function, even !!str) is refused, not left to a warning
  // and read as whatever the parser makes of it; any warning is an error too.
  const yaml = YAML();
  const doc = yaml.parseDocument(m[1]!, { uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  let tag: string | undefined;
  yaml.visit(doc, (_key, node) => {
    if (!yaml.isNode(node) || !node.tag) return undefined;
    tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    return yaml.visit.BREAK;
  });
  if (tag) fail(abs, `header uses the YAML tag ${tag}: a header is plain YAML, without tags`);
  if (problem) fail(abs, `malformed header: ${problem.message.split('\n')[0]}`);
  let meta: unknown;
  try {
    meta = doc.toJS();
  } catch (e) {
    fail(abs, `malformed header: ${String((e as Error).message).split('\n')[0]}`);
  }
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) fail(abs, 'malformed header: expected key: value lines');
  const h = meta as Record<string, unknown>;
  // Own keys on both sides: "constructor", "toString" or "__proto__" is not a field because every object inherits it.
  for (const k of Object.keys(h)) if (!Object.hasOwn(FIELDS, k)) fail(abs, `unknown header field ${JSON.stringify(k)} (known: ${Object.keys(FIELDS).join(', ')})`);
  for (const [k, req] of Object.entries(FIELDS)) if (req && (!Object.hasOwn(h, k) || h[k] === undefined || h[k] === null || h[k] === '')) fail(abs, `header field "${k}" is required`);
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
  const listed = h.runtimes === undefined ? [...RUNTIMES] : list('runtimes');
  for (const r of listed) if (!(RUNTIMES as readonly string[]).includes(r)) fail(abs, `unknown runtime "${r}" in "runtimes" (known: ${RUNTIMES.join(', ')})`);
  const notOn = h['not-on'] ?? {};
  if (typeof notOn !== 'object' || Array.isArray(notOn) || Object.values(notOn as object).some((x) => typeof x !== 'string' || !x.trim())) fail(abs, 'header field "not-on" must map runtimes to the reason each is left out: { deno: \'no cluster module: <link>\' }');
  if (h['not-on'] !== undefined && h.runtimes !== undefined) fail(abs, 'give "not-on" (runtimes left out, with reasons) or "runtimes", not both');
  for (const r of Object.keys(notOn as object)) if (r === 'node' || !(RUNTIMES as readonly string[]).includes(r)) fail(abs, `"not-on" names ${JSON.stringify(r)}: only ${RUNTIMES.filter((x) => x !== 'node').join(', ')} (a Node range goes in "node")`);
  const runtimes = (listed as Runtime[]).filter((r) => !(r in (notOn as object)));
  const env = h.env ?? {};
  if (typeof env !== 'object' || Array.isArray(env) || Object.values(env as object).some((x) => typeof x !== 'string')) fail(abs, 'header field "env" must map names to strings');
  const timeout = h.timeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_MS) fail(abs, `header field "timeout" must be a positive whole number of milliseconds, at most ${MAX_TIMEOUT_MS}, got ${shown(timeout)}`);
  const flags = list('flags');
  for (const f of flags) {
    const why = flagReplacesScenario(f);
    if (why) fail(abs, `header field "flags" gives ${JSON.stringify(f)}: ${why}`);
  }
  const stdioRaw = h.stdio ?? DEFAULT_STDIO;
  const stdio = Array.isArray(stdioRaw) ? stdioRaw : [stdioRaw];
  if (!stdio.length || !stdio.every(isStdioKind)) fail(abs, `header field "stdio" must be one of ${STDIO_KINDS.join(', ')}, or a list of them (what stdout and stderr are; default ${DEFAULT_STDIO})`);
  if (new Set(stdio).size !== stdio.length) fail(abs, `header field "stdio" names a kind twice: ${JSON.stringify(stdioRaw)}`);
  const changesRaw = h.changes ?? [];
  if (!Array.isArray(changesRaw)) fail(abs, 'header field "changes" must be a list of { in, what, link }');
  const changes = changesRaw.map((c: unknown): VersionChange => {
    const o = c as Record<string, unknown>;
    const text = o && typeof o === 'object' && typeof o.what === 'string' && typeof o.link === 'string';
    if (text && typeof o.in === 'string' && semver.valid(o.in) && o.never === undefined) return { in: o.in, what: o.what as string, link: o.link as string };
    if (text && typeof o.never === 'string' && /^\d+$/.test(o.never) && o.in === undefined) return { never: o.never, what: o.what as string, link: o.link as string };
    fail(abs, 'each entry of "changes" needs in: <exact version> (or never: <major>, for a release line that never got it), what: <text>, link: <url>');
  });
  const explainsRaw = h.explains ?? {};
  const shape = `header field "explains" must map situations to ranks on one line, explains: { hang-timer: 1 } (a rank from 1, what the claim states, to ${MAX_RANK})`;
  if (typeof explainsRaw !== 'object' || Array.isArray(explainsRaw)) fail(abs, shape);
  if (h.explains !== undefined && !/^explains:[ \t]*\{[^\n]*\}[ \t]*\r?$/m.test(m[1]!)) fail(abs, shape);
  for (const [k, v] of Object.entries(explainsRaw as object)) {
    if (!(SITUATIONS as readonly string[]).includes(k)) fail(abs, `"explains" names the unknown situation ${JSON.stringify(k)} (known: ${SITUATIONS.join(', ')})`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_RANK) fail(abs, `"explains" gives ${k} the rank ${shown(v)}: a whole number from 1 (what the claim states) to ${MAX_RANK}`);
  }
  return {
    file: abs,
    claim: str('claim')!,
    source: str('source')!,
    tags,
    node,
    runtimes,
    notOn: notOn as Partial<Record<Runtime, string>>,
    flags,
    env: env as Record<string, string>,
    timeout,
    stdio: stdio as StdioKind[],
    why: str('why'),
    instead: str('instead'),
    links: list('links'),
    changes,
    explains: explainsRaw as Partial<Record<Situation, number>>,
    body: text.slice(m[0].length).replace(/^\r?\n/, ''),
    hash: hashText(text.slice(0, m.index) + m[0].replace(EXPLAINS_LINE, '') + text.slice(m.index + m[0].length)),
  };
}

/**
 * Whether a scenario's results name their stdout kind: any scenario but one whose header states
 * the default alone (or nothing). Those keep the record shape and id they always had.
 */
export function statesKinds(s: Pick<Scenario, 'stdio'>): boolean {
  return !(s.stdio.length === 1 && s.stdio[0] === DEFAULT_STDIO);
}

/** `abs`'s path inside `base`, without extension and with forward slashes; undefined outside it. */
function inside(base: string, abs: string): string | undefined {
  const rel = relative(base, abs);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === abs) return undefined;
  return rel.slice(0, -extname(rel).length).split(sep).join('/');
}

/** A team's own scenario folders (`--scenarios <dir>`, harness/scenarios.ts addScenarioFolder), absolute. */
export const OWN_FOLDERS: string[] = [];

/**
 * A scenario file's id: its path under scenarios/ without extension ("lifecycle/pending-await"),
 * or under a team's folder given with --scenarios (the same way, from that folder), or for a file
 * elsewhere in the repository (a Lambda handler) its path from the root; undefined outside the
 * repository (and in node_modules).
 */
export function scenarioId(abs: string): string | undefined {
  const id = inside(SCENARIOS, abs) ?? OWN_FOLDERS.map((dir) => inside(dir, abs)).find((x) => x !== undefined);
  if (id !== undefined) return id;
  const fromRoot = inside(ROOT, abs);
  return fromRoot === undefined || fromRoot.split('/')[0] === 'node_modules' ? undefined : fromRoot;
}

/** A hash of a text (a scenario file, taken once when readScenario reads it): results record it, so that staleness is decided by content. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}
