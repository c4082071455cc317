#!/bin/sh
# The execution environment's own limits, applied to the runtime process before it becomes
# Lambda's bootstrap (lambda/isolation.ts decides which this machine allows, and says why not):
#   --cgroup <dir>  join the environment's pids cgroup (lambda/cgroup.ts: pids.max 1024, Lambda's
#                   "Execution processes/threads: 1,024"); every process it starts is in it too
#   --ro <dir>      bind <dir> onto itself read-only: the code directory and each layer, read-only
#                   as Lambda's are, at the same path. Only in a mount namespace of the process's
#                   own (it is started as `unshare --mount --propagation private /bin/sh isolate.sh`),
#                   so that nobody else sees the mount, and it goes with the namespace's last process
#   --              the command: exec'd in place (same process id, same group, same pipes)
# A step that fails ends the process, exit 125 and one line on stderr: the service checked that
# this machine allows each step it asks for.
while [ $# -gt 0 ]; do
  case "$1" in
    --cgroup)
      if ! { echo $$ > "$2/cgroup.procs"; } 2>/dev/null; then
        echo "lambda/runtime/isolate.sh: cannot join the cgroup $2" >&2
        exit 125
      fi
      shift 2 ;;
    --ro)
      if ! { mount --bind "$2" "$2" && mount -o remount,bind,ro "$2" "$2"; } 2>/dev/null; then
        echo "lambda/runtime/isolate.sh: cannot make $2 read-only" >&2
        exit 125
      fi
      shift 2 ;;
    --)
      shift
      break ;;
    *)
      echo "lambda/runtime/isolate.sh: unknown option $1" >&2
      exit 125 ;;
  esac
done
exec "$@"
