/*---
claim: 'With AWS_LAMBDA_EXEC_WRAPPER set to a script, the runtime is started through it: the script gets Node and its whole command line as arguments, and what it changes (a variable, a Node flag) reaches the function. A wrapper that does not exist fails the init: the runtime exits with status 127 after printing "<path>: does not exist".'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html ("Wrapper scripts", AWS_LAMBDA_EXEC_WRAPPER); the nodejs bootstrap of AWS''s runtime images (`exec -- "$wrapper" /var/lang/bin/node "${NODE_ARGS[@]}"`, `echo "$wrapper: does not exist"`, `exit 127`; quoted in lambda/aws.ts BOOTSTRAP)'
tags: [lambda, exit-codes]
why: 'The bootstrap checks the variable before it starts Node: with a wrapper, the wrapper is what runs, with the runtime''s command line as its arguments, so it can change the environment or add Node flags before it execs the runtime. A wrong path is not an error the function can catch: the bootstrap prints one line and exits, and the init fails.'
instead: Give the wrapper as an absolute path to an executable file (in a layer, /opt/...), and end it with exec "$@" so the runtime replaces it.
---*/
'use strict';

exports.handler = async () => ({
  wrappedBy: process.env.WRAPPED_BY === undefined ? null : process.env.WRAPPED_BY,
  traceUncaught: process.execArgv.includes('--trace-uncaught'),
});
