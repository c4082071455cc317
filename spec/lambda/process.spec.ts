// The runtime's Node process as Lambda's bootstrap starts it (lambda/bootstrap.ts, aws.ts
// BOOTSTRAP) and what keeps execution environments apart (lambda/isolation.ts), on each runtime.
// The flags are AWS's (the bootstrap's text, the Node.js page's table of disabled features); the
// heap limits and module outcomes are what each runtime's Node gave with those flags, found by
// running it (nodejs24.x: its Node 24 with the same command line, where aws-lambda-ric 4 is not
// built). A runtime whose client is not installed or not built here is skipped visibly.
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentTmp, isolationSupport } from '../../lambda/isolation.ts';
import { functions, HANDLERS, lambdaClaim, SPEC_RUNTIMES, type RuntimeName } from '../support/lambda-claims.ts';

const fns = functions();
/** Whether the runtime's /tmp is the environment's folder itself (a mount namespace: lambda/isolation.ts), else TMPDIR. */
const privateTmp = (await isolationSupport()).readOnlyCode.ok;
// A layer as its .zip extracts: nodejs/node_modules/<package>. Made once tests run (a file that
// fails to load leaves nothing behind).
let layer = '';
beforeAll(() => {
  layer = mkdtempSync(join(tmpdir(), 'lambda-layer-spec-'));
  mkdirSync(join(layer, 'nodejs', 'node_modules', 'layer-probe'), { recursive: true });
  writeFileSync(join(layer, 'nodejs', 'node_modules', 'layer-probe', 'index.js'), "module.exports = { name: 'layer-probe' };\n");
});
afterAll(async () => {
  await fns.closeAll();
  if (layer) rmSync(layer, { recursive: true, force: true });
});

/** The module flags Lambda adds per runtime (lambda-nodejs.html). */
const MODULE_FLAGS: Record<RuntimeName, string[]> = {
  'nodejs20.x': ['--no-experimental-require-module'],
  'nodejs22.x': ['--no-experimental-require-module', '--no-experimental-detect-module'],
  'nodejs24.x': [],
};
/** heap_size_limit in MB: with the bootstrap's 128 MB flags, and with NODE_OPTIONS=--max-old-space-size=300 instead (found by running). */
const HEAP_LIMIT_MB: Record<RuntimeName, { at128: number; nodeOptions300: number }> = {
  'nodejs20.x': { at128: 140, nodeOptions300: 348 },
  'nodejs22.x': { at128: 140, nodeOptions300: 348 },
  'nodejs24.x': { at128: 140, nodeOptions300: 492 },
};
/** What module-flags.js answers (found by running): require(esm), and import() of ES module syntax in a .js file with no declared type. */
const MODULES: Record<RuntimeName, { requireEsm: string; detect: string }> = {
  'nodejs20.x': { requireEsm: 'ERR_REQUIRE_ESM', detect: 'esm syntax' },
  'nodejs22.x': { requireEsm: 'ERR_REQUIRE_ESM', detect: 'SyntaxError' },
  'nodejs24.x': { requireEsm: 'esm', detect: 'esm syntax' },
};

