// Builds the installed package into dist/ (npm pack runs it: "prepack"): the commands compiled
// from the repository's TypeScript by tsc (tsconfig.json here), and beside them the files they
// read at run time, at the same paths from dist/ as from the repository's root (harness/project.ts
// ROOT is dist/ once installed): the observer and other plain-JavaScript helpers (and the guard's shell half), the scenarios,
// the pins, the Lambda runtime's bootstrap. Plain JavaScript: it runs before any TypeScript can.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const DIST = join(HERE, 'dist');

rmSync(DIST, { recursive: true, force: true });
// The repository's own TypeScript (a devDependency there): nothing to install here.
const tsPackage = createRequire(join(REPO, 'package.json')).resolve('typescript/package.json');
const tsc = join(dirname(tsPackage), JSON.parse(readFileSync(tsPackage, 'utf8')).bin.tsc);
execFileSync(process.execPath, [tsc, '-p', join(HERE, 'tsconfig.json')], { stdio: 'inherit' });

const copy = (from, to = from) => cpSync(join(REPO, from), join(DIST, to), { recursive: true });
for (const f of readdirSync(join(REPO, 'harness'))) if (/\.(cjs|mjs|sh)$/.test(f)) copy(join('harness', f));
copy('scenarios');
copy('lambda/runtime');
copy('node-versions.json');
copy('runtime-versions.json');
process.stdout.write(`built ${DIST}\n`);
