#!/bin/sh
# An AWS_LAMBDA_EXEC_WRAPPER script for lambda/handlers/exec-wrapper.js: it gets the runtime's
# command line as its arguments, adds a variable and a Node flag, and runs the command.
export WRAPPED_BY=exec-wrapper
node="$1"
shift
exec "$node" --trace-uncaught "$@"
