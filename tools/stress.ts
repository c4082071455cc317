// npm run stress -- [runs] [--busy <n>] [--node <target>] [--all | <spec paths...>]
//
// Runs the spec again and again while other processes keep every core busy, and reports every
// test whose verdict was not the same in all runs. The claims must hold on a loaded machine: a
// verdict that wobbles is a defect in the scenario's design, to be fixed there (never by retries).
// Default scope: spec/node and spec/lambda (the claims); --all adds spec/tooling.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { SpecError, resolveNode } from '../harness/harness.ts';
import { stopRunning, vitestVerdicts, type Verdicts } from './vitest-json.ts';

interface Args { runs: number; busy: number; node?: string; paths: string[] }

function parse(argv: string[]): Args {
  const a: Args = { runs: 20, busy: availableParallelism(), paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new SpecError(`${x} needs a value`);
      return v;
    };
    if (x === '--busy') {
      a.busy = Number(val());
      if (!Number.isInteger(a.busy) || a.busy < 0) throw new SpecError(`--busy takes a whole number of busy processes, not ${JSON.stringify(argv[i])}`);
    } else if (x === '--node') a.node = val();
    else if (x === '--all') a.paths = ['spec'];
    else if (/^\d+$/.test(x)) a.runs = Number(x);
    else if (x.startsWith('-')) throw new SpecError(`unknown option ${x} (usage: npm run stress -- [runs] [--busy n] [--node target] [--all | spec paths])`);
    else a.paths.push(x);
  }
  if (a.runs < 2) throw new SpecError('stress needs at least 2 runs to compare');
  if (!a.paths.length) a.paths = ['spec/node', 'spec/lambda'];
  return a;
}

const busy: ChildProcess[] = [];
function cleanup() {
  for (const b of busy) b.kill('SIGKILL');
  stopRunning();
}

async function main() {
  const a = parse(process.argv.slice(2));
  const target = a.node ? await resolveNode(a.node) : undefined;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { cleanup(); process.exit(sig === 'SIGINT' ? 130 : 143); });
  process.once('exit', cleanup);
  for (let i = 0; i < a.busy; i++) {
    busy.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  }
  console.log(`stress: ${a.runs} runs of ${a.paths.join(' ')} on ${target ? target.version : process.version}, ${a.busy} busy-loop processes on ${availableParallelism()} cores`);
  const runs: Verdicts[] = [];
  try {
    for (let n = 1; n <= a.runs; n++) {
      const { verdicts, failures, ms } = await vitestVerdicts(a.paths, { env: target ? { SPEC_NODE: target.path } : {} });
      runs.push(verdicts);
      const counts: Record<string, number> = {};
      for (const s of Object.values(verdicts)) counts[s] = (counts[s] ?? 0) + 1;
      console.log(`run ${n}/${a.runs}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} in ${(ms / 1000).toFixed(1)} s`);
      for (const [name, msg] of Object.entries(failures)) console.log(`  failed: ${name}\n${msg.replace(/^/gm, '    | ')}`);
    }
  } finally {
    cleanup();
  }
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  const differing = names.filter((t) => new Set(runs.map((r) => r[t] ?? 'absent')).size > 1);
  const failing = names.filter((t) => !differing.includes(t) && runs[0]![t] === 'failed');
  for (const t of differing) console.log(`DIFFERS ${t}: ${runs.map((r, i) => `run ${i + 1} ${r[t] ?? 'absent'}`).join(', ')}`);
  for (const t of failing) console.log(`FAILS EVERY RUN ${t}`);
  console.log(`${differing.length} differences in ${names.length} tests over ${a.runs} runs${failing.length ? `; ${failing.length} tests failed in every run` : ''}`);
  process.exitCode = differing.length || failing.length ? 1 : 0;
}

main().catch((e) => {
  cleanup();
  if (e instanceof SpecError) {
    console.error(`stress: ${e.message}`);
    process.exit(2);
  }
  throw e;
});
