/*---
claim: 'On nodejs20.x and nodejs22.x, a callback-style handler (three parameters, not an async function, not streaming) gets one WARN line in its init phase, "AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. ..."; an async handler (even one that declares a third parameter), a handler of two parameters, a streaming handler, and any handler whose function sets AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING get none. The same holds for a handler in an ES module.'
source: 'aws-lambda-nodejs-runtime-interface-client, src/WarningForCallbackHandlers.js and src/index.mjs (commit 2a37745, 2025-07-16, pull request 144); https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137'
tags: [lambda, deprecation, warnings]
why: 'Node.js 24''s runtime client no longer accepts callback handlers (the function fails at init there), so the client that runs nodejs20.x and nodejs22.x warns ahead of it. The check is made once, when the handler is loaded, from the function''s shape: how many parameters it declares and whether it is an async function; so an async handler that merely declares `callback` is not warned about, though it is the one Node.js 24 also refuses.'
instead: 'Write the handler as an async function of (event, context) and return the answer; set AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING only while migrating.'
links: [https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html, https://aws.amazon.com/blogs/compute/node-js-24-runtime-now-available-in-aws-lambda/]
---*/
'use strict';

// Callback style: warned about.
exports.handler = (event, context, callback) => {
  callback(null, 'callback answer');
};

// An async function that declares a callback parameter: not warned about (it is async).
exports.asyncWithCallback = async (event, context, callback) => 'async answer';

// Two parameters, returning a promise: not warned about.
exports.twoParams = (event, context) => Promise.resolve('promise answer');

// Streaming: not warned about.
exports.streaming = awslambda.streamifyResponse(async (event, responseStream, context) => {
  responseStream.end('streamed answer');
});
