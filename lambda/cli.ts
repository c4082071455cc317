// npm run lambda -- <handler-file> [options]: invokes a handler in the local Lambda service
// (lambda/service.ts: the real aws-lambda-ric, frozen between invocations) once per --event (once
// with {} if none is given), and prints each invocation as the Lambda console does: the response,
// the request id and the function's log (START / lines / END / REPORT). See USAGE.
// Exit status: 0 when every invocation answered; 1 when one ended with an error (the logs say
// which) or the function failed at init (one line on stderr: the error type and message; --json
// gives the whole record); 2 for bad input (one line on stderr).
import { readFileSync } from 'node:fs';
import { signalExitCode } from '../harness/procs.ts';
import { command, SpecError } from '../tools/command.ts';
import { jsonArray } from '../tools/json.ts';
import { ASYNC_RETRY_DELAYS_MS, DEFAULT_EPHEMERAL_STORAGE_MB, MAX_MEMORY_MB, MAX_PROCESSES, MAX_TIMEOUT_SEC, MIN_MEMORY_MB } from './aws.ts';
import { pendingLine } from './freeze-report.ts';
import { checkPort, checkRetryDelays, DEFAULT_PORT, startServer, type InvokeServer } from './invoke-api.ts';
import { checkFunction, DEFAULT_RUNTIME, RUNTIMES, startFunction, type FunctionOptions, type Invocation, type InvokeOptions, type LambdaFunction, type TypedAs } from './service.ts';

/** How often serve checks that the process that started it is still there. */
const ORPHAN_POLL_MS = 500;

/** Idle time between invocations when none is given: see the usage text for why. */
const DEFAULT_GAP_MS = 1000;

const USAGE = `usage: npm run lambda -- <handler-file> [options]
       npm run lambda -- serve <handler-file> [--port <n>] [--async-retry-delays <ms>,<ms>] [options]

Invokes the handler once per --event in a local Lambda service: the real AWS runtime client
(aws-lambda-ric) under the runtime's Node, frozen between invocations as on Lambda.

serve: Lambda's Invoke API on 127.0.0.1 instead, until interrupted (Ctrl-C). The first line of
stdout is its base URL; then each invocation's log, as Lambda's log stream shows it.
  POST <url>/2015-03-31/functions/<any name>/invocations, the AWS SDK's InvokeCommand with
  endpoint <url>: X-Amz-Invocation-Type RequestResponse (default), Event (202; retried twice on a
  function error, as Lambda does) or DryRun (204); X-Amz-Log-Type Tail (X-Amz-Log-Result).
  POST <url>/2021-11-15/functions/<any name>/response-streaming-invocations, the SDK's
  InvokeWithResponseStreamCommand: a streamed answer as PayloadChunk events as it arrives.
  <url>/url/<path>: a function URL: any HTTP request, handed to the function as a
  payload-format-2.0 event; its answer is the response (status, headers, cookies, body), a
  streamed one sent on as it arrives.
  --port <n>                the port (default: ${DEFAULT_PORT}; 0: one the system picks)
  --async-retry-delays <ms>,<ms>
                            the waits before Lambda's two retries of a failed Event invocation
                            (default: ${ASYNC_RETRY_DELAYS_MS.join(',')}, Lambda's one and two minutes)
  The options below apply too, except --event, --gap, --parallel, --client-context,
  --cognito-identity and --json, which belong to the invocations the command sends itself.

  --event <json>            an event (repeat for more invocations; default: one {});
                            file://<path> reads it from a file, as the AWS CLI does
  --handler <name>          the exported handler (default: handler)
  --runtime <name>          ${Object.keys(RUNTIMES).join(', ')} (default: ${DEFAULT_RUNTIME})
  --timeout <s>             the function timeout (default: 3, Lambda's default; at most ${MAX_TIMEOUT_SEC})
  --memory <MB>             the memory size, ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB} (default: 128): over it, the runtime is killed
  --env KEY=VALUE           an environment variable of the function (repeatable)
  --env-file <file>         environment variables from a file, one KEY=VALUE a line (# comments;
                            repeatable; --env wins over a file). Also --env-vars <file>
  --layer <dir>             a layer, as the folder its .zip extracts to (repeatable, in Lambda's
                            order): its nodejs/node_modules and nodejs/nodeNN/node_modules are on
                            NODE_PATH and its bin on PATH, as /opt's are on Lambda
  --region <name>           AWS_REGION and AWS_DEFAULT_REGION of the function (default: us-east-1);
                            AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN pass
                            through from this command's environment, as AWS's emulator passes them
  --gap <ms>                idle time between invocations, during which the environment is frozen
                            and the clock moves on (default: ${DEFAULT_GAP_MS}, about what a function with
                            light traffic sees; 0 is back to back). With --parallel: the time
                            between sending one event and the next (default: 0, all at once)
  --parallel                send the events concurrently instead of one after the other
  --concurrency <n>         environments that may serve at once (default: 1000); beyond, throttled
  --idle-reap <ms>          shut an environment down once it has been frozen this long (default: never)
  --log-format <format>     Text (default) or JSON: with JSON the function's console lines and
                            Lambda's own lines (platform.start, platform.report, ...) are JSON
  --log-level <level>       the application log level with --log-format JSON: TRACE, DEBUG,
                            INFO, WARN, ERROR or FATAL (console methods below it print nothing)
  --client-context <json>   the invocations' client context (Lambda-Runtime-Client-Context)
  --cognito-identity <json> {"cognitoIdentityId":..,"cognitoIdentityPoolId":..} (Lambda-Runtime-Cognito-Identity)
  --json                    print the invocations as a JSON array, one element per invocation,
                            each with schema 1 (tools/json.ts); pendingAtFreeze: what its code
                            started and had not finished when the environment was frozen
                            (pendingUnknown instead: why that is not known, when it is not)

After an invocation whose environment was frozen with work of its code not finished (a timer, a
socket, a request, a promise), a line starting with "--- frozen with work" names each with the
line that created it: the local service's report, not an AWS line. Tracking that work costs the
function some time (async_hooks), which REPORT's durations include:
  --no-freeze-report        no such report, and REPORT's durations without that cost

Exit status: 0 every invocation answered, 1 one failed, 2 bad input.`;

