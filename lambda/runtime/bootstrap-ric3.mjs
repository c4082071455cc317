// Entry point of the nodejs20.x / nodejs22.x runtimes: what Lambda's own /var/runtime/index.mjs
// does with aws-lambda-ric 3.x, i.e. start the client on LAMBDA_TASK_ROOT and _HANDLER.
// (The package's own bin also prints an "Executing ..." line first; Lambda does not.)
import { run } from 'aws-lambda-ric-3';

await run(process.env.LAMBDA_TASK_ROOT, process.env._HANDLER);
