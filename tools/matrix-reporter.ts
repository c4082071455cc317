// A vitest reporter used only by `npm run matrix`: it prints one line per event on stdout,
// `@@matrix {"collected": [titles]}` when a spec file's tests are known and
// `@@matrix {"done": title}` when a test has finished, so the matrix can show how far each Node version has got while it runs.
// The verdicts themselves come from vitest's JSON reporter, not from here.
import type { Reporter, TestCase, TestModule } from 'vitest/node';

function say(o: Record<string, unknown>) {
  process.stdout.write(`@@matrix ${JSON.stringify(o)}\n`);
}

export default class MatrixProgress implements Reporter {
  onTestModuleCollected(m: TestModule) {
    const titles: string[] = [];
    for (const t of m.children.allTests()) titles.push(t.name);
    say({ collected: titles });
  }

  onTestCaseResult(t: TestCase) {
    say({ done: t.name, state: t.result().state });
  }
}
