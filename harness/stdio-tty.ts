// A run whose stdout and stderr are a pseudo-terminal, as in an interactive shell: the program
// runs under `script` (util-linux, on every Debian), through harness/tty-child.cjs, which tells
// its process group and how the program ended. Both streams are the one terminal, so everything
// printed arrives in stdout, interleaved as written (the terminal's \r\n read as \n by
// normalise()); stderr holds only what `script` itself says (nothing, when it works). stdin is the terminal too, with nothing typed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SpecError } from './project.ts';
import { groupGone, holdFolder, holdGroup, killGroup, releaseGroup } from './procs.ts';
import { STDIO_TEMP, type Stdio } from './stdio.ts';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
export const TTY_CHILD = join(ROOT, 'harness', 'tty-child.cjs');

/** A word quoted for sh. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Why no terminal can be given here (undefined: it can). */
export function whyNoTty(): string | undefined {
  if (process.platform !== 'linux') return `stdio tty: a pseudo-terminal is given through util-linux's \`script\`, on Linux only (this is ${process.platform})`;
  if (!SCRIPT) return 'stdio tty: needs `script` from util-linux (/usr/bin/script) to give the scenario a pseudo-terminal; not found here (Debian: apt-get install util-linux)';
  return undefined;
}

export function ttyStdio(): Stdio {
  const why = whyNoTty();
  if (why || !SCRIPT) throw new SpecError(why ?? 'stdio tty: no `script`');
  const dir = mkdtempSync(join(tmpdir(), STDIO_TEMP));
  const status = join(dir, 'status');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const release = holdFolder(dir);
  let inner: number | undefined;
  const lines = () => (existsSync(status) ? readFileSync(status, 'utf8').split('\n').filter(Boolean) : []);
  const group = () => {
    if (inner === undefined) {
      const pid = Number(lines()[0]);
      if (Number.isInteger(pid) && pid > 0) {
        inner = pid;
        holdGroup(inner);
      }
    }
    return inner;
  };
  return {
    kind: 'tty',
    fds: ['pipe', 'pipe'],
    wrap: (file, args, fd3) => ({
      file: SCRIPT,
      // -q: no banner; -e: wait for the child; /dev/null: no typescript file.
      args: ['-q', '-e', '-c', `exec ${[process.execPath, TTY_CHILD, status, fd3 ? 'fd3' : 'no-fd3', file, ...args].map(quote).join(' ')}`, '/dev/null'],
    }),
    spawned() {},
    groups: () => {
      const g = group();
      return g ? [g] : [];
    },
    async finish(_max, timedOut) {
      const g = group();
      if (g) {
        killGroup(g);
        await groupGone(g);
        releaseGroup(g);
      }
      const rec = lines().slice(1).map((l) => JSON.parse(l) as { code?: number | null; signal?: string | null; startError?: string })[0];
      if (rec?.startError) throw new SpecError(`stdio tty: could not start the scenario on the terminal: ${rec.startError}`);
      // No record: killed at the time limit before it ended (runGroup says so); otherwise `script` failed.
      if (!rec) return timedOut ? {} : { lost: '`script` ended without running the scenario' };
      return { exitCode: rec.code ?? null, signal: rec.signal ?? null };
    },
    close() {
      remove();
      release();
    },
  };
}
