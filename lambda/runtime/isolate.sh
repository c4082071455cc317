#!/bin/sh
# The execution environment's own limits, applied to the runtime process before it becomes
# Lambda's bootstrap (lambda/isolation.ts decides which this machine allows, and says why not):
#   --cgroup <dir>  join the environment's pids cgroup (lambda/cgroup.ts: pids.max 1024, Lambda's
#                   "Execution processes/threads: 1,024"); every process it starts is in it too
#   --ro <dir>      bind <dir> onto itself read-only: the code directory and each layer, read-only
#                   as Lambda's are, at the same path. Only in a mount namespace of the process's
#                   own (it is started as `unshare --mount --propagation private /bin/sh isolate.sh`),
#                   so that nobody else sees the mount, and it goes with the namespace's last process
#   --tmp <dir>     bind <dir>, the environment's own folder, onto /tmp (in the same mount
#                   namespace): the literal path /tmp is the environment's, as on Lambda, and no
#                   other environment's. The shell keeps the host's /tmp as its working directory,
#                   so that what follows can still reach it
#   --keep <path>   after --tmp: bind the host's <path> (under /tmp) back in at the same place,
#                   read-only, for what the runtime itself needs there (a task root, a layer, the
#                   project under /tmp). The source is reached through the working directory
#                   (/proc/self/cwd, not canonicalised: the name /tmp now means the environment's
#                   folder)
#   --              the command: exec'd in place (same process id, same group, same pipes)
# A step that fails ends the process, exit 125 and one line on stderr: the service checked that
# this machine allows each step it asks for.
start_dir=$(pwd)
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
    --tmp)
      if ! { cd /tmp && mount --bind "$2" /tmp; } 2>/dev/null; then
        echo "lambda/runtime/isolate.sh: cannot mount $2 on /tmp" >&2
        exit 125
      fi
      shift 2 ;;
    --keep)
      rel=${2#/tmp/}
      if [ -d "/proc/self/cwd/$rel" ]; then made=$(mkdir -p "/tmp/$rel" 2>&1); else made=$(mkdir -p "$(dirname "/tmp/$rel")" 2>&1 && : > "/tmp/$rel" 2>&1); fi
      if [ "$rel" = "$2" ] || [ -n "$made" ] || ! { mount --no-canonicalize --bind "/proc/self/cwd/$rel" "/tmp/$rel" && mount -o remount,bind,ro "/tmp/$rel"; } 2>/dev/null; then
        echo "lambda/runtime/isolate.sh: cannot keep the host's $2" >&2
        exit 125
      fi
      shift 2 ;;
    --)
      # Where the runtime was started (its task root), by name again: under /tmp that is a kept path.
      cd "$start_dir" || exit 125
      shift
      break ;;
    *)
      echo "lambda/runtime/isolate.sh: unknown option $1" >&2
      exit 125 ;;
  esac
done
exec "$@"
