// A vitest reporter used only by `npm run matrix`: it prints one line per event on stdout,
// `@@matrix {"collected": n}` when a spec file's tests are known and `@@matrix {"done": 1}` when a
// test has finished, so the matrix can show how far each Node version has got while it runs.
// The verdicts themselves come from vitest's JSON reporter, not from here.
import type { Reporter, TestCase, TestModule } from 'vitest/node';

function say(o: Record<string, unknown>) {
  process.stdout.write(`@@matrix ${JSON.stringify(o)}\n`);
}

export default class MatrixProgress implements Reporter {
  onTestModuleCollected(m: TestModule) {
    let n = 0;
    for (const _ of m.children.allTests()) n++;
    say({ collected: n });
  }

  onTestCaseResult(t: TestCase) {
    say({ done: 1, state: t.result().state });
  }
}
