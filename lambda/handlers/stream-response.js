/*---
claim: 'A streamed response (awslambda.streamifyResponse) reaches the caller as the handler writes it: 7 MiB written in 1 MiB pieces, 300 ms apart, arrive in several chunks at different times, and are not held to the 6 MB buffered limit; with awslambda.HttpResponseStream.from the prelude is parsed into the status code, headers and cookies, and the body is what follows it; a handler that throws after writing part of its stream fails the invocation (the error the runtime client sends in the stream''s trailers is the invocation''s error: X-Amz-Function-Error on the Invoke API, InvokeComplete''s ErrorCode on InvokeWithResponseStream), though the caller has had the part written; a stream past 200 MiB is cut there and fails with Function.ResponseSizeTooLarge; through the buffered Invoke API the same stream is held to the 6 MB limit.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html ("response streaming functions can return payloads up to 200 MB, compared to the 6 MB maximum for buffered responses"); https://docs.aws.amazon.com/lambda/latest/dg/config-rs-invoke-furls.html (BUFFERED: "The maximum payload size is 6 MB"); aws-lambda-nodejs-runtime-interface-client src/ResponseStream.js (the error trailers) and src/HttpResponseStream.js (the prelude)'
tags: [lambda, streams, errors, http]
why: 'The runtime client opens one chunked POST of the response and writes into it as the handler writes; Lambda passes each piece on as it comes. An error after the first byte cannot change a status that is already sent, so the runtime client reports it in HTTP trailers after the body: a caller that only looks at the bytes (or a local emulator that ignores trailers) takes a failed invocation for a success. The prelude is JSON and 8 NUL bytes at the head of the same stream: Lambda strips it and turns it into the status line and headers of a function URL''s response.'
instead: Check how a streamed invocation ended, not only what it sent (InvokeWithResponseStream's InvokeComplete has ErrorCode and ErrorDetails); write a stream's status and headers with awslambda.HttpResponseStream.from before the first write; stay under 200 MB, and under 6 MB for callers that use the Invoke API.
links: [https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html, https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStreamCompleteEvent.html, https://github.com/aws/aws-lambda-nodejs-runtime-interface-client]
---*/
'use strict';

const MiB = 1024 * 1024;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Writes `event.mb` pieces of 1 MiB (default 7), `event.gapMs` apart (default 300), honouring
// back-pressure so the runtime holds at most one piece at a time.
async function pieces(stream, event) {
  const n = event.mb === undefined ? 7 : event.mb;
  for (let i = 0; i < n; i++) {
    if (i > 0 && event.gapMs !== 0) await delay(event.gapMs === undefined ? 300 : event.gapMs);
    if (!stream.write(String(i % 10).repeat(MiB))) await new Promise((resolve) => stream.once('drain', resolve));
  }
}

// Plain bytes: no prelude.
exports.plain = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain');
  await pieces(responseStream, event);
  responseStream.end();
});

// An HTTP response: status, headers and cookies in the prelude, then the body.
exports.http = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 201,
    headers: { 'Content-Type': 'text/csv', 'X-Piece-Count': '3' },
    cookies: ['a=1; Path=/', 'b=2'],
  });
  stream.write('id,name\n');
  await delay(300);
  stream.write('1,one\n');
  await delay(300);
  stream.write('2,two\n');
  stream.end();
});

// Writes the first piece, then throws.
exports.failing = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain');
  responseStream.write('partial answer\n');
  await delay(100);
  throw new TypeError('gave up mid-stream');
});
