// The installable package (packages/cli), checked offline: every package the bin's code imports
// is one of its dependencies, at the range the repository itself installs, and nothing else is;
// every file the commands read by path from the repository's root is one build.mjs copies. (The
// package packed, installed and run: spec/e2e/package.spec.ts.)
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { installedPackage } from '../../harness/project.ts';
import { tempFolder } from '../support/temp.ts';

const PACKAGE = join(ROOT, 'packages', 'cli');
/** Paths the code names that the package leaves out on purpose, each with the reason. */
const LEFT_OUT: Record<string, string> = {
  'lambda/handlers': 'the Lambda claims\' handlers: only the catalogue lists them (harness/scenarios.ts listLambdaScenarios finds none where the folder is missing)',
  // The matrix's runs of the spec under vitest, in a clone; installed, without spec/node, it runs --scenarios alone (tools/matrix.ts hasSpec).
  'spec/node': 'its absence is how the matrix knows it is installed',
  'harness/results-reporter.ts': 'vitest\'s reporter: the spec\'s runs only',
  'tools/run.mjs': 'starts tools/vitest-collect.ts for --boundaries, refused when installed',
  'tools/vitest-collect.ts': 'the same',
};
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; bin?: Record<string, string>; files?: string[] };

/** The bin's import graph as esbuild (tsx's, as tools/run.mjs uses it) resolves it: the repository's files and the packages imported. */
async function graph(): Promise<{ files: string[]; packages: string[] }> {
  const tsx = createRequire(createRequire(join(ROOT, 'package.json')).resolve('tsx/package.json'));
  const { build } = tsx('esbuild') as typeof import('esbuild');
  const r = await build({ entryPoints: [join(ROOT, 'tools', 'cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT });
  const files = Object.keys(r.metafile.inputs);
  const packages = new Set<string>();
  for (const input of Object.values(r.metafile.inputs)) {
    for (const i of input.imports) {
      if (!i.external || i.path.startsWith('node:') || builtinModules.includes(i.path)) continue;
      packages.add(i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : i.path.split('/')[0]!);
    }
  }
  // A package loaded on first use (`lazyRequire('yaml')`, harness/scenario.ts) is one of its imports too.
  for (const f of files) {
    for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/\blazyRequire\('([^'.][^']*)'\)/g)) packages.add(m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!);
  }
  return { files, packages: [...packages].sort() };
}

describe('packages/cli', () => {
  it('depends on exactly the packages its bin imports, at the ranges the repository installs', async () => {
    const { packages } = await graph();
    const pkg = json(join(PACKAGE, 'package.json'));
    const repo = json(join(ROOT, 'package.json'));
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(packages);
    for (const d of packages) expect(pkg.dependencies![d], d).toBe(repo.devDependencies?.[d] ?? repo.dependencies?.[d]);
    expect(pkg.bin).toEqual({ 'node-async-spec': 'dist/tools/cli.js' });
    expect(pkg.files).toEqual(['dist']);
  });

  it('the bin imports none of the test-only code (vitest, the specs)', async () => {
    const { files, packages } = await graph();
    expect(packages.filter((p) => ['vitest', 'tsx', 'execa', 'typescript'].includes(p))).toEqual([]);
    expect(files.filter((f) => f.startsWith('spec/'))).toEqual([]);
  });

  it('build.mjs copies every file its code reads from the repository by path', async () => {
    const { files } = await graph();
    const build = readFileSync(join(PACKAGE, 'build.mjs'), 'utf8');
    // What the code joins onto ROOT (or its own folder) to read at run time: the harness's plain
    // JavaScript, the scenarios, the pins, the Lambda runtime's files.
    const read = new Set<string>();
    for (const f of files.filter((x) => /\.ts$/.test(x))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/join\((?:ROOT|dirname\(fileURLToPath\(import\.meta\.url\)\)), ([^)]*)\)/g)) {
        const parts = [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!);
        if (parts[0] === 'node_modules') continue; // packages, resolved where installed
        const dir = m[0].includes('import.meta.url') ? relative(ROOT, join(ROOT, f, '..')) : '';
        if (parts.length) read.add(join(dir, ...parts));
      }
    }
    expect([...read].length).toBeGreaterThan(3);
    const copied = (p: string) => (p.startsWith('harness/') && /\.(cjs|mjs|sh)$/.test(p) ? build.includes(`/\\.(cjs|mjs|sh)$/`) : [...build.matchAll(/copy\('([^']+)'\)/g)].some((c) => p === c[1] || p.startsWith(`${c[1]}/`)));
    expect([...read].filter((p) => !copied(p) && !Object.hasOwn(LEFT_OUT, p)).sort()).toEqual([]);
    expect([...read].sort()).toEqual(expect.arrayContaining(['harness/observer.cjs', 'harness/guard.cjs', 'harness/guard.sh', 'scenarios', 'node-versions.json', 'runtime-versions.json']));
  });

  // Installed, ROOT is the package's dist/ and a package the code finds by path (the Lambda
  // runtime client) is in the project's node_modules, next to the package, as Node would resolve it.
  const tree = tempFolder('package-lookup-');
  it('finds a package by path in the nearest node_modules above ROOT, else names ROOT\'s own', () => {
    const from = join(tree(), 'project', 'node_modules', 'node-async-spec', 'dist');
    mkdirSync(from, { recursive: true });
    mkdirSync(join(tree(), 'project', 'node_modules', 'aws-lambda-ric-3'), { recursive: true });
    expect(installedPackage('aws-lambda-ric-3', from)).toBe(join(tree(), 'project', 'node_modules', 'aws-lambda-ric-3'));
    mkdirSync(join(from, 'node_modules', 'aws-lambda-ric-3'), { recursive: true });
    expect(installedPackage('aws-lambda-ric-3', from)).toBe(join(from, 'node_modules', 'aws-lambda-ric-3'));
    expect(installedPackage('no-such-package-here', from)).toBe(join(from, 'node_modules', 'no-such-package-here'));
    // In a clone: the repository's own.
    expect(installedPackage('semver')).toBe(join(ROOT, 'node_modules', 'semver'));
  });
});

describe('node-async-spec without a command it knows', () => {
  const cli = (args: string[]) => execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'cli.ts'), ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1' }, timeout: 60_000 });
  it('no command, or an unknown one: one line on stderr, exit 2; --help: the commands on stdout, exit 0', async () => {
    const none = await cli([]);
    expect([none.exitCode, none.stdout, none.stderr]).toEqual([2, '', 'node-async-spec: no command (one of scenario, upgrade, bisect, matrix, lambda; node-async-spec --help says what each does)']);
    const unknown = await cli(['explian']);
    expect([unknown.exitCode, unknown.stdout, unknown.stderr]).toEqual([2, '', 'node-async-spec: unknown command "explian" (commands: scenario, upgrade, bisect, matrix, lambda)']);
    const help = await cli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^usage: node-async-spec <command> \[args\.\.\.\]/);
  }, 90_000);

  it("a command's --help names it as it is typed: node-async-spec <command>, not npm run", async () => {
    const [lambda, matrix] = await Promise.all([cli(['lambda', '--help']), cli(['matrix', '--help'])]);
    expect([lambda.exitCode, lambda.stdout.split('\n').slice(0, 2)]).toEqual([0, [
      'usage: node-async-spec lambda <handler-file> [options]',
      '       node-async-spec lambda serve <handler-file> [--port <n>] [--async-retry-delays <ms>,<ms>] [options]',
    ]]);
    expect([matrix.exitCode, matrix.stdout.split('\n')[0]]).toEqual([0, 'usage: node-async-spec matrix [targets...] [options]']);
    expect(`${lambda.stdout}${matrix.stdout}`).not.toMatch(/npm run (lambda|matrix) --/);
  }, 90_000);
});
