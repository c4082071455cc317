// The one channel from a run to every report. For each test it reads the data the test carries
// in its `meta` (harness/claims.ts: scenario id, target, the scenario's hash, observation; the
// byNode ranges it used, meta key `ranges`; a skip's reason) and its
// verdict, never its title, and:
//  - with SPEC_RESULTS=<file>, appends one JSON record a line to that file as the run goes
//    ({"t":"collected",...} when a spec file's tests are known, {"t":"test",...} when one ends):
//    the matrix, stress and the tooling specs read these records;
//  - at the end of every run, lists what was skipped and why (a skip without a reason is flagged).
import { appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import { isFrame, normalise } from './observation.ts';
import type { TestRecord, Verdict } from './records.ts';

function verdictOf(t: TestCase): Verdict {
  const state = t.result().state;
  if (state === 'passed') return 'pass';
  if (state === 'failed') return 'fail';
  const meta = t.meta();
  if (meta.claim && meta.skip) return 'n.a.';
  return 'skipped';
}

/** A failure message fit for a report: no colours, no stack frames, no machine paths. */
function cleanFailure(msg: string, root: string): string {
  const lines = normalise(msg, { root, scenarios: join(root, 'scenarios') }).split('\n');
  const stack = lines.findIndex(isFrame);
  return (stack >= 0 ? lines.slice(0, stack) : lines).join('\n').trimEnd();
}

/** The byNode ranges a claim's expectation used, if its test publishes them (meta key `ranges`). */
function rangesOf(meta: object): string[] | undefined {
  const r = (meta as { ranges?: unknown }).ranges;
  return Array.isArray(r) && r.every((x) => typeof x === 'string') ? [...r] : undefined;
}

export function record(t: TestCase, root: string): TestRecord {
  const meta = t.meta();
  const verdict = verdictOf(t);
  const place = { t: 'test' as const, file: relative(root, t.module.moduleId), name: t.fullName };
  const result = t.result();
  const skip = meta.skip ?? (result.state === 'skipped' ? result.note : undefined);
  // The message, and vitest's diff of what was expected against what came (what a deep equality
  // failure says only there: npm run stress and the matrix's reports show it), 60 lines of at most
  // 400 characters (a diff of a megabyte string is one line); its colours go with cleanFailure's normalise.
  const said = (result.errors ?? []).map((e) => [e.message, e.diff?.split('\n').slice(0, 60).map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l)).join('\n')].filter(Boolean).join('\n')).join('\n');
  const failure = verdict === 'fail' ? cleanFailure(said || 'failed', root) : undefined;
  const rest = { ...(skip && (verdict === 'skipped' || verdict === 'n.a.') ? { skip } : {}), ...(failure ? { failure } : {}) };
  if (!meta.claim) return { ...place, verdict, ...rest };
  const c = meta.claim;
  const ranges = rangesOf(meta);
  return {
    ...place, scenario: c.scenario, ...(c.stdio ? { stdio: c.stdio } : {}), target: c.target, verdict, hash: c.hash,
    ...(c.observation && verdict !== 'n.a.' ? { observation: c.observation } : {}),
    ...(c.unknown?.length ? { unknown: c.unknown } : {}),
    ...(ranges ? { ranges } : {}),
    ...rest,
  };
}

export default class ResultsReporter implements Reporter {
  private readonly file = process.env.SPEC_RESULTS || undefined;
  private readonly root = process.cwd();
  private readonly skips = new Map<string, { count: number; files: Set<string> }>();
  /** `vitest -t <pattern>`: tests it leaves out are not skips of the spec's doing. */
  private pattern: RegExp | undefined;

  onInit(vitest: Vitest) {
    this.pattern = vitest.config.testNamePattern;
  }

  private write(o: object) {
    if (this.file) appendFileSync(this.file, JSON.stringify(o) + '\n');
  }

  onTestModuleCollected(m: TestModule) {
    const tests = [...m.children.allTests()].map((t) => ({ name: t.fullName, scenario: t.meta().claim?.scenario, ...(t.meta().claim?.stdio ? { stdio: t.meta().claim!.stdio } : {}), skip: t.meta().skip }));
    this.write({ t: 'collected', file: relative(this.root, m.moduleId), tests });
  }

  onTestCaseResult(t: TestCase) {
    const rec = record(t, this.root);
    this.write(rec);
    const filteredOut = this.pattern && !rec.skip && !this.pattern.test(t.fullName);
    if ((rec.verdict === 'skipped' || rec.verdict === 'n.a.') && !filteredOut) {
      const reason = rec.skip ?? `NO REASON GIVEN: ${t.fullName}`;
      const s = this.skips.get(reason) ?? { count: 0, files: new Set<string>() };
      s.count++;
      s.files.add(rec.file);
      this.skips.set(reason, s);
    }
  }

  onTestRunEnd() {
    if (!this.skips.size || process.env.SPEC_RESULTS_QUIET) return;
    const total = [...this.skips.values()].reduce((n, r) => n + r.count, 0);
    const lines = [...this.skips].map(([reason, r]) => `  ${String(r.count).padStart(3)} × ${reason}  [${[...r.files].join(', ')}]`);
    process.stdout.write(`\nSkipped ${total} test${total === 1 ? '' : 's'}, and why:\n${lines.join('\n')}\n`);
  }
}
