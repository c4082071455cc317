// `npm run scenario -- <id or path> [--node 14,22,26] [--stdio pipe,socket,file,tty] [--json] [--debug]`
//
// Runs one scenario under one or more Node versions and shows what was observed: the claim, stdout
// and stderr (normalised: paths become <dir>/<scenarios>, pids <pid>), the exit code or signal, and
// what the `exit` event saw. With several versions the reports sit side by side on a wide terminal
// (one after another on a narrow one), and what differs between versions is marked. With several
// stdout kinds (--stdio, harness/stdio.ts), each target runs with each kind, side by side the same way.
import { appliesTo, whyNotApplicable } from '../harness/applicability.ts';
import { resolveTarget, type Target } from '../harness/node-binaries.ts';
import { SpecError } from '../harness/project.ts';
import { runScenario } from '../harness/run.ts';
import type { Scenario } from '../harness/scenario.ts';
import { DEFAULT_STDIO, isStdioKind, STDIO_KINDS, type StdioKind } from '../harness/stdio.ts';
import { findScenario } from '../harness/scenarios.ts';
import { printTarget, targetLabel, targetName } from '../harness/target.ts';
import { behaviourDiff, severity, SEVERITY_WORDS, type Observation } from '../harness/observation.ts';
import { command, failOnLevels, failOnNames, failOnOption, SCENARIOS_USAGE, scenariosOption, wholeNumber } from './command.ts';
import { jsonArray } from './json.ts';
import { pad, wordWrap, wrap } from './text-width.ts';

const USAGE = `usage: npm run scenario -- <id or path> [--node <list>] [--stdio <list>] [--json] [--scenarios <dir>] [--debug]

  <id or path>   a scenario id (lifecycle/pending-await) or the path of any scenario file
  --node <list>  comma-separated targets: majors (22), exact versions (18.20.8), lts, latest,
                 .nvmrc, engines (package.json's engines.node: the newest pinned release in its
                 range, else the newest registry release in it), bun, deno, bun@<version>,
                 deno@<version> (runtime-versions.json pins bun and deno) or paths to a node, bun
                 or deno binary; default: SPEC_NODE, else the Node running this command
  --stdio <list> comma-separated kinds of stdout and stderr, each target run with each: socket
                 (a socket pair, what child_process gives), pipe (a FIFO, as from a shell pipe),
                 file (as from > file), tty (a pseudo-terminal); default: the kinds the
                 scenario's header names (stdio:), else socket
  --json         print an array (schema 1, tools/json.ts), one element per run in the order
                 given, even for one run: { schema, id, claim, target: { runtime, version }, node,
                 binary, applies, stdio, exitCode, signal, stdout, stderr, exitEvent, exitHandler,
                 timedOut, durationMs }; a target where the scenario is n.a.: { ..., applies:
                 false, notApplicable }
  --fail-on <severities>
                 with several runs: exit 1 when a run behaves differently from the first at one
                 of these severities (comma-separated: ${failOnNames().join(', ')};
                 exit-code is exit); each includes the more consequential ones
  --width <n>    layout width (default: the terminal's width)
  ${SCENARIOS_USAGE}
  --debug        print stack traces of unexpected errors

Exit code: 0 ran (and, with --fail-on, no run differs at those severities); 1 runs differ at
them; 2 bad input.`;

/** What the JSON contract promises (tools/json.ts), plus a few extra fields. */
function toJson(s: Scenario, t: Target, kind: StdioKind, r: Observation) {
  return {
    id: s.id,
    claim: s.claim,
    target: { runtime: t.runtime, version: t.version },
    node: r.node,
    exitCode: r.exitCode,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    exitEvent: { fired: r.exitEvent.fired, code: r.exitEvent.code },
    exitHandler: r.exitHandler,
    binary: t.path,
    applies: appliesTo(s, t),
    timedOut: r.timedOut,
    durationMs: Math.round(r.durationMs),
    stdio: kind,
  };
}

// ---- text layout -------------------------------------------------------------------------------

const colour = (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') || (!!process.stdout.isTTY && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb');
const paint = (code: string, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s: string) => paint('1', s);
const dim = (s: string) => paint('2', s);
const hot = (s: string) => paint('33;1', s);

/** One run: a target with a stdout kind. */
interface Run { t: Target; kind: StdioKind; r: Observation }

/** One version's report as sections of plain lines. */
interface Section { title: string; lines: string[] }

