// What AWS documents (or what its own Runtime API implementation says) that the local Lambda
// service follows: limits, defaults, error types and texts. Everything the service does "as AWS
// does" takes its figure or its text from here, so each has one source, cited where it is.
//
// Pages (the developer guide, docs.aws.amazon.com/lambda/latest/dg/):
//   LIFECYCLE  lambda-runtime-environment.html  "Understanding the Lambda execution environment lifecycle"
//   RUNTIME_API runtimes-api.html               "Using the Lambda runtime API for custom runtimes"
//   QUOTAS     gettingstarted-limits.html        "Lambda quotas"
//   INVOKE     ../api/API_Invoke.html            the Invoke operation and its errors
// AWS's own open-source implementation of the Runtime API, the Runtime Interface Emulator
// (github.com/aws/aws-lambda-runtime-interface-emulator, "RIE" below), gives the exact texts the
// pages do not print.

export const DOCS = {
  LIFECYCLE: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
  RUNTIME_API: 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html',
  QUOTAS: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  INVOKE: 'https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html',
  TROUBLESHOOT_INVOKE: 'https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html',
  INIT_BILLING: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/',
  RIE: 'https://github.com/aws/aws-lambda-runtime-interface-emulator',
} as const;

// ---- time --------------------------------------------------------------------------------------

/** Default function timeout: 3 s (the console's and the API's default). QUOTAS: "Function timeout: 900 seconds (15 minutes)". */
export const DEFAULT_TIMEOUT_SEC = 3;
export const MAX_TIMEOUT_SEC = 900;

/**
 * LIFECYCLE, Init phase: "The Init phase is limited to 10 seconds. If all three tasks do not
 * complete within 10 seconds, Lambda retries the Init phase at the time of the first function
 * invocation with the configured function timeout."
 */
export const INIT_PHASE_LIMIT_SEC = 10;

// ---- memory ------------------------------------------------------------------------------------

/** QUOTAS: "Function memory allocation: 128 MB to 10,240 MB, in 1-MB increments"; 128 MB is the default. */
export const DEFAULT_MEMORY_MB = 128;
export const MIN_MEMORY_MB = 128;
export const MAX_MEMORY_MB = 10_240;

// ---- payloads ----------------------------------------------------------------------------------

/**
 * QUOTAS: "Invocation payload (request and response): 6 MB each for request and response
 * (synchronous)". INVOKE: "For synchronous invocations, the maximum payload size is 6 MB."
 * The request limit as Lambda states it in its error: 6 MiB.
 */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024; // 6291456
/** RIE, lambda/interop/model.go: `MaxPayloadSize = 6*1024*1024 + 100 // 6 MiB + 100 bytes`. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100; // 6291556

/**
 * The caller's error for a request over the limit. INVOKE lists it as RequestTooLargeException,
 * HTTP 413: "The request payload exceeded the Invoke request body JSON input quota." The message is
 * the one Lambda returns with it.
 */
