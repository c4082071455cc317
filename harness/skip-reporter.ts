// Lists, at the end of every run, what was skipped and why: a skip must be visible with its
// reason (a runtime client that could not be built, a browser that is not installed, a scenario
// whose Node range excludes the target). Specs put the reason in the skipped test's or suite's
// title ("— skipped: ...", "SKIPPED: ...", "— n.a. on Node ..."); a skip without one is flagged.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const REASON = /(?:—\s*skipped:|SKIPPED:|—\s*n\.a\. on|skipped:)\s*(.*?)(?:\s+>\s+[^>]*)?$/i;

export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const reasons = new Map<string, { count: number; files: Set<string> }>();
    for (const m of testModules) {
      const file = relative(process.cwd(), m.moduleId);
      for (const t of m.children.allTests()) {
        if (t.result().state !== 'skipped') continue;
        const match = REASON.exec(t.fullName);
        const reason = match ? match[1]!.trim() : `NO REASON GIVEN: ${t.fullName}`;
        const r = reasons.get(reason) ?? { count: 0, files: new Set<string>() };
        r.count++;
        r.files.add(file);
        reasons.set(reason, r);
      }
    }
    if (!reasons.size) return;
    const total = [...reasons.values()].reduce((n, r) => n + r.count, 0);
    const lines = [...reasons].map(([reason, r]) => `  ${String(r.count).padStart(3)} × ${reason}  [${[...r.files].join(', ')}]`);
    process.stdout.write(`\nSkipped ${total} test${total === 1 ? '' : 's'}, and why:\n${lines.join('\n')}\n`);
  }
}
