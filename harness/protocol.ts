// The observer's protocol, the harness's side of harness/observer.cjs: how the observer is told
// where to report (fd 3, or a file under Deno), and what its report says. The record kinds are
// documented at the top of observer.cjs; this module is the one reader of them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdFolder } from './procs.ts';
import type { Runtime } from './target.ts';

/** The variable that switches the observer on and says where it reports: "3" (fd 3, a pipe) or a file's path. */
export const OBSERVER_VARIABLE = 'NODE_ASYNC_SPEC_OBSERVER';

/** Where the observer of one run reports. */
export interface ReportChannel {
  /** The environment that tells the observer where to report. */
  env: Record<string, string>;
  /** Whether the report comes on fd 3 (procs.ts runGroup's `report`); otherwise read() reads the file. */
  onFd3: boolean;
  /** The report written to the file (undefined on fd 3, or if the observer never wrote). */
  read(): string | undefined;
  /** Removes the file. */
  close(): void;
}

/**
 * The channel for a run under `runtime`: fd 3; under Deno, whose node:fs cannot write to an
 * inherited descriptor, a file in a temporary folder (see observer.cjs). `variable`: the one that
 * switches the observer on (explain's own observer, harness/explain-observer.cjs, has its own).
 */
export function reportChannel(runtime: Runtime, variable: string = OBSERVER_VARIABLE): ReportChannel {
  if (runtime !== 'deno') return { env: { [variable]: '3' }, onFd3: true, read: () => undefined, close: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'nas-observer-'));
  const file = join(dir, 'report.jsonl');
  const release = holdFolder(dir);
  return {
    env: { [variable]: file },
    onFd3: false,
    read: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    close: () => {
      rmSync(dir, { recursive: true, force: true });
      release();
    },
  };
}

/** What an observer's report says. */
export interface Report {
  /** Whether the observer ran at all (a `start` record). */
  started: boolean;
  /** `process.version` as the observer saw it (its `start` record). */
  version?: string;
  /** Whether the `exit` event fired, and the code it received. */
  fired: boolean;
  exitCode: number | string | null;
  /** Everything written to stdout and stderr after `exit` fired, raw. */
  duringExit: string;
  /** Whether something was printed during exit that the observer could not render (Bun, Deno). */
  unknown: boolean;
}

/** Parses a report, one JSON record a line; a line that is not JSON (cut short by a kill) is skipped. */
export function parseReport(text: string): Report {
  const r: Report = { started: false, fired: false, exitCode: null, duringExit: '', unknown: false };
  const during: string[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let rec: { t: string; version?: string; code?: number | string; text?: string };
    try {
      rec = JSON.parse(line);
    } catch {
      continue;
    }
    if (rec.t === 'start') {
      r.started = true;
      if (rec.version) r.version = rec.version;
    } else if (rec.t === 'exit') {
      r.fired = true;
      r.exitCode = rec.code ?? null;
    } else if (rec.t === 'out' && rec.text !== undefined) during.push(rec.text);
    else if (rec.t === 'unknown') r.unknown = true;
  }
  r.duringExit = during.join('');
  return r;
}
