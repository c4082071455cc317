// The deprecation warning AWS's current runtime client for nodejs20.x/22.x prints at init for a
// callback-style handler, which the installed aws-lambda-ric 3.3.0 (the latest 3.x on npm) does not
// have yet. AWS's source (github.com/aws/aws-lambda-nodejs-runtime-interface-client, main after
// 3.3.0: commit 2a37745 "Adding warning for callback handlers", 2025-07-16, pull request 144):
//   src/WarningForCallbackHandlers.js  checkForDeprecatedCallback(metadata): when
//     process.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined, metadata.argsNum == 3,
//     metadata.isAsync == false and metadata.streaming == false, `console.warn(<the text below>)`;
//   src/UserFunction.js  getHandlerMetadata: argsNum is handlerFunc.length, isAsync is
//     `handler.constructor.name === 'AsyncFunction'`, streaming is set by awslambda.streamifyResponse;
//   src/index.mjs  run(): called right after the handler is loaded, before the runtime asks for its
//     first event, through the console the client has already patched (so the line is a WARN line
//     of the init phase, in the log format the function has).
// Here the same check runs at that moment: just before the client's first ask for an event (its
// native addon's next(), wrapped as lambda/runtime/freeze-hook.cjs wraps it), on the handler the
// client has loaded (a CommonJS module from require's cache; an ES module from import(), which
// returns the instance already loaded). Not covered: AWS_LAMBDA_NODEJS_USE_ALTERNATIVE_CLIENT_1,
// which asks over Node's http instead of the addon.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TEXT =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const require = createRequire(import.meta.url);

/** The handler's module file and export path, as the client splits `_HANDLER` (UserFunction.js). */
function handlerParts(appRoot, full) {
  const name = basename(full);
  const m = /^([^.]*)\.(.*)$/.exec(name);
  if (!m) return undefined;
  return { base: resolve(appRoot, full.slice(0, full.indexOf(name)), m[1]), path: m[2] };
}

/** The module the client loaded: its exports from require's cache, or a promise of its namespace. */
function loadedModule(base) {
  for (const file of [base, base + '.js', base + '.cjs']) if (require.cache[file]) return require.cache[file].exports;
  for (const file of [base + '.js', base + '.mjs']) if (existsSync(file)) return import(pathToFileURL(file).href).catch(() => undefined);
  return undefined;
}

function warnFor(exports, path) {
  const handler = path.split('.').reduce((o, k) => o && o[k], exports);
  if (typeof handler !== 'function') return;
  const isAsync = handler.constructor && handler.constructor.name === 'AsyncFunction';
  if (handler.length === 3 && !isAsync && !handler[STREAMING]) console.warn(TEXT);
}

/** Arms the check: it runs once, just before the client's first ask for an event. */
export function warnBeforeFirstAsk() {
  if (process.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING !== undefined) return;
  const parts = handlerParts(process.env.LAMBDA_TASK_ROOT || process.cwd(), process.env._HANDLER || '');
  if (!parts) return;
  const dlopen = process.dlopen;
  process.dlopen = function (module, filename) {
    const result = dlopen.apply(this, arguments);
    if (/rapid-client\.node$/.test(String(filename)) && module && module.exports && typeof module.exports.next === 'function') {
      const next = module.exports.next;
      let first = true;
      module.exports.next = function () {
        if (!first) return next.apply(this, arguments);
        first = false;
        const loaded = loadedModule(parts.base);
        if (!(loaded && typeof loaded.then === 'function')) {
          warnFor(loaded, parts.path);
          return next.apply(this, arguments);
        }
        const args = arguments;
        return loaded.then((ns) => {
          warnFor(ns, parts.path);
          return next.apply(this, args);
        });
      };
      process.dlopen = dlopen;
    }
    return result;
  };
}
