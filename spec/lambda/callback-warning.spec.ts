// The callback deprecation warning of nodejs20.x and nodejs22.x (lambda/runtime/callback-warning.mjs
// has AWS's source): one WARN line in the init phase for a callback-style handler, none otherwise.
// The text is stated here as AWS's client prints it (src/WarningForCallbackHandlers.js).
import { afterAll, describe, expect } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { join } from 'node:path';
import { startFunction } from '../../lambda/service.ts';
import { functions, HANDLERS, lambdaClaim, ric, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { expectInvocation, initStart } from '../support/lambda-outcome.ts';

const fns = functions();
afterAll(() => fns.closeAll());

const WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';

for (const runtime of SPEC_RUNTIMES) {
  describe(runtime, () => {
    if (ric(runtime) !== 3) {
      // aws-lambda-ric 4 refuses a callback handler at init instead (spec/lambda/runtime.spec.ts).
      skipped(`callback-warning [${runtime}]`, `${runtime} runs aws-lambda-ric 4, which refuses callback handlers at init (Runtime.CallbackHandlerDeprecated) instead of warning`);
      return;
    }
    lambdaClaim('callback-warning', runtime, async () => {
      await fns.with('callback-warning', { runtime }, async (fn) => {
        // The request id of a line outside any invocation is `undefined` in aws-lambda-ric 3 (spec/lambda/lifecycle.spec.ts).
        expectInvocation(await fn.invoke({}), { response: 'callback answer', initLines: [WARNING], head: [initStart(runtime), `<time>\tundefined\tWARN\t${WARNING}`] });
      });
      const esm = await startFunction({ runtime, handlerFile: join(HANDLERS, '_callback-warning-esm.mjs'), timeoutSec: 60 });
      try {
        expectInvocation(await esm.invoke({}), { response: 'esm callback answer', initLines: [WARNING] });
      } finally {
        await esm.close();
      }
      await fns.with('callback-warning', { runtime, logFormat: 'JSON' }, async (fn) => {
        expectInvocation(await fn.invoke({}), { response: 'callback answer', initLines: [WARNING], head: [expect.anything(), expect.stringMatching(/^\{"timestamp":"<time>","level":"WARN",.*"message":"AWS Lambda plans to remove support/)] });
      });
    }, { note: 'a callback handler, in CommonJS, in an ES module, and with the JSON log format: one WARN line at init' });

    lambdaClaim('callback-warning', runtime, async () => {
      const quiet = { asyncWithCallback: 'async answer', twoParams: 'promise answer', streaming: 'streamed answer' } as const;
      for (const [handler, response] of Object.entries(quiet)) {
        await fns.with('callback-warning', { runtime, handler }, async (fn) => {
          expectInvocation(await fn.invoke({}), { response, initLines: [] });
        });
      }
      await fns.with('callback-warning', { runtime, env: { AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING: '1' } }, async (fn) => {
        expectInvocation(await fn.invoke({}), { response: 'callback answer', initLines: [] });
      });
    }, { note: 'async (even with a callback parameter), two parameters, streaming, or the variable set: no warning' });
  });
}
