// node tools/run.mjs <command file.ts> [args...]: runs one of the project's commands as
// `node --import tsx/esm <file> [args...]` would, at about a third of the start-up CPU. The
// command's TypeScript is bundled once by esbuild (tsx's own transformer) into
// node_modules/.cache/node-async-spec-cli/ and the bundle reused while none of its source files
// has changed (size and modification time); packages stay external, and each file keeps its own
// import.meta.url. Where a bundle cannot be built or written, the command runs under tsx/esm.
// Plain JavaScript: it runs before any TypeScript can.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { followHolder } from '../harness/follow-holder.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'node-async-spec-cli');

// The command stops (as on SIGTERM) once what started it is gone: npm, and the shell between.
followHolder();

const [, , file, ...args] = process.argv;
if (!file || !file.endsWith('.ts')) {
  process.stderr.write('run: usage: node tools/run.mjs <command file.ts> [args...]\n');
  process.exit(2);
}
const entry = resolve(file);
const key = `${basename(entry, '.ts')}-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
const bundle = join(CACHE, `${key}.mjs`);
const manifest = join(CACHE, `${key}.json`);

/** Whether the bundle was built from the files as they are now. */
function fresh() {
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.entry !== entry || !Array.isArray(m.inputs) || !m.inputs.length) return false;
    statSync(bundle);
    return m.inputs.every(([path, size, mtimeMs]) => {
      const st = statSync(path);
      return st.size === size && st.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

/** Bundles the command; the manifest lists every source file with its size and time as read. */
async function build() {
  // The esbuild tsx itself transforms with (a dependency of tsx, not of this project).
  const tsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const { build: esbuild } = tsx('esbuild');
  const seen = new Map();
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Stack traces name the source files (with --debug: below), as under tsx.
    sourcemap: 'inline',
    sourcesContent: false,
    absWorkingDir: ROOT,
    sourceRoot: pathToFileURL(ROOT).href + '/',
    write: false,
    logLevel: 'silent',
    plugins: [{
      name: 'own-import-meta-url',
      setup(b) {
        // Each file's import.meta.url stays its own (ROOT, the entry-point check), not the bundle's.
        b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (a) => {
          if (a.path.split(sep).includes('node_modules')) return undefined;
          const st = statSync(a.path);
          const text = readFileSync(a.path, 'utf8');
          seen.set(a.path, [st.size, st.mtimeMs]);
          const loader = /\.[cm]?ts$/.test(a.path) ? 'ts' : 'js';
          return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)), loader };
        });
      },
    }],
  });
  mkdirSync(CACHE, { recursive: true });
  // Written under temporary names and renamed: a concurrent run sees the old pair or the new one.
  const tmp = `.${process.pid}-${Date.now()}`;
  writeFileSync(bundle + tmp, result.outputFiles[0].contents);
  writeFileSync(manifest + tmp, JSON.stringify({ entry, inputs: [...seen].map(([p, [size, mtimeMs]]) => [p, size, mtimeMs]) }));
  renameSync(bundle + tmp, bundle);
  renameSync(manifest + tmp, manifest);
}

let target = bundle;
if (!fresh()) {
  try {
    await build();
  } catch {
    target = undefined;
  }
}
// As `node <file> args...` sees them: the command checks that its own file is the entry point.
process.argv.splice(1, process.argv.length - 1, entry, ...args);
if (target) {
  // Only for --debug, the one time a command prints a stack: reading the bundle's map cost each
  // command's start 15-20 ms of CPU (more for the larger bundles), in every run of every command.
  if (args.includes('--debug')) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(target).href);
} else {
  await import('tsx/esm');
  await import(pathToFileURL(entry).href);
}
