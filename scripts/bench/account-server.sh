#!/bin/sh
# nsc account-server under load: ACCOUNTS accounts (default 10000), served from an nsc folder
# (--nsc) and from the server's own folder (--dir); GETs of random accounts over keep-alive
# connections on loopback for SECONDS (default 10, after 3 s of warm-up): CONNS connections
# (default 32), then one. Prints requests/s and latency percentiles of each run, with the load
# average; the load generator (scripts/bench/BenchTool.java) runs on the same cores.
# MODES picks the modes (default "nsc dir").
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nsc=$here/target/nsc
[ -x "$nsc" ] && [ -f "$here/target/jnsc.jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
count=${ACCOUNTS:-10000}
secs=${SECONDS_RUN:-${SECONDS:-10}}
conns=${CONNS:-32}
modes=${MODES:-nsc dir}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-as.XXXXXX")
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
export HOME="$work/home" NSC_HOME="$work/home/.nsc" NKEYS_PATH="$work/home/.nkeys"
mkdir -p "$HOME"
tool() { "$java" -cp "$here/target/jnsc.jar" "$here/scripts/bench/BenchTool.java" "$@"; }

"$nsc" add operator O >/dev/null 2>&1
echo "creating $count accounts..."
s=$(date +%s)
tool populate "$NSC_HOME/nats/O" "$NKEYS_PATH" "$count" "$work/jwts"
echo "  took $(( $(date +%s) - s )) s"
mkdir "$work/dir"
cp "$work"/jwts/A*.jwt "$work/dir/" 2>/dev/null || find "$work/jwts" -name 'A*.jwt' -exec cp {} "$work/dir/" \;

port=$(awk 'BEGIN { srand(); print 20000 + int(rand() * 20000) }')
for mode in $modes; do
  case $mode in
    nsc) args="--nsc $NSC_HOME/nats/O" ;;
    dir) args="--dir $work/dir --operator $work/jwts/operator.jwt" ;;
    *) echo "unknown mode $mode" >&2; exit 1 ;;
  esac
  port=$((port + 1))
  # shellcheck disable=SC2086
  "$nsc" account-server $args --hp "127.0.0.1:$port" >"$work/log-$mode.txt" 2>&1 &
  pid=$!
  i=0
  until grep -q "listening on" "$work/log-$mode.txt" 2>/dev/null || [ $i -ge 300 ]; do sleep 0.1; i=$((i + 1)); done
  grep -q "listening on" "$work/log-$mode.txt" || { cat "$work/log-$mode.txt"; exit 1; }
  echo "account-server --$mode, $count accounts:"
  printf '  load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '  '; tool load "127.0.0.1:$port" "$work/jwts/keys.txt" "$conns" "$secs" 3 "$pid"
  printf '  '; tool load "127.0.0.1:$port" "$work/jwts/keys.txt" 1 "$secs" 3 "$pid"
  printf '  load average after:  %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  lines=$(wc -l < "$work/log-$mode.txt")
  echo "  log lines written: $lines"
done
