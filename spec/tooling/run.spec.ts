// tools/run.mjs, which package.json's scripts run the commands with: the command's TypeScript as
// one cached bundle, rebuilt when a source file changes, each file keeping its own
// import.meta.url, the command seeing the argv it would see under `node --import tsx/esm`.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';

const RUN = join(ROOT, 'tools', 'run.mjs');
const CACHE = join(ROOT, 'node_modules', '.cache', 'node-async-spec-cli');
const dir = tempFolder('nas-run-', { scenarios: true });
afterAll(() => {
  // This test's bundles go with it: the manifests name their entry file.
  for (const f of existsSync(CACHE) ? readdirSync(CACHE).filter((x) => x.endsWith('.json')) : []) {
    const entry = (JSON.parse(readFileSync(join(CACHE, f), 'utf8')) as { entry: string }).entry;
    if (entry.startsWith(dir())) for (const x of [f, f.replace(/\.json$/, '.mjs')]) rmSync(join(CACHE, x), { force: true });
  }
});

describe('node tools/run.mjs <command file.ts>', () => {
  it('runs the file with its own import.meta.url and argv, and rebuilds when a source file changes (size or time)', async () => {
    const main = join(dir(), 'main.ts');
    const dep = join(dir(), 'dep.ts');
    writeFileSync(main, [
      "import { word, where } from './dep.ts';",
      'const n: number = 1;',
      'console.log([word, n, new URL(where).pathname, new URL(import.meta.url).pathname, ...process.argv.slice(1)].join(" "));',
      '',
    ].join('\n'));
    const run = async () => {
      const r = await execa(process.execPath, [RUN, main, '--', 'a b'], { cwd: ROOT, reject: false, timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      return r.stdout;
    };
    writeFileSync(dep, "export const word = 'one';\nexport const where = import.meta.url;\n");
    expect(await run()).toBe(`one 1 ${dep} ${main} ${main} -- a b`);
    writeFileSync(dep, "export const word = 'three';\nexport const where = import.meta.url;\n");
    expect(await run()).toBe(`three 1 ${dep} ${main} ${main} -- a b`);
    // Same size, later time.
    writeFileSync(dep, "export const word = 'eerht';\nexport const where = import.meta.url;\n");
    utimesSync(dep, new Date(), new Date(Date.now() + 5000));
    expect(await run()).toBe(`eerht 1 ${dep} ${main} ${main} -- a b`);
  }, 120_000);

  it('with --debug, a stack names the source file and line, not the bundle', async () => {
    const main = join(dir(), 'throws.ts');
    writeFileSync(main, [
      'const argv: string[] = process.argv;',
      "if (argv.includes('--debug')) console.log(new Error('here').stack!.split('\\n')[1]);",
      '',
    ].join('\n'));
    const r = await execa(process.execPath, [RUN, main, '--debug'], { cwd: ROOT, reject: false, timeout: 60_000 });
    expect({ exit: r.exitCode, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(r.stdout).toContain(`${main}:2:`);
  }, 60_000);

  it('a file that is not TypeScript: one line, exit 2', async () => {
    const r = await execa(process.execPath, [RUN, 'tools/bare-run.mjs'], { cwd: ROOT, reject: false, timeout: 60_000 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('run: usage: node tools/run.mjs <command file.ts> [args...]');
  }, 60_000);
});
