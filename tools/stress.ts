// npm run stress -- [runs] [--busy <n>] [--node <target>] [--all | <spec paths...>]
//
// Runs the spec again and again while other processes keep every core busy, and reports every
// test whose verdict was not the same in all runs. The claims must hold on a loaded machine: a
// verdict that wobbles is a defect in the scenario's design, to be fixed there (never by retries).
// Default scope: spec/node and spec/lambda (the claims); --all adds spec/tooling.
//
// Runs are compared by test title, so a title must be the same in every run: each run gets a
// TMPDIR of its own, and a title that names it (a temporary path in a title) is reported as such,
// as is anything a run left in it (every temporary folder goes when the run ends).
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../harness/node-binaries.ts';
import { pathKind, SpecError } from '../harness/project.ts';
import { targetLabel, targetName } from '../harness/target.ts';
import { holdCleanup, runGroup, signalExitCode, stopTree } from '../harness/procs.ts';
import { command, wholeNumber } from './command.ts';
import { runVitest, stopVitest } from './vitest-run.ts';

const USAGE = `usage: npm run stress -- [runs] [--busy <n>] [--node <target>] [--all | <spec paths...>]

  runs             how many times to run the spec (default 20, at least 2)
  --busy <n>       busy-loop processes kept running meanwhile (default: one per core)
  --node <target>  the Node the claims run under (default: this one)
  --all            the whole suite (spec/), not only spec/node and spec/lambda`;

async function stress(o: { runs: number; busy: number; node?: string; paths: string[] }): Promise<number> {
  const target = o.node ? await resolveTarget(o.node) : undefined;
  const busy: number[] = [];
  const cleanup = async () => {
    await stopVitest();
    await Promise.all(busy.map((pid) => stopTree(pid, 0)));
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().then(() => process.exit(signalExitCode(sig))));
  for (let i = 0; i < o.busy; i++) {
    void runGroup(process.execPath, ['-e', 'for(;;){}'], { env: { PATH: process.env.PATH ?? '' }, onStart: (pid) => busy.push(pid) });
  }
  console.log(`stress: ${o.runs} runs of ${o.paths.join(' ')} on ${target ? targetName(target) : targetLabel(process.version)}, ${o.busy} busy-loop processes on ${availableParallelism()} cores`);
  const runs: Record<string, string>[] = [];
  const problems: string[] = [];
  try {
    for (let n = 1; n <= o.runs; n++) {
      // The run's own TMPDIR; others may enter it (mode 755, as /tmp is open to all): as root,
      // the Lambda specs' PostgreSQL runs as the user postgres and needs to.
      const tmp = mkdtempSync(join(tmpdir(), `nas-stress-${n}-`));
      chmodSync(tmp, 0o755);
      const removeTmp = () => rmSync(tmp, { recursive: true, force: true });
      const release = holdCleanup(removeTmp);
      let r: Awaited<ReturnType<typeof runVitest>>;
      try {
        r = await runVitest({ paths: o.paths, target: target?.path, env: { TMPDIR: tmp } });
        const leftBehind = readdirSync(tmp);
        if (leftBehind.length) problems.push(`LEFT BEHIND by run ${n} in its TMPDIR: ${leftBehind.join(' ')}`);
      } finally {
        removeTmp();
        release();
      }
      if (!r.tests.length) throw new SpecError(`run ${n}: vitest ran no test (${r.tail})`);
      const verdicts: Record<string, string> = {};
      for (const t of r.tests) {
        // The test itself (its file and full title): a claim's key names its scenario only, which
        // every Lambda claim of a handler shares (its notes, its runtimes), so their verdicts would
        // overwrite each other and a failure in one run not show as a difference.
        const key = `${t.file} > ${t.name}`;
        if (key.includes(tmp)) problems.push(`UNSTABLE TITLE (names run ${n}'s TMPDIR): ${key}`);
        verdicts[key] = t.verdict;
      }
      runs.push(verdicts);
      const counts: Record<string, number> = {};
      for (const s of Object.values(verdicts)) counts[s] = (counts[s] ?? 0) + 1;
      console.log(`run ${n}/${o.runs}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} in ${(r.ms / 1000).toFixed(1)} s`);
      for (const t of r.tests.filter((x) => x.verdict === 'fail')) console.log(`  failed: ${t.file} > ${t.name}\n${(t.failure ?? '').split('\n').slice(0, 40).join('\n').replace(/^/gm, '    | ')}`);
    }
  } finally {
    await cleanup();
  }
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  const differing = names.filter((t) => new Set(runs.map((r) => r[t] ?? 'absent')).size > 1);
  const failing = names.filter((t) => !differing.includes(t) && runs[0]![t] === 'fail');
  for (const t of differing) console.log(`DIFFERS ${t}: ${runs.map((r, i) => `run ${i + 1} ${r[t] ?? 'absent'}`).join(', ')}`);
  for (const t of failing) console.log(`FAILS EVERY RUN ${t}`);
  for (const p of problems) console.log(p);
  console.log(`${differing.length} differences in ${names.length} tests over ${o.runs} runs${failing.length ? `; ${failing.length} tests failed in every run` : ''}${problems.length ? `; ${problems.length} problems (unstable titles, folders left behind)` : ''}`);
  return differing.length || failing.length || problems.length ? 1 : 0;
}

export const spec = command({
  name: 'stress',
  usage: USAGE,
  positionals: true,
  options: { busy: { type: 'string' }, node: { type: 'string' }, all: { type: 'boolean' } },
  run(v, positionals) {
    const counts = positionals.filter((p) => /^\d+$/.test(p));
    const paths = positionals.filter((p) => !/^\d+$/.test(p));
    const runs = counts.length ? Number(counts[counts.length - 1]) : 20;
    if (runs < 2) throw new SpecError('stress needs at least 2 runs to compare');
    if (v.all && paths.length) throw new SpecError(`--all runs the whole suite (spec/): give it no spec paths (got ${paths.map((p) => JSON.stringify(p)).join(', ')})`);
    // Before any busy loop or vitest starts: a path that is not a spec file or folder is one line, exit 2.
    for (const p of paths) {
      const kind = pathKind(p);
      if (kind === 'missing') throw new SpecError(`no spec file or folder ${JSON.stringify(p)} (give a number of runs and spec paths)`);
      if (kind === 'other' || (kind === 'file' && !/\.spec\.ts$/.test(p))) throw new SpecError(`${JSON.stringify(p)} is not a spec file (*.spec.ts) or folder`);
    }
    return stress({ runs, busy: wholeNumber('busy', v.busy, 0) ?? availableParallelism(), node: v.node, paths: v.all ? ['spec'] : paths.length ? paths : ['spec/node', 'spec/lambda'] });
  },
}, import.meta.url);