for (const runtime of SPEC_RUNTIMES) {
  lambdaClaim('node-process', runtime, async () => {
    const saved = process.env.AWS_ACCESS_KEY_ID;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDSPECLOCAL';
    try {
      await fns.with('node-process', { runtime, layers: [layer], region: 'eu-west-1' }, async (fn) => {
        const r = await fn.invoke({});
        expect(r.error).toBeUndefined();
        // The region names the runtime version's ARN too.
        expect(r.rawLogs[0]).toMatch(/\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:[0-9a-f]{64}$/);
        expect(r.response).toEqual({
          execArgv: ['--expose-gc', '--max-http-header-size', '81920', ...MODULE_FLAGS[runtime], '--max-semi-space-size=6', '--max-old-space-size=116'],
          heapLimitMb: HEAP_LIMIT_MB[runtime].at128,
          gc: 'function',
          // The runtime's Node, and the one `node` names on PATH: the same release (this machine's
          // own node may be another: it is not on PATH before the runtime's).
          version: fn.node,
          spawnedNode: fn.node,
          layer: 'layer-probe',
          region: 'eu-west-1',
          accessKey: 'AKIDSPECLOCAL',
          openFiles: 1024,
        });
      });
    } finally {
      if (saved === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      else process.env.AWS_ACCESS_KEY_ID = saved;
    }
    // A heap size in NODE_OPTIONS: the bootstrap passes neither heap flag, Node takes the function's.
    await fns.with('node-process', { runtime, env: { NODE_OPTIONS: '--max-old-space-size=300' } }, async (fn) => {
      const r = await fn.invoke({});
      expect(r.response).toMatchObject({
        execArgv: ['--expose-gc', '--max-http-header-size', '81920', ...MODULE_FLAGS[runtime]],
        heapLimitMb: HEAP_LIMIT_MB[runtime].nodeOptions300,
        layer: 'MODULE_NOT_FOUND',
        region: 'us-east-1',
      });
    });
  }, { note: '128 MB, a layer, --region eu-west-1; then NODE_OPTIONS=--max-old-space-size=300' });

  lambdaClaim('module-flags', runtime, async () => {
    await fns.with('module-flags', { runtime }, async (fn) => {
      expect((await fn.invoke({})).response).toEqual(MODULES[runtime]);
    });
    if (MODULE_FLAGS[runtime].length) {
      await fns.with('module-flags', { runtime, env: { NODE_OPTIONS: '--experimental-require-module' } }, async (fn) => {
        expect((await fn.invoke({})).response).toMatchObject({ requireEsm: 'esm' });
      });
    }
  });

  lambdaClaim('exec-wrapper', runtime, async () => {
    const wrapper = join(HANDLERS, '_exec-wrapper.sh');
    await fns.with('exec-wrapper', { runtime, env: { AWS_LAMBDA_EXEC_WRAPPER: wrapper } }, async (fn) => {
      const r = await fn.invoke({});
      expect(r.response).toEqual({ wrappedBy: 'exec-wrapper', traceUncaught: true });
    });
    const missing = join(HANDLERS, '_no-such-wrapper.sh');
    await fns.with('exec-wrapper', { runtime, env: { AWS_LAMBDA_EXEC_WRAPPER: missing } }, async (fn) => {
      const r = await fn.invoke({});
      expect(r.error).toMatchObject({ errorType: 'Runtime.ExitError' });
      expect(r.exit).toEqual({ code: 127, signal: null });
      expect(r.initLines).toEqual([`${missing}: does not exist`]);
      expect(r.lines).toEqual([`${missing}: does not exist`]);
    });
  }, { note: 'a wrapper script; a wrapper that does not exist' });

  lambdaClaim('memory-child', runtime, async () => {
    // 256 MB: the runtime and a child Node holding 20 MB took 103-114 MB here.
    await fns.with('memory-child', { runtime, memoryMb: 256 }, async (fn) => {
      const a = await fn.invoke({ mb: 20 });
      expect(a.error).toBeUndefined();
      expect(a.response).toEqual({ childMb: 20 });
      // The runtime process alone peaks at 44-50 MB here (seen with the child left out of the
      // count); the child (a Node of its own and 20 MB) brings the total over 80.
      expect(a.maxMemoryUsedMb).toBeGreaterThan(80);
      expect(a.maxMemoryUsedMb).toBeLessThan(256);
      const b = await fn.invoke({ mb: 300 });
      expect(b.response).toBeUndefined();
      expect(b.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${b.requestId} Error: Runtime exited with error: signal: killed` });
      expect(b.maxMemoryUsedMb).toBe(256);
      expect(b.logs.at(-1)).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
    });
  }, { note: 'a child holding 20 MB, then one holding 300 MB, at 256 MB' });

  lambdaClaim('tmp-per-environment', runtime, async () => {
    let dirs: string[] = [];
    await fns.with('tmp-per-environment', { runtime }, async (fn) => {
      // Two at once: the second finds the first environment busy and gets a new one.
      const [a, b] = await Promise.all([fn.send({ tag: 'a' }), fn.send({ tag: 'b' })]);
      expect([a.environment, b.environment]).toEqual([1, 2]);
      expect(a.response).toMatchObject({ files: ['mark-a'] });
      expect(b.response).toMatchObject({ files: ['mark-b'] });
      // Each environment's folder on this machine; the runtime sees it as /tmp itself where the
      // service can give it a mount namespace, else as TMPDIR (os.tmpdir()).
      dirs = [a, b].map((r) => r.tmpFolder!);
      expect(dirs[0]).not.toBe(dirs[1]);
      expect([a, b].map((r) => (r.response as { tmp: string }).tmp)).toEqual(privateTmp ? ['/tmp', '/tmp'] : dirs);
      // The next invocation goes to one of them: its /tmp still holds that environment's file.
      const c = await fn.invoke({ tag: 'c' });
      expect(c.response).toMatchObject({ files: [c.environment === 1 ? 'mark-a' : 'mark-b', 'mark-c'] });
      expect(dirs.every((d) => existsSync(d))).toBe(true);
    });
    // Closed: each environment's folder is gone.
    expect(dirs.filter((d) => existsSync(d))).toEqual([]);
  });
}

describe("an environment's /tmp folder (lambda/isolation.ts)", () => {
  it('counts the blocks its files take, subfolders included (a sparse file counts what it holds), against a limit', () => {
    const t = new EnvironmentTmp();
    const dir = t.dir();
    try {
      expect(dir.startsWith(tmpdir())).toBe(true);
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'two-mb'), Buffer.alloc(2 * 1024 * 1024, 1));
      // 600 MB long, nothing written: no block to count.
      writeFileSync(join(dir, 'sparse'), '');
      truncateSync(join(dir, 'sparse'), 600 * 1024 * 1024);
      expect(t.usedBytes()).toBeGreaterThanOrEqual(2 * 1024 * 1024);
      expect(t.usedBytes()).toBeLessThan(3 * 1024 * 1024);
      expect(t.overLimitMb()).toBeUndefined(); // Lambda's 512 MB
      expect(t.overLimitMb(1)).toBe(2);
    } finally {
      t.remove();
    }
    expect(existsSync(dir)).toBe(false);
  });
});