function ending(r: Observation, limit: number): string {
  if (r.timedOut) return `timed out after ${limit} ms: killed (SIGKILL)`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit code ${r.exitCode}`;
}

function sections(s: Scenario, r: Observation): Section[] {
  const text = (t: string) => (t === '' ? ['(nothing)'] : t.replace(/\n$/, '').split('\n').concat(t.endsWith('\n') ? [] : ['(no newline at end)']));
  return [
    { title: 'ended', lines: [ending(r, s.timeout)].concat(whyNotApplicable(s, r.node) ? [`(n.a. there: ${whyNotApplicable(s, r.node)})`] : []) },
    {
      title: 'exit event',
      lines: r.exitEvent.fired ? [`fired, listeners got code ${r.exitEvent.code}`] : ['did not fire'],
    },
    { title: 'printed during exit', lines: r.exitHandler === null ? ['(unknown on this runtime)'] : r.exitHandler.length ? r.exitHandler : ['(nothing)'] },
    { title: 'stdout', lines: text(r.stdout) },
    { title: 'stderr', lines: text(r.stderr) },
  ];
}

/** Marks lines that are not the same in every version: a line is shared if each version has it in that section as often. */
function marks(all: Section[][]): boolean[][][] {
  return all.map((secs, v) =>
    secs.map((sec, k) => {
      const seen = new Map<string, number>();
      return sec.lines.map((line) => {
        const nth = (seen.get(line) ?? 0) + 1;
        seen.set(line, nth);
        return all.some((other, w) => w !== v && other[k]!.lines.filter((l) => l === line).length < nth);
      });
    }),
  );
}


/** A version's column as rendered lines (with their marks) of at most `width` columns. */
function columnLines(head: string, secs: Section[], mk: boolean[][], width: number, multi: boolean): { text: string; hot: boolean }[] {
  const out: { text: string; hot: boolean }[] = [{ text: head, hot: false }];
  secs.forEach((sec, k) => {
    const differs = multi && mk[k]!.some(Boolean);
    out.push({ text: `${sec.title}:${differs ? ' ≠' : ''}`, hot: differs });
    sec.lines.forEach((line, j) => {
      const m = multi && mk[k]![j]!;
      const prefix = m ? '! ' : '  ';
      for (const piece of wrap(line, Math.max(8, width - 2))) out.push({ text: prefix + piece, hot: m });
    });
  });
  return out;
}

function render(s: Scenario, runs: Run[], width: number): string {
  const out: string[] = [];
  out.push(bold(s.id));
  for (const l of wordWrap(`claim: ${s.claim}`, Math.max(20, width))) out.push(l);
  if (s.flags.length) out.push(`flags: ${s.flags.join(' ')}`);
  // The stdout kind is named when it is not the default, or when the runs differ in it.
  const kinds = new Set(runs.map((x) => x.kind));
  const named = kinds.size > 1 || !kinds.has(DEFAULT_STDIO);
  const all = runs.map(({ r }) => sections(s, r));
  const mk = marks(all);
  const multi = runs.length > 1;
  if (multi) {
    // Whether they behave differently is harness/observation.ts's question; the ! marks only show where.
    const differs = runs.some(({ r }) => behaviourDiff(runs[0]!.r, r).length > 0);
    const what = kinds.size > 1 ? (new Set(runs.map((x) => x.t)).size > 1 ? 'runs' : 'stdout kinds') : 'versions';
    const each = what === 'versions' ? 'version' : what === 'runs' ? 'run' : 'kind';
    out.push(differs ? hot(`the ${what} behave differently: lines marked ! are not the same under every ${each}`) : `every ${each} behaves the same (lines marked ! differ only in what a comparison leaves out, e.g. stack frames)`);
  }
  const heads = runs.map(({ t, r, kind }) => targetLabel(r.node) + (t.path === process.execPath ? ' (this Node)' : '') + (named ? `, stdout ${kind}` : ''));
  const gap = 3;
  const colWidth = Math.floor((width - gap * (runs.length - 1)) / runs.length);
  if (multi && colWidth >= 34) {
    const columns = runs.map((_, v) => columnLines(heads[v]!, all[v]!, mk[v]!, colWidth, multi));
    // Align sections across columns so the same section starts on the same row.
    const aligned: { text: string; hot: boolean }[][] = columns.map(() => []);
    const starts = (c: { text: string }[]) => c.map((l, i) => (/^[a-z][a-z ]*:( ≠)?$/.test(l.text) ? i : -1)).filter((i) => i >= 0);
    const bounds = columns.map((c) => [0, ...starts(c), c.length]);
    for (let k = 0; k < bounds[0]!.length - 1; k++) {
      const len = Math.max(...bounds.map((b) => b[k + 1]! - b[k]!));
      columns.forEach((c, v) => {
        const part = c.slice(bounds[v]![k]!, bounds[v]![k + 1]!);
        while (part.length < len) part.push({ text: '', hot: false });
        aligned[v]!.push(...part);
      });
    }
    out.push('');
    for (let row = 0; row < aligned[0]!.length; row++) {
      const cells = aligned.map((c, v) => {
        const l = c[row]!;
        const text = pad(l.text, colWidth);
        if (row === 0) return bold(text);
        if (l.hot) return hot(text);
        return /^[a-z][a-z ]*:$/.test(l.text) ? dim(text) : text;
      });
      out.push(cells.join(' '.repeat(gap)).replace(/\s+$/, ''));
    }
  } else {
    runs.forEach((_, v) => {
      out.push('');
      for (const l of columnLines(heads[v]!, all[v]!, mk[v]!, Math.max(20, width), multi)) {
        if (l.text === heads[v]) out.push(bold(`── ${l.text} ──`));
        else out.push(l.hot ? hot(l.text) : /^[a-z][a-z ]*:$/.test(l.text) ? dim(l.text) : l.text);
      }
    });
  }
  return out.join('\n') + '\n';
}

/** A scenario by path (anywhere) or id (harness findScenario suggests ids from file names alone; a folder or /dev/null is not a scenario file). */
const lookUp = (idOrPath: string): Scenario => findScenario(idOrPath);

// ---- main --------------------------------------------------------------------------------------

export const spec = command({
  name: 'scenario',
  usage: USAGE,
  positionals: true,
  options: { node: { type: 'string', multiple: true }, stdio: { type: 'string', multiple: true }, json: { type: 'boolean' }, 'fail-on': { type: 'string', multiple: true }, width: { type: 'string' }, scenarios: { type: 'string', multiple: true } },
  async run(v, positionals) {
    if (!positionals.length) throw new SpecError('which scenario? give an id or a path (try --help)');
    if (positionals.length > 1) throw new SpecError(`one scenario at a time: got ${positionals.map((p) => JSON.stringify(p)).join(' and ')}`);
    const nodes = v.node === undefined ? [process.env.SPEC_NODE ?? ''] : v.node.flatMap((x) => x.split(',').map((n) => n.trim()));
    if (v.node !== undefined && nodes.some((n) => !n)) throw new SpecError(`--node: empty entry in ${JSON.stringify(v.node.join(','))}`);
    const width = wholeNumber('width', v.width, 20);
    const asked = v.stdio?.flatMap((x) => x.split(',').map((k) => k.trim()));
    for (const k of asked ?? []) {
      if (!k) throw new SpecError(`--stdio: empty entry in ${JSON.stringify(v.stdio!.join(','))}`);
      if (!isStdioKind(k)) throw new SpecError(`--stdio: unknown kind ${JSON.stringify(k)} (known: ${STDIO_KINDS.join(', ')})`);
    }
    const failOn = failOnOption(v['fail-on']);
    if (failOn !== undefined && nodes.length * (asked ? new Set(asked).size : 1) < 2) throw new SpecError('--fail-on compares runs: give several targets (--node) or stdout kinds (--stdio)');
    scenariosOption(v.scenarios);
    const s = lookUp(positionals[0]!);
    const kinds: StdioKind[] = asked ? [...new Set(asked as StdioKind[])] : s.stdio;
    // Resolve every target before running anything, so a bad --node value costs nothing.
    const targets: Target[] = [];
    for (const n of nodes) targets.push(await resolveTarget(n));
    // One after another: scenarios that depend on timing get the machine to themselves.
    // Bun or Deno where the scenario is n.a. (its Node flags, its header's not-on) does not run it: n.a., with the reason.
    const runs: Run[] = [];
    const cannot = targets.filter((t) => t.runtime !== 'node' && whyNotApplicable(s, t));
    for (const t of targets) if (!cannot.includes(t)) for (const kind of kinds) runs.push({ t, kind, r: await runScenario(s, t, { stdio: kind }) });
    if (v.json) {
      const na = (t: Target) => ({ id: s.id, claim: s.claim, target: { runtime: t.runtime, version: t.version }, node: printTarget(t), binary: t.path, applies: false, notApplicable: whyNotApplicable(s, t) });
      const objs: object[] = targets.flatMap((t): object[] => (cannot.includes(t) ? [na(t)] : runs.filter((x) => x.t === t).map((x) => toJson(s, t, x.kind, x.r))));
      // One shape whatever was asked: an array in the order given, even of one.
      process.stdout.write(jsonArray(objs));
    } else {
      for (const t of cannot) process.stdout.write(`${targetName(t)}: n.a.: ${whyNotApplicable(s, t)}\n`);
      if (runs.length) process.stdout.write(render(s, runs, width ?? (process.stdout.columns || Number(process.env.COLUMNS) || 100)));
    }
    if (failOn === undefined) return 0;
    // Each run against the first; n.a. targets are not compared.
    const label = (x: Run) => `${targetName(x.t)}${kinds.length > 1 ? ` (stdout ${x.kind})` : ''}`;
    const differing = runs.slice(1).map((x) => ({ x, level: severity(behaviourDiff(runs[0]!.r, x.r)) })).filter((d) => d.level >= failOn);
    const names = failOnLevels(failOn).join(', ');
    if (!differing.length) {
      process.stderr.write(`scenario: no run differs from ${runs.length ? label(runs[0]!) : 'the first'} at ${names} (--fail-on)\n`);
      return 0;
    }
    process.stderr.write(`scenario: ${differing.map((d) => `${label(d.x)} (${SEVERITY_WORDS[d.level]})`).join(', ')} differ${differing.length === 1 ? 's' : ''} from ${label(runs[0]!)} at ${names} (--fail-on): exit 1\n`);
    return 1;
  },
}, import.meta.url);
