/*---
claim: 'A synchronous invocation''s answer may be at most 6 MB; the runtime client''s POST of a 7 MiB answer is refused by the Runtime API (HTTP 413, RequestEntityTooLarge, "Exceeded maximum allowed payload size (6291556 bytes).") and the caller gets Function.ResponseSizeTooLarge, "Response payload size (<n> bytes) exceeded maximum allowed payload size (6291556 bytes)." instead of the answer; the environment stays warm. A 5 MiB answer goes through, and so does a 7 MiB answer streamed with awslambda.streamifyResponse (streamed responses have a larger limit). An event over 6 MB never reaches the function: the invocation is refused with RequestTooLargeException.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("Invocation payload (request and response): 6 MB each for request and response (synchronous)"); https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (RequestTooLargeException, HTTP 413)'
tags: [lambda, errors]
why: 'Lambda buffers a synchronous answer and refuses one over its limit (6 MiB and 100 bytes in Lambda''s own Runtime API implementation). The handler has finished by then: its answer is simply lost, and the caller sees an error from Lambda rather than from the function. The request side is checked before any environment is involved.'
instead: Keep answers well under 6 MB (JSON serialisation and base64 grow them); put large results in S3 and answer with a reference, or use response streaming.
links: [https://github.com/aws/aws-lambda-runtime-interface-emulator]
---*/
'use strict';

// Answers a string of `event.bytes` characters (its JSON is 2 bytes more: the quotes).
exports.handler = async (event) => {
  console.log('answering ' + event.bytes + ' characters');
  return 'x'.repeat(event.bytes);
};

// Streams `event.bytes` characters in 1 MiB chunks (response streaming: not held to the 6 MB limit).
exports.streamed = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain');
  for (let left = event.bytes; left > 0; left -= 1024 * 1024) responseStream.write('x'.repeat(Math.min(left, 1024 * 1024)));
  responseStream.end();
});

// Answers how big the event it received was.
exports.eventSize = async (event) => JSON.stringify(event).length;
