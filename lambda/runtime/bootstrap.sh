#!/bin/sh
# The end of Lambda's nodejs bootstrap (/var/runtime/bootstrap), played for the local service:
# lambda/bootstrap.ts gives Node's path and flags as the arguments. First the descriptor limit of
# an execution environment (lambda/aws.ts MAX_FILE_DESCRIPTORS; a host whose hard limit is lower
# keeps its own). Then, as the bootstrap does (lambda/aws.ts BOOTSTRAP): without
# AWS_LAMBDA_EXEC_WRAPPER, exec Node; with it, exit 127 if the wrapper does not exist, 126 if it
# is not executable, else exec the wrapper with Node's command line as its arguments. exec keeps
# the process id, its group and its pipes: the service sees the same process either way.
ulimit -n "${LAMBDA_LOCAL_NOFILE:-1024}" 2>/dev/null
unset LAMBDA_LOCAL_NOFILE
if [ -z "$AWS_LAMBDA_EXEC_WRAPPER" ]; then
  exec "$@"
fi
wrapper="$AWS_LAMBDA_EXEC_WRAPPER"
if [ ! -f "$wrapper" ]; then
  echo "$wrapper: does not exist"
  exit 127
fi
if [ ! -x "$wrapper" ]; then
  echo "$wrapper: is not an executable"
  exit 126
fi
exec "$wrapper" "$@"
