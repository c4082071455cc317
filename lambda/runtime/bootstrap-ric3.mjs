// Entry point of the nodejs20.x / nodejs22.x runtimes: what Lambda's own /var/runtime/index.mjs
// does with aws-lambda-ric 3.x, i.e. start the client on LAMBDA_TASK_ROOT and _HANDLER.
// (The package's own bin also prints an "Executing ..." line first; Lambda does not.)
// The client that AWS runs now warns at init about a callback-style handler; 3.3.0 does not, so
// the warning is armed here (lambda/runtime/callback-warning.mjs says where AWS prints it).
import { run } from 'aws-lambda-ric-3';
import { warnBeforeFirstAsk } from './callback-warning.mjs';

warnBeforeFirstAsk();
await run(process.env.LAMBDA_TASK_ROOT, process.env._HANDLER);
