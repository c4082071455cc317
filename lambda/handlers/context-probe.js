/*---
claim: The function's environment variables (--env KEY=VALUE, --env-file <file>) are in process.env from init on, and an invocation's client context and Cognito identity reach the handler as context.clientContext and context.identity; an invocation without them gets neither.
source: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html ("Lambda-Runtime-Client-Context – For invocations from the AWS Mobile SDK, data about the client application and device."; "Lambda-Runtime-Cognito-Identity – For invocations from the AWS Mobile SDK, data about the Amazon Cognito identity provider.")
tags: [lambda, modules]
why: 'Lambda starts the runtime process with the function''s environment variables, so module-level code sees them during init. The client context and the identity belong to one invocation: Lambda hands them to the runtime as headers of that invocation''s event, and the runtime client puts them on the context object.'
instead: Read configuration from process.env at init; treat context.clientContext and context.identity as optional.
links: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html]
---*/
'use strict';
console.log('FOO at init: ' + process.env.FOO);

exports.handler = async (event, context) => {
  return {
    FOO: process.env.FOO === undefined ? null : process.env.FOO,
    BAR: process.env.BAR === undefined ? null : process.env.BAR,
    clientContext: context.clientContext === undefined ? null : context.clientContext,
    identity: context.identity === undefined ? null : context.identity,
  };
};
