// npm run lambda -- <handler-file> [--handler name] [--runtime nodejs22.x] [--event <json> ...]
//                   [--timeout <s>] [--json]
//
// Invokes a handler once per --event (once with {} if none is given) in one warm execution
// environment of the local Lambda service (lambda/service.ts: the real aws-lambda-ric, frozen
// between invocations) and prints each invocation as the Lambda console does: the response, the
// request id and the function's log (START / lines / END / REPORT). --json prints a JSON array.
// Exit status: 0 when every invocation answered, 1 when one ended with an error (the logs say
// which) or the function failed at init (one line on stderr: the error type and message; --json
// gives the whole record), 2 for bad input (one line on stderr).
import { SpecError } from '../harness/node-binaries.ts';
import { DEFAULT_RUNTIME, RUNTIMES, startEnvironment, type Invocation, type LambdaEnvironment } from './service.ts';

const USAGE = 'usage: npm run lambda -- <handler-file> [--handler name] [--runtime nodejs22.x] [--event <json> ...] [--timeout <s>] [--json]';

interface Args {
  file: string;
  handler?: string;
  runtime: string;
  events: unknown[];
  timeoutSec?: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let handler: string | undefined;
  let runtime = DEFAULT_RUNTIME;
  const events: unknown[] = [];
  let timeoutSec: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new SpecError(`${name} needs a value (${USAGE})`);
      return v;
    };
    switch (name) {
      case '--handler':
        handler = value();
        break;
      case '--runtime':
        runtime = value();
        break;
      case '--event': {
        const text = value();
        try {
          events.push(JSON.parse(text));
        } catch (e) {
          throw new SpecError(`--event #${events.length + 1} is not valid JSON (${(e as Error).message}): ${text.length > 60 ? text.slice(0, 57) + '...' : text}`);
        }
        break;
      }
      case '--timeout': {
        const v = value();
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 900) throw new SpecError(`--timeout must be a number of seconds between 0 and 900, got ${JSON.stringify(v)}`);
        timeoutSec = n;
        break;
      }
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        process.exit(0);
      default:
        if (a.startsWith('-')) throw new SpecError(`unknown option ${a} (${USAGE})`);
        if (file !== undefined) throw new SpecError(`one handler file only (got ${file} and ${a})`);
        file = a;
    }
  }
  if (file === undefined) throw new SpecError(USAGE);
  if (!RUNTIMES[runtime]) throw new SpecError(`unknown runtime ${JSON.stringify(runtime)} (known: ${Object.keys(RUNTIMES).join(', ')})`);
  return { file, handler, runtime, events: events.length ? events : [{}], timeoutSec, json };
}

function printConsole(r: Invocation) {
  const out: string[] = [];
  out.push(`=== invocation ${r.n}${r.coldStart ? ' (cold start)' : ''}${r.timedOut ? ' (timed out)' : ''}`);
  if (r.error) out.push('Response:', JSON.stringify({ errorType: r.error.errorType, errorMessage: r.error.errorMessage, ...(r.error.trace ? { trace: r.error.trace } : {}) }, null, 2));
  else out.push('Response:', r.response === undefined ? 'null' : JSON.stringify(r.response, null, 2));
  out.push('', 'Request ID:', JSON.stringify(r.requestId), '', 'Function logs:', ...r.rawLogs, '');
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let env: LambdaEnvironment | undefined;
  let stopping = false;
  const stop = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const done = () => process.exit(sig === 'SIGINT' ? 130 : 143);
    (env ? env.close() : Promise.resolve()).then(done, done);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  env = await startEnvironment({ runtime: args.runtime, handlerFile: args.file, handler: args.handler, timeoutSec: args.timeoutSec });
  const results: Invocation[] = [];
  let initFailed = false;
  try {
    for (const event of args.events) {
      const r = await env.invoke(event);
      if (stopping) break; // interrupted: the environment is being closed, print nothing more
      const bad = r.initError && /^Runtime\.(HandlerNotFound|MalformedHandlerName)$/.test(r.initError.errorType);
      if (bad) throw new SpecError(`${r.initError!.errorType}: ${r.initError!.errorMessage} (in ${args.file})`);
      if (r.initError && !args.json) {
        // The function cannot start (it throws at import, a module is missing, the runtime
        // rejects the handler): one line that names the problem; --json shows the whole record.
        const why = r.initError.errorMessage.split('\n')[0];
        process.stderr.write(`lambda: ${args.file} failed at init on ${env.runtime}: ${r.initError.errorType}: ${why}\n`);
        initFailed = true;
        break;
      }
      results.push(r);
      if (!args.json) printConsole(r);
    }
  } finally {
    await env.close();
  }
  if (args.json) {
    const out = results.map((r) => ({
      n: r.n,
      requestId: r.requestId,
      runtime: env!.runtime,
      node: env!.node,
      coldStart: r.coldStart,
      timedOut: r.timedOut,
      durationMs: Math.round(r.durationMs * 100) / 100,
      ...(r.error ? { error: r.error } : { response: r.response ?? null }),
      ...(r.initError ? { initError: r.initError } : {}),
      logs: r.rawLogs,
      lines: r.lines,
    }));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  return initFailed || results.some((r) => r.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const msg = e instanceof SpecError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`lambda: ${msg.split('\n')[0]}\n`);
    process.exit(2);
  },
);
