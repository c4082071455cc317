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
  TIMEOUT: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
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
  message: () => `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`,
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

/** TIMEOUT: the log line and the caller's error type when a function runs past its timeout. */
export const taskTimedOut = (timeoutSec: number) => `Task timed out after ${timeoutSec.toFixed(2)} seconds`;
export const TIMEOUT_ERROR_TYPE = 'Sandbox.Timedout';

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
