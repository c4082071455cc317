/*---
claim: 'With the JSON log format, Lambda writes its own lines as JSON objects too (platform.initStart, platform.start, platform.report with the figures of REPORT; no END line), next to the function''s console lines, which are JSON objects with timestamp, level, requestId and message. With the application log level WARN, console.debug and console.info print nothing and console.warn and console.error still do.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html; https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html; https://github.com/aws/aws-lambda-nodejs-runtime-interface-client (src/LogPatch.js)'
tags: [lambda, output]
why: 'A function''s log format (Text or JSON) applies to both kinds of lines in its log: the application logs its code writes through console, which the runtime client formats, and the system logs Lambda writes itself around each invocation. In JSON, the system lines are the Telemetry API''s platform events, so a log query reads START and REPORT as fields (record.requestId, record.metrics.durationMs) instead of parsing text. The application log level is applied by the runtime client, which replaces the console methods below the level with ones that print nothing.'
instead: 'Query JSON logs by field: type = "platform.report" and record.metrics for durations and memory, level for the function''s lines; set the log level in the function''s logging configuration rather than filtering in code.'
---*/
'use strict';
console.info('loaded');

exports.handler = async (event) => {
  console.debug('debug ' + event.n);
  console.info('info ' + event.n);
  console.warn('warn ' + event.n);
  console.error('error ' + event.n);
  return 'answer ' + event.n;
};
