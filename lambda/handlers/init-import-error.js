/*---
claim: 'A function whose module fails to load (it requires a module that does not exist) fails its init phase with Runtime.ImportModuleError; Lambda tries the init again inside the first invocation (INIT_REPORT Phase: init, then Phase: invoke), which fails the same way, and so does every later invocation, each initialising anew.'
source: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html; https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
tags: [lambda, modules, errors]
why: 'The runtime client loads the handler''s module during init. When that throws "Cannot find module", the client reports an init error of type Runtime.ImportModuleError to the Runtime API and the runtime process exits. A failed init leaves the environment reset, and an invocation in a reset environment runs the init again inside its invoke phase (a "suppressed init", as Lambda''s own Runtime API implementation calls it): the first invocation shows the init twice, every later one once, and the caller gets the init error each time.'
instead: Bundle or install every dependency with the function; keep module top-level code to what cannot fail.
---*/
'use strict';
require('./_no-such-module');

exports.handler = async () => 'unreachable';
