#!/usr/bin/env node
// `node-async-spec <command> [args...]`: the installed package's one entry point (its `bin`,
// built by packages/cli), each command as `npm run <command> --` runs it in a clone. The command's
// file runs as if it had been started itself (tools/command.ts runs a command when its file is the
// process's entry point), so its arguments, help and exit codes are the same.
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { followHolder } from '../harness/follow-holder.mjs';
import { INSTALLED } from './command.ts';

const COMMANDS = {
  scenario: () => import('./scenario.ts'),
  upgrade: () => import('./upgrade.ts'),
  bisect: () => import('./bisect.ts'),
  matrix: () => import('./matrix.ts'),
  lambda: () => import('../lambda/cli.ts'),
} as const;
type Name = keyof typeof COMMANDS;
/** Each command's file, from this one (the extension is this file's: .ts in a clone, .js installed). */
const FILES: Record<Name, string> = { scenario: 'scenario', upgrade: 'upgrade', bisect: 'bisect', matrix: 'matrix', lambda: '../lambda/cli' };

const USAGE = `usage: node-async-spec <command> [args...]   (node-async-spec <command> --help: its options)

  scenario   run one scenario on one or more targets and show what it did
  upgrade    what changes for a program moved from one target to another
  bisect     the first release of each change in a scenario's behaviour
  matrix     your scenarios (--scenarios <dir>) on every pinned Node major, and what changed
             (the project's own claims run in a clone: npm run matrix)
  lambda     run a handler as AWS Lambda's Node.js runtimes do`;

function fail(msg: string): void {
  process.stderr.write(`node-async-spec: ${msg}\n`);
  process.exitCode = 2;
}

// The command stops (as on SIGTERM) once what started it is gone: npx, and the shell between.
followHolder();
const [, , name, ...args] = process.argv;
if (name === '--help' || name === '-h') {
  process.stdout.write(USAGE + '\n');
} else if (name === undefined) {
  fail(`no command (one of ${Object.keys(COMMANDS).join(', ')}; node-async-spec --help says what each does)`);
} else if (!Object.hasOwn(COMMANDS, name)) {
  fail(`unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`);
} else {
  const here = fileURLToPath(import.meta.url);
  // As `node <command file> args...` would see them: the command checks that its file is the entry point.
  process.argv.splice(1, process.argv.length - 1, join(here, '..', FILES[name as Name] + extname(here)), ...args);
  // Its usage then reads `node-async-spec <command> ...` (tools/command.ts usageText).
  (globalThis as { [INSTALLED]?: boolean })[INSTALLED] = true;
  await COMMANDS[name as Name]();
}