const options = {
  handler: { type: 'string' },
  runtime: { type: 'string' },
  event: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  memory: { type: 'string' },
  env: { type: 'string', multiple: true },
  'env-file': { type: 'string', multiple: true },
  'env-vars': { type: 'string', multiple: true },
  gap: { type: 'string' },
  parallel: { type: 'boolean' },
  concurrency: { type: 'string' },
  'idle-reap': { type: 'string' },
  'client-context': { type: 'string' },
  'cognito-identity': { type: 'string' },
  'log-format': { type: 'string' },
  'log-level': { type: 'string' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  layer: { type: 'string', multiple: true },
  region: { type: 'string' },
  'async-retry-delays': { type: 'string' },
  'no-freeze-report': { type: 'boolean' },
} as const;

/** The options of the invocations the command sends itself: serve takes its invocations from requests. */
const NOT_FOR_SERVE = ['event', 'gap', 'parallel', 'client-context', 'cognito-identity', 'json'] as const;
const SERVE_ONLY = ['port', 'async-retry-delays'] as const;

const short = (t: string) => (t.length > 60 ? t.slice(0, 57) + '...' : t);

/** Text in a one-line message: control characters (a terminal's escapes, newlines) written as \uXXXX. */
const printable = (t: string) => t.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JSON from the command line (`file`: read from that file, --event file://). Not JSON: one line
 * naming why, as JSON.parse says it less the start of the text it quotes; the text typed is shown
 * (cut short, escaped), a file's content never.
 */
function json(name: string, text: string, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.replace(/, (\.\.\.)?".*$/s, '');
    if (file !== undefined) throw new SpecError(`${name}: ${printable(file)} is not valid JSON (${printable(reason.replace(/^Unexpected token '.*'$/s, 'Unexpected token'))})`);
    throw new SpecError(`${name} is not valid JSON (${printable(reason)}): ${printable(short(text))}`);
  }
}

function keyValue(where: string, text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new SpecError(`${where} needs KEY=VALUE, got ${JSON.stringify(short(text))}`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function readText(what: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SpecError(`${what}: cannot read ${path} (${(e as NodeJS.ErrnoException).code})`);
  }
}

/** KEY=VALUE lines; blank lines and # comments are skipped; a value in matching quotes loses them. */
function readEnvFile(flag: string, path: string): [string, string][] {
  const text = readText(flag, path);
  const out: [string, string][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const [k, v] = keyValue(`${flag} ${path} line ${i + 1}`, t);
    const q = /^(["'])(.*)\1$/.exec(v);
    out.push([k.trim(), q ? q[2]! : v]);
  });
  return out;
}

/**
 * An option's text as a number, for checkFunction (lambda/service.ts), which checks every option
 * once, naming the flag and what was typed: NaN for anything but digits (with a decimal part where
 * `decimals`).
 */
function asNumber(text: string | undefined, decimals = false): number | undefined {
  if (text === undefined) return undefined;
  return (decimals ? /^\d+(\.\d+)?$/ : /^\d+$/).test(text) ? Number(text) : NaN;
}

/** The flag of each option checkFunction checks by number. */
const FLAGS = { timeoutSec: 'timeout', memoryMb: 'memory', concurrency: 'concurrency', gapMs: 'gap', idleReapMs: 'idle-reap' } as const;

function header(r: Invocation): string {
  if (r.refused) return `=== invocation ${r.n} (${r.refused === 'throttled' ? 'throttled' : 'refused: request too large'})`;
  const notes = [`environment ${r.environment}`];
  if (r.coldStart) notes.push(r.suppressedInit ? 'init inside the invocation' : 'cold start');
  if (r.timedOut) notes.push('timed out');
  return `=== invocation ${r.n} (${notes.join(', ')})`;
}

/** The line that says an environment's /tmp went over Lambda's default size (lambda/isolation.ts). */
const tmpNote = (r: Invocation) =>
  `--- environment ${r.environment}: its /tmp holds ${r.tmpOverLimitMb} MB, over Lambda's default ${DEFAULT_EPHEMERAL_STORAGE_MB} MB (on Lambda, the write past it fails with ENOSPC)`;

/** The lines that say what of Lambda's isolation an environment lacks here, and why (lambda/isolation.ts): on its first invocation. */
export const unenforcedNotes = (r: Invocation) => [
  ...(r.unenforced?.readOnlyCode ? [`--- environment ${r.environment}: its code directory and layers are writable here, read-only on Lambda (EROFS), and its /tmp is TMPDIR, not /tmp itself: ${r.unenforced.readOnlyCode}`] : []),
  ...(r.unenforced?.processLimit ? [`--- environment ${r.environment}: no limit of ${MAX_PROCESSES} processes/threads here, as Lambda has: ${r.unenforced.processLimit}`] : []),
];

function printConsole(r: Invocation) {
  // What of Lambda's isolation the environment lacks, under the header of its first invocation (the
  // log below stays Lambda's, up to the service's own lines after it).
  const out: string[] = [header(r), ...unenforcedNotes(r)];
  if (r.error) out.push('Response:', JSON.stringify({ errorType: r.error.errorType, errorMessage: r.error.errorMessage, ...(r.error.trace ? { trace: r.error.trace } : {}) }, null, 2));
  else out.push('Response:', r.response === undefined ? 'null' : JSON.stringify(r.response, null, 2));
  const s = r.stream;
  if (s) {
    // A streamed answer: how it came, and the status and headers of its HTTP prelude.
    const span = s.chunks.length ? s.chunks.at(-1)!.atMs - s.chunks[0]!.atMs : 0;
    out.push('', 'Streamed:', `${s.bytes} bytes of ${s.contentType} in ${s.chunks.length} chunks over ${span.toFixed(0)} ms`);
    if (s.http) out.push(JSON.stringify(s.http, null, 2));
  }
  out.push('', 'Request ID:', JSON.stringify(r.requestId), '', 'Function logs:');
  out.push(...(r.refused ? ['(none: the invocation never reached the function)'] : r.rawLogs));
  const pending = pendingLine(r.pendingAtFreeze, r.pendingUnknown);
  if (pending) out.push(pending);
  out.push('');
  if (r.tmpOverLimitMb !== undefined) out.push(tmpNote(r), '');
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * serve: the Invoke API until SIGINT or SIGTERM, then everything closed (the server, every runtime
 * process, frozen ones included) and the exit code of the signal. Each invocation's log goes to
 * stdout as it ends, after the base URL on the first line.
 */
async function serve(fnOpts: FunctionOptions, opts: { port: number; asyncRetryDelaysMs?: number[] }): Promise<number> {
  let server: InvokeServer | undefined;
  let stopping = false;
  const out = (text: string) => {
    if (!stopping) process.stdout.write(text);
  };
  const stop = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const done = () => process.exit(signalExitCode(sig));
    (server ? server.close() : Promise.resolve()).then(done, done);
  };
  // Kept registered (on, not once): harness/procs.ts, which holds the runtime processes, kills them
  // on the signal and raises it again; this listener then keeps the process alive until the
  // server and the function are closed, and it exits with the signal's code.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  server = await startServer(
    { ...fnOpts, onShutdown: (e) => out(`--- environment ${e.environment} shut down after ${e.idleMs} ms frozen (what it left pending never runs)\n`) },
    {
      ...opts,
      onInvocation: (inv, how) => {
        const lines = inv.refused ? [`--- ${how.type} invocation ${inv.requestId} throttled (${inv.error?.errorType})`] : [...inv.rawLogs];
        if (inv.tmpOverLimitMb !== undefined) lines.push(tmpNote(inv));
        const pending = pendingLine(inv.pendingAtFreeze, inv.pendingUnknown);
        if (pending) lines.push(pending);
        if (how.type === 'Event' && inv.error) {
          lines.push(how.retryInMs === undefined
            ? `--- Event invocation ${inv.requestId} failed (attempt ${how.attempt + 1}); no retry left: the event is dropped`
            : `--- Event invocation ${inv.requestId} failed (attempt ${how.attempt + 1}); retried in ${how.retryInMs} ms`);
        }
        lines.push(...unenforcedNotes(inv));
        out(lines.join('\n') + '\n');
      },
    },
  );
  out(server.url + '\n');
  // Orphaned: the process that started it is gone (`npm run` starts it through `sh -c`; a SIGTERM to
  // npm ends npm and the shell, not this process). Then stop as if hung up: a server nobody can
  // interrupt any more must not keep serving, nor keep its runtime processes. Polled: Node has no
  // event for it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGHUP');
  }, ORPHAN_POLL_MS).unref();
  // Served until a signal: stop() ends the process.
  return new Promise<number>(() => {});
}

export const spec = command({
  name: 'lambda',
  usage: USAGE,
  options,
  positionals: true,
  async run(v, positionals) {
    const serving = positionals[0] === 'serve';
    if (serving) positionals = positionals.slice(1);
    if (positionals.length !== 1) throw new SpecError(positionals.length ? `one handler file only (got ${positionals.join(', ')})` : 'which handler file? (see --help)');
    for (const o of serving ? NOT_FOR_SERVE : SERVE_ONLY) {
      if (v[o] !== undefined) throw new SpecError(serving ? `--${o} is not an option of serve: its invocations come from requests (see --help)` : `--${o} is an option of serve only (see --help)`);
    }
    const file = positionals[0]!;
    const runtime = v.runtime ?? DEFAULT_RUNTIME;
    const events = (v.event ?? []).map((t, i) => (t.startsWith('file://') ? json(`--event #${i + 1}`, readText(`--event #${i + 1}`, t.slice(7)), t.slice(7)) : json(`--event #${i + 1}`, t)));
    if (!events.length) events.push({});
    const env: Record<string, string> = {};
    for (const flag of ['env-file', 'env-vars'] as const) for (const f of v[flag] ?? []) for (const [k, val] of readEnvFile(`--${flag}`, f)) env[k] = val;
    for (const t of v.env ?? []) {
      const [k, val] = keyValue('--env', t);
      env[k] = val;
    }
    const parallel = !!v.parallel;
    const gapMs = asNumber(v.gap) ?? (parallel ? 0 : DEFAULT_GAP_MS);
    const invokeOpts: InvokeOptions = {};
    if (v['client-context'] !== undefined) invokeOpts.clientContext = json('--client-context', v['client-context']);
    if (v['cognito-identity'] !== undefined) {
      const c = json('--cognito-identity', v['cognito-identity']) as Record<string, unknown>;
      if (!c || typeof c.cognitoIdentityId !== 'string' || typeof c.cognitoIdentityPoolId !== 'string') {
        throw new SpecError('--cognito-identity needs {"cognitoIdentityId": "...", "cognitoIdentityPoolId": "..."}');
      }
      invokeOpts.cognitoIdentity = { cognitoIdentityId: c.cognitoIdentityId, cognitoIdentityPoolId: c.cognitoIdentityPoolId };
    }

    let fn: LambdaFunction | undefined;
    let stopping = false;
    const fnOpts: FunctionOptions = {
      runtime, handlerFile: file, handler: v.handler, env,
      logFormat: v['log-format'] as FunctionOptions['logFormat'], logLevel: v['log-level'], layers: v.layer, region: v.region, reportPending: !v['no-freeze-report'],
      timeoutSec: asNumber(v.timeout, true), memoryMb: asNumber(v.memory), concurrency: asNumber(v.concurrency), idleReapMs: asNumber(v['idle-reap']),
      // With --parallel the events are sent (send()), spaced by the gap here; the function's gap
      // spaces only what invoke() sends. The service checks the value either way.
      gapMs,
      onShutdown: (e) => {
        if (!v.json && !stopping) process.stdout.write(`--- environment ${e.environment} shut down after ${e.idleMs} ms frozen (what it left pending never runs)\n\n`);
      },
    };
    // Everything that can be checked without starting anything, before anything starts.
    const typed: TypedAs = {};
    for (const [field, flag] of Object.entries(FLAGS) as [keyof typeof FLAGS, (typeof FLAGS)[keyof typeof FLAGS]][]) {
      const text = v[flag];
      if (text !== undefined) typed[field] = { name: `--${flag}`, text };
    }
    if (v['log-format'] !== undefined) typed.logFormat = { name: '--log-format', text: v['log-format'] };
    if (v['log-level'] !== undefined) typed.logLevel = { name: '--log-level', text: v['log-level'] };
    if (v.region !== undefined) typed.region = { name: '--region', text: v.region };
    checkFunction(fnOpts, typed);
    if (serving) {
      return serve(fnOpts, {
        port: v.port === undefined ? DEFAULT_PORT : checkPort(v.port),
        asyncRetryDelaysMs: v['async-retry-delays'] === undefined ? undefined : checkRetryDelays(v['async-retry-delays']),
      });
    }

    const stop = (sig: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      const done = () => process.exit(signalExitCode(sig));
      (fn ? fn.close() : Promise.resolve()).then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    fn = await startFunction(fnOpts);
    const results: Invocation[] = [];
    let initFailed = false;
    const check = (r: Invocation) => {
      const bad = r.initError && /^Runtime\.(HandlerNotFound|MalformedHandlerName)$/.test(r.initError.errorType);
      if (bad) throw new SpecError(`${r.initError!.errorType}: ${r.initError!.errorMessage} (in ${file})`);
      if (r.initError && !v.json) {
        // The function cannot start (it throws at import, a module is missing, the runtime
        // rejects the handler): one line that names the problem; --json shows the whole record.
        process.stderr.write(`lambda: ${file} failed at init on ${runtime}: ${r.initError.errorType}: ${r.initError.errorMessage.split('\n')[0]}\n`);
        initFailed = true;
      }
    };
    try {
      if (parallel) {
        const all = await Promise.all(events.map(async (e, i) => {
          if (i && gapMs) await new Promise((r) => setTimeout(r, i * gapMs));
          return fn!.send(e, invokeOpts);
        }));
        if (stopping) return;
        all.sort((a, b) => a.n - b.n);
        for (const r of all) check(r);
        results.push(...all);
        if (!v.json && !initFailed) all.forEach(printConsole);
      } else {
        for (const event of events) {
          const r = await fn.invoke(event, invokeOpts);
          if (stopping) return; // interrupted: the function is being closed, print nothing more
          check(r);
          if (initFailed) break;
          results.push(r);
          if (!v.json) printConsole(r);
        }
      }
    } finally {
      if (!stopping) await fn.close();
    }
    if (v.json) {
      const out = results.map((r) => ({
        n: r.n,
        requestId: r.requestId,
        runtime: fn!.runtime,
        node: fn!.node,
        environment: r.environment,
        coldStart: r.coldStart,
        suppressedInit: r.suppressedInit,
        timedOut: r.timedOut,
        ...(r.refused ? { refused: r.refused } : {}),
        durationMs: Math.round(r.durationMs * 100) / 100,
        billedMs: r.billedMs,
        maxMemoryUsedMb: r.maxMemoryUsedMb,
        ...(r.tmpFolder !== undefined ? { tmpFolder: r.tmpFolder } : {}),
        ...(r.tmpOverLimitMb !== undefined ? { tmpOverLimitMb: r.tmpOverLimitMb } : {}),
        ...(r.unenforced ? { unenforced: r.unenforced } : {}),
        ...(r.error ? { error: r.error } : { response: r.response ?? null }),
        ...(r.initError ? { initError: r.initError } : {}),
        logs: r.rawLogs,
        lines: r.lines,
        ...(r.pendingAtFreeze ? { pendingAtFreeze: r.pendingAtFreeze } : {}),
        ...(r.pendingUnknown ? { pendingUnknown: r.pendingUnknown } : {}),
      }));
      process.stdout.write(jsonArray(out));
    }
    return initFailed || results.some((r) => r.error) ? 1 : 0;
  },
}, import.meta.url);