export const REQUEST_TOO_LARGE = {
  errorType: 'RequestTooLargeException',
  status: 413,
  message: (limit: number = MAX_REQUEST_BYTES) => `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
};

/**
 * What the Runtime API answers a runtime whose POST /response is over the limit (RIE,
 * rapi/rendering/render_error.go, RenderRequestEntityTooLarge): HTTP 413 and this body.
 */
export const RUNTIME_RESPONSE_TOO_LARGE = {
  status: 413,
  body: () => ({ errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'RequestEntityTooLarge' }),
};

/**
 * The invocation's error then, what the caller gets (RIE, lambda/fatalerror: FunctionOversizedResponse
 * = "Function.ResponseSizeTooLarge"; interop/model.go, ErrorResponseTooLarge.Error()).
 */
export const RESPONSE_TOO_LARGE = {
  errorType: 'Function.ResponseSizeTooLarge',
  message: (bytes: number) => `Response payload size (${bytes} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
};

// ---- errors ------------------------------------------------------------------------------------

/**
 * The function ran past its timeout. Neither AWS's pages nor RIE print the log line or the caller's
 * error type, so both are taken as Lambda writes them. The text: RIE's standalone invoke handler
 * answers a timed-out invocation with `Task timed out after %d.00 seconds` (internal/lambda/rie/
 * handlers.go, InvokeHandler, case rapidcore.ErrInvokeTimeout); Lambda's log line is
 * `<time> <request id> Task timed out after 3.00 seconds` and the caller gets
 * `{"errorType": "Sandbox.Timedout", "errorMessage": "RequestId: <id> Error: Task timed out after 3.00 seconds"}`,
 * as the Lambda console shows them (captures of it in public repositories, 2023-2026). RIE's own
 * name for the failure is different (internal/lambda/fatalerror/fatalerror.go: SandboxTimeout =
 * "Sandbox.Timeout"); the name the caller gets is the console's.
 */
export const taskTimedOut = (timeoutSec: number) => `Task timed out after ${timeoutSec.toFixed(2)} seconds`;
export const TIMEOUT_ERROR_TYPE = 'Sandbox.Timedout';

/**
 * The error type Lambda writes in INIT_REPORT and REPORT for an init error the runtime posted.
 * The runtime names it in the Lambda-Runtime-Function-Error-Type header; Lambda keeps it only if it
 * names a Runtime or Function error. RIE, internal/lambda/fatalerror/fatalerror.go,
 * GetValidRuntimeOrFunctionErrorType: a type matching `(Runtime|Function)\.[A-Z][a-zA-Z]+` is kept,
 * another one starting with "Function." becomes Function.Unknown, anything else Runtime.Unknown;
 * rapi/handler/initerror.go applies it to the header of POST /runtime/init/error
 * (interop/sandbox_model.go, FunctionError: "This is customer data, so RAPID scrubs this error type
 * to contain only allowlisted values"). The caller still gets the body the runtime posted (its own
 * errorType, errorMessage and trace).
 */
export function platformErrorType(posted: string | undefined): string {
  const t = posted ?? '';
  if (/(Runtime|Function)\.[A-Z][a-zA-Z]+/.test(t)) return t;
  return t.startsWith('Function.') ? 'Function.Unknown' : 'Runtime.Unknown';
}

/**
 * The Error Type of REPORT when the function went over its memory size: Runtime.OutOfMemory. Not in
 * AWS's pages nor in RIE; production REPORT lines show it (e.g. `... Max Memory Used: 1023 MB
 * Status: error  Error Type: Runtime.OutOfMemory`, quoted in public repositories from 2024 to 2026,
 * such as github.com/nasa-gcn/gcn.nasa.gov pull request 3628, 2026). The lines before END stay those
 * of a killed runtime (`RequestId: <id> Error: Runtime exited with error: signal: killed`,
 * `Runtime.ExitError`), as a 2024 capture shows them (github.com/aws-solutions-library-samples/
 * cloud-intelligence-dashboards-data-collection issue 201); the caller's error is Runtime.ExitError
 * as in 2021 (github.com/awslabs/amazon-s3-find-and-forget pull request 283). Whether Lambda now
 * names the caller's error Runtime.OutOfMemory too, no source here says.
 */
export const OUT_OF_MEMORY_ERROR_TYPE = 'Runtime.OutOfMemory';

/**
 * The runtime process ended without an answer (RIE, rapid/handlers.go: "Runtime exited without
 * providing a reason" / "Runtime exited with error: <termination>", where a signal reads
 * "signal: <name>" as Go names it: SIGKILL is "killed"; error type Runtime.ExitError).
 */
export const EXIT_ERROR_TYPE = 'Runtime.ExitError';
const GO_SIGNAL_NAMES: Record<string, string> = {
  SIGKILL: 'killed', SIGTERM: 'terminated', SIGABRT: 'aborted', SIGSEGV: 'segmentation fault', SIGINT: 'interrupt', SIGBUS: 'bus error', SIGILL: 'illegal instruction', SIGFPE: 'floating point exception',
};
export function exitReason(code: number | null, signal: string | null): string {
  if (signal) return `Runtime exited with error: signal: ${GO_SIGNAL_NAMES[signal] ?? signal}`;
  if (code === 0) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}

/**
 * INVOKE: TooManyRequestsException, HTTP 429, "The request throughput limit was exceeded", with
 * Reason ReservedFunctionConcurrentInvocationLimitExceeded when the function's reserved
 * concurrency is in use: a synchronous invocation beyond it is throttled, not queued.
 */
export const THROTTLED = {
  errorType: 'TooManyRequestsException',
  status: 429,
  reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
  message: 'Rate Exceeded.',
};

/** QUOTAS: the default concurrency quota of an account, "Concurrent executions: 1,000". */
export const DEFAULT_CONCURRENCY = 1000;

// ---- environment variables ---------------------------------------------------------------------

/**
 * Keys a function cannot set: the reserved ones of "Defined runtime environment variables"
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), which the runtime sets.
 */
export const RESERVED_ENV = [
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
];
/** API_Environment: keys match `[a-zA-Z]([a-zA-Z0-9_])+`. */
export const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/**
 * QUOTAS, "Function configuration, deployment, and execution": environment variables, 4 KB for all
 * of a function's variables together. The pages do not say how the size is counted; the emulator
 * counts the variables as the API receives them (`Environment.Variables`, a JSON object), UTF-8.
 */
export const MAX_ENV_BYTES = 4 * 1024;

// ---- the Invoke API (lambda/invoke-api.ts) -----------------------------------------------------
//
// INVOKE (the API reference's Invoke page) gives the request and the answer:
//   POST /2015-03-31/functions/FunctionName/invocations?Qualifier=Qualifier
//   X-Amz-Invocation-Type: "Event | RequestResponse | DryRun" ("By default, Lambda invokes your
//     function synchronously (i.e. the InvocationType is RequestResponse)")
//   X-Amz-Log-Type: "None | Tail" ("Set to Tail to include the execution log in the response.
//     Applies to synchronously invoked functions only.")
//   X-Amz-Client-Context: "Up to 3,583 bytes of base64-encoded data about the invoking client to
//     pass to the function in the context object." "Lambda passes the ClientContext object to your
//     function for synchronous invocations only."
// and the answer: "The HTTP status code is in the 200 range for a successful request. For the
// RequestResponse invocation type, this status code is 200. For the Event invocation type, this
// status code is 202. For the DryRun invocation type, the status code is 204." Its headers:
// X-Amz-Function-Error ("If present, indicates that an error occurred during function execution.
// Details about the error are included in the response payload."), X-Amz-Log-Result ("The last 4
// KB of the execution log, which is base64-encoded."), X-Amz-Executed-Version ("The version of the
// function that executed"). "The status code in the API response doesn't reflect function errors."
// AWS's own emulator accepts any function name in the path (RIE,
// internal/lambda/rapidcore/standalone/router.go: `r.Post("/2015-03-31/functions/*/invocations", ...)`).

export const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
export const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
export const LOG_TYPES = ['None', 'Tail'] as const;
/** INVOKE: the status of each invocation type's answer. */
export const INVOKE_STATUS = { RequestResponse: 200, Event: 202, DryRun: 204 } as const;
/** INVOKE, X-Amz-Client-Context: "Up to 3,583 bytes of base64-encoded data". */
export const MAX_CLIENT_CONTEXT_BYTES = 3583;
/** INVOKE, X-Amz-Log-Result: "The last 4 KB of the execution log". */
export const LOG_TAIL_BYTES = 4 * 1024;
/** The version an unqualified invocation runs (INVOKE, Qualifier: "If you don't provide this parameter, then the API uses unqualified function ARN which results in invocation of the $LATEST version."). */
export const LATEST = '$LATEST';
/**
 * INVOKE: "For synchronous invocations, the maximum payload size is 6 MB. For asynchronous
 * invocations, the maximum payload size is 1 MB." Counted in MiB, as the synchronous limit is
 * (MAX_REQUEST_BYTES).
 */
export const MAX_ASYNC_REQUEST_BYTES = 1024 * 1024;

/**
 * X-Amz-Function-Error on a function error: "Unhandled", as the AWS CLI output on the Node.js
 * errors page shows it (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html:
 * `"StatusCode": 200, "FunctionError": "Unhandled", "ExecutedVersion": "$LATEST"`).
 */
export const FUNCTION_ERROR_HEADER_VALUE = 'Unhandled';

/**
 * How the Invoke API answers a request it refuses. Lambda's API is AWS's REST-JSON protocol
 * (Smithy's aws.protocols#restJson1, https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html:
 * the error's type is named by "an additional header with the name X-Amzn-Errortype", which is what
 * the SDKs read); the body carries the error's members, for Lambda's errors `Type` ("The exception
 * type") and `message` ("The exception message"), as the SDK reference lists them
 * (https://docs.aws.amazon.com/botocore/latest/reference/services/lambda/client/exceptions/InvalidRequestContentException.html).
 * Status codes and the meaning of each, from INVOKE's Errors list.
 */
export const INVOKE_ERRORS = {
  /** "One of the parameters in the request is not valid." */
  InvalidParameterValueException: 400,
  /** "The request body could not be parsed as JSON, or a request header is invalid." */
  InvalidRequestContentException: 400,
  /** "The resource specified in the request does not exist." */
  ResourceNotFoundException: 404,
  /** REQUEST_TOO_LARGE */
  RequestTooLargeException: 413,
  /** THROTTLED */
  TooManyRequestsException: 429,
  /** "The AWS Lambda service encountered an internal error." */
  ServiceException: 500,
} as const;
export type InvokeErrorType = keyof typeof INVOKE_ERRORS;

// ---- asynchronous invocation -------------------------------------------------------------------

/**
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html: "If the
 * function returns an error, by default Lambda attempts to run it two more times, with a
 * one-minute wait between the first two attempts, and two minutes between the second and third
 * attempts. Function errors include errors returned by the function's code and errors returned by
 * the function's runtime, such as timeouts."
 */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/**
 * The same page: "For throttling errors (429) and system errors (500-series), Lambda returns the
 * event to the queue and attempts to run the function again for up to 6 hours by default. The
 * retry interval increases exponentially from 1 second after the first attempt to a maximum of 5
 * minutes."
 */
export const ASYNC_THROTTLE_RETRY = { firstMs: 1000, maxMs: 5 * 60_000, forMs: 6 * 60 * 60_000 } as const;

// ---- the INIT_START line -----------------------------------------------------------------------

/**
 * https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-identify.html: "The runtime
 * version number and ARN are logged in the INIT_START log line, which Lambda emits to CloudWatch
 * Logs each time that it creates a new execution environment. Because the execution environment
 * uses the same runtime version for all function invocations, Lambda emits the INIT_START log line
 * only when Lambda executes the init phase. Lambda doesn't emit this log line for each function
 * invocation." Its example:
 *   INIT_START Runtime Version: python:3.13.v14    Runtime Version ARN: arn:aws:lambda:eu-south-1::runtime:7b620fc2e66107a1046b140b9d320295811af3ad5d4c6a011fad1fa65127e9e6I
 * The page shows white space between the two fields; the service writes a tab, as between the
 * fields of REPORT. A runtime version ARN is `arn:aws:lambda:<region>::runtime:<id>` (API
 * reference, RuntimeVersionConfig: "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+").
 */
export const initStartText = (version: string, arn: string) => `INIT_START Runtime Version: ${version}\tRuntime Version ARN: ${arn}`;

// ---- the log format: Text or JSON ---------------------------------------------------------------

/**
 * A function's logging configuration (API reference, LoggingConfig,
 * https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html): LogFormat "JSON | Text",
 * ApplicationLogLevel "TRACE | DEBUG | INFO | WARN | ERROR | FATAL". The developer guide
 * (monitoring-cloudwatchlogs-advanced.html) gives the log level "for JSON structured logs" only.
 * The Node.js runtime client reads the two as AWS_LAMBDA_LOG_FORMAT and AWS_LAMBDA_LOG_LEVEL
 * (aws-lambda-nodejs-runtime-interface-client, src/LogPatch.js: `_patchConsole` writes console
 * lines as JSON when the format is "JSON", `_patchConsoleWith` silences the console methods below
 * the level).
 */
export const LOG_FORMATS = ['Text', 'JSON'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;

/**
 * With the JSON format, Lambda writes its own lines (the system logs) as JSON too:
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html ("For all
 * Lambda managed runtimes, you can choose whether your function's system logs are sent to
 * CloudWatch Logs in unstructured plain text or JSON format. System logs are the logs that Lambda
 * generates and are sometimes known as platform event logs."; "the configuration you choose
 * applies to both system and application logs"). Each is an object `{time, type, record}` whose
 * record is the Telemetry API's (https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html):
 *   platform.initStart  PlatformInitStart: functionName, functionVersion, initializationType, phase, runtimeVersion?, runtimeVersionArn?
 *   platform.initReport PlatformInitReport: errorType?, initializationType, phase, metrics {durationMs}, status
 *   platform.start      PlatformStart: requestId, version?; in a function's log group also functionArn
 *                       (tenant-isolation-monitor.html shows `"requestId", "functionArn", "version": "$LATEST"`)
 *   platform.report     PlatformReport: metrics {durationMs, billedDurationMs, memorySizeMB, maxMemoryUsedMB, initDurationMs?}, requestId, status
 * and RIE's own record of a report carries the error type too (internal/lambda/interop/events_api.go,
 * ReportData: `errorType,omitempty`; ReportMetrics: `initDurationMs,omitempty`). Status is one of
 * success, failure, error, timeout (the schema's Status). The schema has no event for END, so the
 * JSON log has no END line. What Lambda writes for a time-out's and a crash's own lines in JSON is
 * not documented: the service writes them as in the Text format.
 */
export const JSON_INITIALIZATION_TYPE = 'on-demand';

// ---- function URLs (lambda/invoke-api.ts, <base>/url/...) ----------------------------------------
//
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html ("Request and response
// payloads"; the same text in github.com/awsdocs/aws-lambda-developer-guide, doc_source/urls-invocation.md):
// "When a client calls your function URL, Lambda maps the request to an event object before passing
// it to your function. Your function's response is then mapped to an HTTP response that Lambda
// sends back to the client through the function URL. The request and response event formats follow
// the same schema as the Amazon API Gateway payload format version 2.0." Of the request's fields:
//   version "2.0"; routeKey "Function URLs don't use this parameter. Lambda sets this to $default";
//   rawPath "The request path"; rawQueryString "The raw string containing the request's query string
//   parameters"; cookies "An array containing all cookies sent as part of the request"; headers "The
//   list of request headers, presented as key-value pairs" (the example: "header2": "value1,value2");
//   queryStringParameters (the example: "parameter1": "value1,value2" for parameter1=value1&parameter1=value2);
//   requestContext.accountId "The AWS account ID of the function owner"; requestContext.authorizer
//   "if the function URL uses the AWS_IAM auth type. Otherwise, Lambda sets this to null";
//   requestContext.http {method, path, protocol, sourceIp "The source IP address of the immediate TCP
//   connection making the request", userAgent}; requestContext.requestId "The ID of the invocation
//   request"; routeKey and stage "$default"; time "07/Sep/2021:22:50:22 +0000"; timeEpoch;
//   body "If the content type of the request is binary, the body is base64-encoded"; isBase64Encoded;
//   pathParameters and stageVariables "Lambda sets this to null or excludes this from the JSON".
// Of the response: "If your function returns valid JSON and doesn't return a statusCode, Lambda
// assumes the following: statusCode is 200. content-type is application/json. body is the function
// response. isBase64Encoded is false." (a string answer "Hello, world!" reaches the client as
// `"Hello, world!"`, 15 bytes); "To return cookies from your function, don't manually add set-cookie
// headers. Instead, include the cookies in your response payload object. Lambda automatically
// interprets this and adds them as set-cookie headers in your HTTP response".
export const FUNCTION_URL_PAYLOAD_VERSION = '2.0';
export const FUNCTION_URL_PLACEHOLDER = '$default';
/** FUNCTION_URL: the example's `time`: day/month/year:hh:mm:ss +0000. */
export function functionUrlTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

// ---- the Node process: what Lambda's nodejs bootstrap starts (lambda/bootstrap.ts) ---------------
//
// A managed runtime's process is started by its bootstrap, /var/runtime/bootstrap, a shell script of
// the runtime image. AWS publishes the images (github.com/aws/aws-lambda-base-images, one branch per
// runtime: Dockerfile.nodejs20.x ADDs the layers and sets `PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin`),
// but the layers there are Git LFS objects: the script's text used here is the one printed from
// the images, `cat /var/runtime/bootstrap` of public.ecr.aws/lambda/nodejs:18 (quoted whole in a
// public repository's notes, 2023) and the nodejs24.x one extracted from the runtime
// (https://dev.to/wonderfulsoap/deep-dive-into-aws-lambda-3-official-nodejs-runtime-analysis-43je, 2026).
// What the service takes from them (the 18.x text unless said; the 24.x one, as far as the article
// prints it, has the same NODE_PATH pattern and the same `new_space` line):
//   NODE_PATH, if the function does not set it: "/opt/nodejs/node24/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task" (24.x; 18.x names node18)
//   the heap: `new_space=$(expr $AWS_LAMBDA_FUNCTION_MEMORY_SIZE / 10)`, `semi_space=$(expr $new_space / 2)`,
//     `old_space=$(expr $AWS_LAMBDA_FUNCTION_MEMORY_SIZE - $new_space)`, passed as
//     "--max-semi-space-size=$semi_space" "--max-old-space-size=$old_space" (6 and 116 at 128 MB, the
//     figures a public exec-wrapper script's comment quotes from a 128 MB Lambda's command line:
//     `/var/lang/bin/node --expose-gc --max-http-header-size 81920 --max-semi-space-size=6
//     --max-old-space-size=116 /var/runtime/index.js`); the 24.x one adds
//     "Do not override customers' semi and old space size options if they specify them with
//     NODE_OPTIONS env var. If they just set one, use the default value from v8 for the other."
//     (a `case $NODE_OPTIONS in` on --max_semi_space_size, --max_old_space_size and their `-` forms).
//     Node gives its command line precedence over NODE_OPTIONS (checked here on Node 20, 22 and 24),
//     so without that rule a NODE_OPTIONS heap size would change nothing.
//   NODE_ARGS=(--expose-gc --max-http-header-size 81920 "${MEMORY_ARGS[@]}" /var/runtime/index.mjs)
//   AWS_LAMBDA_EXEC_WRAPPER: unset, `exec /var/lang/bin/node "${NODE_ARGS[@]}"`; else `echo "$wrapper: does not exist"; exit 127`
//     if it is not a file, `echo "$wrapper: is not an executable"; exit 126` if it cannot be run,
//     else `exec -- "$wrapper" /var/lang/bin/node "${NODE_ARGS[@]}"` (the variable is documented in
//     runtimes-modify.html, "Wrapper scripts").
// The module flags are documented (MODULE_FLAGS below). Not played: the bootstrap's
// NODE_EXTRA_CA_CERTS (/var/runtime/ca-cert.pem, AWS's RDS certificates, when the function does not
// set it) and the image's LD_LIBRARY_PATH (/opt/lib of the layers); the function's own values of
// both still reach it.
export const BOOTSTRAP_DOCS = {
  NODE: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html',
  WRAPPER: 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html',
  LAYERS: 'https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html',
  BASE_IMAGES: 'https://github.com/aws/aws-lambda-base-images',
  NODE24_BOOTSTRAP: 'https://dev.to/wonderfulsoap/deep-dive-into-aws-lambda-3-official-nodejs-runtime-analysis-43je',
} as const;

/** The bootstrap's fixed Node flags (NODE_ARGS). */
export const BOOTSTRAP_NODE_FLAGS = ['--expose-gc', '--max-http-header-size', '81920'] as const;

/** The heap sizes the bootstrap passes for a memory size (MB): a tenth is the new space, half of it a semi-space, the rest the old space. */
export function heapSizes(memoryMb: number): { semiSpaceMb: number; oldSpaceMb: number } {
  const newSpace = Math.floor(memoryMb / 10);
  return { semiSpaceMb: Math.floor(newSpace / 2), oldSpaceMb: memoryMb - newSpace };
}

/** The NODE_OPTIONS words that make the bootstrap pass no heap flag at all. */
export const HEAP_FLAG_NAMES = ['--max-semi-space-size', '--max-old-space-size', '--max_semi_space_size', '--max_old_space_size'] as const;

/**
 * BOOTSTRAP_DOCS.NODE (lambda-nodejs.html), the table of experimental features Lambda disables ("Upstream
 * Node.js language releases enable certain experimental features by default. Lambda disables these
 * features to ensure runtime stability and consistent performance"): "Support for importing
 * modules using require in ES modules", Node.js 20 and 22, `--no-experimental-require-module`,
 * re-enabled with `--experimental-require-module`; "Support for automatically detecting ES vs
 * CommonJS modules", Node.js 22, `--no-experimental-detect-module`, re-enabled with
 * `--experimental-detect-module`. "To enable a disabled experimental feature, set the re-enable
 * flag in the NODE_OPTIONS environment variable. ... Lambda detects this override and removes the
 * corresponding disable flag." (the same table in docs.amazonaws.cn/lambda/latest/dg/lambda-nodejs.html).
 */
export const MODULE_FLAGS = [
  { disable: '--no-experimental-require-module', enable: '--experimental-require-module', runtimes: ['nodejs20.x', 'nodejs22.x'] },
  { disable: '--no-experimental-detect-module', enable: '--experimental-detect-module', runtimes: ['nodejs22.x'] },
] as const satisfies readonly { disable: string; enable: string; runtimes: readonly string[] }[];

/** The base image's PATH after /var/lang/bin (the runtime's Node) and before /opt/bin (the layers). */
export const LAMBDA_PATH_TAIL = ['/usr/local/bin', '/usr/bin', '/bin'] as const;

/**
 * QUOTAS, "Function configuration, deployment, and execution": "File descriptors: 1,024",
 * "Execution processes/threads: 1,024", "/tmp directory storage: 512 MB - 10,240 MB, in 1-MB
 * increments" (512 MB, the default ephemeral storage: configuration-ephemeral-storage.html).
 */
export const MAX_FILE_DESCRIPTORS = 1024;
export const MAX_PROCESSES = 1024;
export const DEFAULT_EPHEMERAL_STORAGE_MB = 512;

/**
 * The function's code and its layers are read-only; only /tmp is writable. images-create.html,
 * "Requirements": "The container image must be able to run on a read-only file system. Your
 * function code can access a writable /tmp directory with between 512 MB and 10,240 MB". AWS's
 * local emulator, the SAM CLI, mounts the code directory at /var/task read-only except when it
 * builds (aws-sam-cli samcli/local/docker/container.py, Container.create: `mount_mode =
 * "rw,delegated" if self._mount_with_write else "ro,delegated"`); it copies layers into the image
 * instead (samcli/local/docker/lambda_image.py, _generate_dockerfile: `ADD <layer> /opt`). A write
 * there fails with EROFS, "read-only file system" (Node's error code and message for it).
 */
export const READ_ONLY_CODE = {
  IMAGES: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  SAM_CLI: 'https://github.com/aws/aws-sam-cli/blob/develop/samcli/local/docker/container.py',
  ERROR_CODE: 'EROFS',
} as const;

/**
 * The region a function runs in: AWS_REGION and AWS_DEFAULT_REGION (configuration-envvars.html,
 * "AWS_REGION – The AWS Region where the Lambda function is executed."). AWS's emulator has no
 * region of its own: it forwards its whole environment to the function (RIE,
 * internal/lambda/rie/handlers.go: "Forward Env Vars from the running system (container) to what
 * the function can view"), and takes the credentials the function gets from its own environment
 * (`AwsKey: os.Getenv("AWS_ACCESS_KEY_ID")`, `AwsSecret: os.Getenv("AWS_SECRET_ACCESS_KEY")`,
 * `AwsSession: os.Getenv("AWS_SESSION_TOKEN")`). The service does the same for the credentials; the
 * region is the --region option (default us-east-1), never taken from the caller silently.
 */
export const DEFAULT_REGION = 'us-east-1';
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
export const CREDENTIAL_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

// ---- response streaming (awslambda.streamifyResponse; lambda/streaming.ts) -----------------------
//
// The developer guide (https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html):
// "response streaming functions can return payloads up to 200 MB, compared to the 6 MB maximum for
// buffered responses"; "The streaming rate for the first 6 MB of your function's response is
// uncapped. For responses larger than 6 MB, the remainder of the response is subject to a bandwidth
// cap" (2 MBps, the same page's "Bandwidth limits for response streaming": not played here).
// https://docs.aws.amazon.com/lambda/latest/dg/config-rs-invoke-furls.html: a function URL's invoke
// mode is "BUFFERED – ... Lambda invokes your function using the Invoke API operation. Invocation
// results are available when the payload is complete. The maximum payload size is 6 MB." or
// "RESPONSE_STREAM – ... Lambda invokes your function using the InvokeWithResponseStream API
// operation. The maximum response payload size is 200 MB."; "You can still invoke your function
// without response streaming by directly calling the Invoke API operation."
//
// What the runtime client sends (aws-lambda-nodejs-runtime-interface-client, src/ResponseStream.js,
// createResponseStream): one POST /runtime/invocation/<id>/response, chunked, with the headers
// `Lambda-Runtime-Function-Response-Mode: streaming` and `Trailer: Lambda-Runtime-Function-Error-Type,
// Lambda-Runtime-Function-Error-Body`, and the handler's writes as they happen; a handler that
// throws (or rejects) mid-stream ends it with those two trailers, the error's type and its JSON
// ({errorType, errorMessage, trace}) in base64 (`fail`: `req.addTrailers(...)`). AWS's emulator
// reads the trailers once the body is copied (RIE internal/lambda/core/directinvoke/directinvoke.go,
// sendStreamingInvokeResponse: `trailers.Get(FunctionErrorTypeTrailer)`; the managed-instances
// variant internal/lambda-managed-instances/invoke/runtime_response_request.go, TrailerError, base64-
// decodes the body, and running_invoke.go turns a trailer error into the invocation's error: "Runtime
// sent error trailers after response body"). A response without a Content-Type is
// application/octet-stream (runtime_response_request.go, NewRuntimeResponse).

export const STREAMING_RESPONSE_MODE = 'streaming';
export const FUNCTION_ERROR_TYPE_TRAILER = 'lambda-runtime-function-error-type';
export const FUNCTION_ERROR_BODY_TRAILER = 'lambda-runtime-function-error-body';
export const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';

/**
 * The cap of a streamed response: 200 MB (configuration-response-streaming.html), counted in MiB
 * as the 6 MB buffered limit is. Past it AWS's emulator stops copying (an io.LimitReader of the cap
 * + 1 bytes): the caller has had what was copied, the invocation's error is
 * Function.ResponseSizeTooLarge with the size read (cap + 1) and the cap, and the runtime's POST
 * gets the 413 of RUNTIME_RESPONSE_TOO_LARGE (directinvoke.go asyncPayloadCopy,
 * `ErrorResponseTooLargeDI`; rapi/handler/invocationresponse.go: "in DirectInvoke case, the
 * (truncated) response is already sent back to the caller"). A streamed response invoked through
 * the (buffered) Invoke API has the buffered limit, MAX_RESPONSE_BYTES, the same way (RIE's
 * MaxPayloadSize of an invocation).
 */
export const MAX_STREAMED_RESPONSE_BYTES = 200 * 1024 * 1024;
export const streamTooLarge = (limit: number) => ({
  errorType: RESPONSE_TOO_LARGE.errorType,
  errorMessage: `Response payload size (${limit + 1} bytes) exceeded maximum allowed payload size (${limit} bytes).`,
});

/**
 * The HTTP prelude of awslambda.HttpResponseStream.from(stream, {statusCode, headers, cookies})
 * (the runtime client's src/HttpResponseStream.js): the content type becomes
 * `application/vnd.awslambda.http-integration-response`, and before the first write the prelude
 * goes out as JSON followed by 8 NUL bytes (`DELIMITER_LEN = 8`); what follows is the body. Its
 * fields are those of a function URL's response (FUNCTION_URL above: statusCode, headers, cookies).
 */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
export const PRELUDE_DELIMITER_BYTES = 8;


/**
 * InvokeWithResponseStream (https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html):
 * `POST /2021-11-15/functions/FunctionName/response-streaming-invocations?Qualifier=Qualifier` with
 * X-Amz-Invocation-Type "RequestResponse | DryRun", X-Amz-Log-Type and X-Amz-Client-Context as for
 * Invoke; the answer ("For the RequestResponse invocation type, this status code is 200. For the
 * DryRun invocation type, this status code is 204.") carries X-Amz-Executed-Version and an event
 * stream of InvokeWithResponseStreamResponseEvent: PayloadChunk ("A chunk of the streamed response
 * payload", InvokeResponseStreamUpdate {Payload}) and at the end InvokeComplete ("An object that's
 * returned when the stream has ended and all the payload chunks have been returned",
 * InvokeWithResponseStreamCompleteEvent {ErrorCode "An error code.", ErrorDetails "The details of
 * any returned error.", LogResult "The last 4 KB of the execution log, which is base64-encoded."}).
 * What ErrorCode and ErrorDetails hold the pages do not say: the service gives the error type and
 * the error's JSON, what AWS's emulator passes on from the runtime's trailers
 * (directinvoke.go: `Lambda-Runtime-Function-Error-Type`, `Lambda-Runtime-Function-Error-Body`).
 */
export const INVOKE_STREAM_PATH = /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations$/;
export const STREAM_INVOCATION_TYPES = ['RequestResponse', 'DryRun'] as const;
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';
