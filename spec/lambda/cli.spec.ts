// `npm run lambda`: the command people use to watch a handler in a local Lambda environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { runtimeAvailability } from '../../lambda/service.ts';

// One process, no tsx CLI in between: tsx's CLI relays signals to its child and SIGKILLs it
// when it does not answer within 30 ms, which on a loaded machine would skip our clean-up.
const TSX = ['--import', 'tsx'];
const lambda = (args: string[]) => execa(process.execPath, [...TSX, join(ROOT, 'lambda', 'cli.ts'), ...args], { cwd: ROOT, reject: false, timeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), 'lambda-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const avail = runtimeAvailability('nodejs22.x');
const runs = avail.ok ? describe : describe.skip;
const title = avail.ok ? 'npm run lambda (nodejs22.x)' : `npm run lambda — skipped: nodejs22.x unavailable here: ${avail.reason}`;

runs(title, () => {
  it("the article's callback handler, two events: `finally 2` is in the second invocation's log, not the first", async () => {
    const r = await lambda(['lambda/handlers/article-callback.js', '--event', '{}', '--event', '{}']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const [first, second] = r.stdout.split(/^Response:$/m).slice(1);
    expect(first).toMatch(/\tINFO\tfinally 1$/m);
    expect(first).not.toMatch(/finally 2/);
    expect(second).toMatch(/\tINFO\tfinally 2$/m);
    expect(second!.indexOf('finally 2')).toBeLessThan(second!.indexOf('finally 1'));
  }, 200_000);

  it('--json gives one record per event', async () => {
    const r = await lambda(['lambda/handlers/article-async.js', '--event', '{"a":1}', '--event', '{}', '--json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ n: 1, coldStart: true, response: { statusCode: 200, body: 'a' } });
    expect(out[1]).toMatchObject({ n: 2, coldStart: false });
  }, 200_000);

  it('a handler that throws at import: one line naming the error, exit 1', async () => {
    const f = join(dir, 'throws.js');
    writeFileSync(f, "throw new Error('boom at import');\n");
    const r = await lambda([f]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`lambda: ${f} failed at init on nodejs22.x: Error: boom at import`]);
  }, 200_000);

  it.each([
    [['no/such/handler.js'], /^lambda: .*no\/such\/handler\.js/],
    [['lambda/handlers/article-async.js', '--runtime', 'nodejs99.x'], /^lambda: .*nodejs99\.x/],
    [['lambda/handlers/article-async.js', '--event', '{not json'], /^lambda: .*--event/],
    [['lambda/handlers/article-async.js', '--handler', 'nope'], /^lambda: Runtime\.HandlerNotFound/],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const r = await lambda(args);
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  }, 200_000);
});
