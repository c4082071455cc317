# The first half of a holder's guard (harness/procs.ts starts it as `sh guard.sh <node> <guard.cjs>`):
# it keeps the list of what the holder holds, as harness/guard.cjs describes its lines, and once
# the pipe ends (the holder is gone, whatever way it went) hands what is still held to guard.cjs,
# which kills and removes it. A holder that let everything go ends with nothing held: then nothing
# more runs. A shell starts in about a millisecond and Node in some thirty, and a test run ends
# dozens of holders, nearly all of them having let everything go.
#
# Plain POSIX sh, no other program: `read` and the shell's own string operations only.

node=$1
js=$2

# The holder's own group (read now, while the holder is this process's parent): guard.cjs never
# kills it whole. Its /proc/<pid>/stat reads "pid (name) state ppid pgrp ...", the name may hold
# spaces and parentheses, so the fields are taken after the last ") ".
holder_group=0
if [ -r "/proc/$PPID/stat" ] && IFS= read -r stat < "/proc/$PPID/stat"; then
  set -f
  set -- ${stat##*) }
  set +f
  holder_group=${3:-0}
fi

nl='
'
# What is held: one line each ("g 123", "d /tmp/x"), each once, in the order first held.
held=

# Removes the line $1 from the list.
forget() {
  rest=$held
  held=
  while [ -n "$rest" ]; do
    one=${rest%%"$nl"*}
    rest=${rest#*"$nl"}
    [ "$one" = "$1" ] || held=$held$one$nl
  done
}

while IFS= read -r line; do
  arg=${line#??}
  case $line in
    [gpdc]' '*)
      case $nl$held in
        *"$nl$line$nl"*) ;;
        *) held=$held$line$nl ;;
      esac
      ;;
    'r '*) forget "g $arg" ;;
    'q '*) forget "p $arg" ;;
    'e '*) forget "d $arg" ;;
    'u '*) forget "c $arg" ;;
  esac
done

[ -n "$held" ] || exit 0
exec "$node" "$js" "$holder_group" <<EOF
$held
EOF
