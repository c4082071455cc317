/*---
claim: A function whose module fails to load (it requires a module that does not exist) fails its init phase with Runtime.ImportModuleError; every invocation starts cold and fails the same way.
source: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
tags: [lambda, modules, errors]
why: The runtime client loads the handler's module during init. When that throws "Cannot find module", the client reports an init error of type Runtime.ImportModuleError to the Runtime API and the runtime process exits; Lambda returns that error to the caller and tries a fresh environment on the next invocation.
instead: Bundle or install every dependency with the function; keep module top-level code to what cannot fail.
---*/
'use strict';
require('./_no-such-module');

exports.handler = async () => 'unreachable';
