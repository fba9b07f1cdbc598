#!/bin/sh
# nsc account-server under load: ACCOUNTS accounts (default 10000), served from an nsc folder
# (--nsc) and from the server's own folder (--dir); GETs of random accounts over keep-alive
# connections on loopback for SECONDS (default 10, after a first pass that asks every account once
# and 3 s of warm-up): CONNS connections (default 32), then one. Prints requests/s, latency
# percentiles and the server's CPU time per request of each run, with the load average.
# The load generator is wrk (with account-server.lua) when it is installed, else
# scripts/bench/BenchTool.java (a JVM, which takes a good share of the cores itself); LOADGEN=java
# forces the latter. MODES picks the modes (default "nsc dir").
# JNSC_NSC names the nsc executable(s) to measure (default target/nsc); with several, separated by
# spaces, the runs alternate between them ROUNDS times (default 1), on the same accounts: an A/B
# comparison on a shared machine. WORK=<dir> keeps the accounts there and reuses them next time.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nscs=${JNSC_NSC:-$here/target/nsc}
jar=$here/target/jnsc.jar
for n in $nscs; do [ -x "$n" ] || { echo "no executable $n (build first: mvn -q package -DskipTests)" >&2; exit 1; }; done
[ -f "$jar" ] || jar=$(dirname "$(echo "$nscs" | cut -d' ' -f1)")/jnsc.jar
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
count=${ACCOUNTS:-10000}
secs=${SECONDS_RUN:-${SECONDS:-10}}
conns=${CONNS:-32}
modes=${MODES:-nsc dir}
rounds=${ROUNDS:-1}
loadgen=${LOADGEN:-}
if [ -z "$loadgen" ]; then
  if command -v wrk >/dev/null 2>&1 && command -v curl >/dev/null 2>&1; then loadgen=wrk; else loadgen=java; fi
fi
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
if [ -n "${WORK:-}" ]; then work=$WORK; keep=1; mkdir -p "$work"; else work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-as.XXXXXX"); keep=; fi
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; [ -n "$keep" ] || rm -rf "$work"; }
trap cleanup EXIT INT TERM
export HOME="$work/home" NSC_HOME="$work/home/.nsc" NKEYS_PATH="$work/home/.nkeys"
mkdir -p "$HOME"
tool() { "$java" -cp "$jar" "$here/scripts/bench/BenchTool.java" "$@"; }

if [ -f "$work/jwts/keys.txt" ] && [ "$(wc -l < "$work/jwts/keys.txt")" -eq "$count" ]; then
  echo "reusing $count accounts in $work"
else
  rm -rf "$work/home" "$work/jwts" "$work/dir"
  mkdir -p "$HOME"
  "$(echo "$nscs" | cut -d' ' -f1)" add operator O >/dev/null 2>&1
  echo "creating $count accounts..."
  s=$(date +%s)
  tool populate "$NSC_HOME/nats/O" "$NKEYS_PATH" "$count" "$work/jwts"
  echo "  took $(( $(date +%s) - s )) s"
  mkdir "$work/dir"
  cp "$work"/jwts/A*.jwt "$work/dir/" 2>/dev/null || find "$work/jwts" -name 'A*.jwt' -exec cp {} "$work/dir/" \;
fi

# user+system CPU time of a process in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
lua=$here/scripts/bench/account-server.lua

# wrk_run <port> <connections> <seconds>: one measured run, printed on one line
wrk_run() {
  t=1; [ "$2" -gt 1 ] && t=2
  c0=$(ticks "$pid")
  wrk -t"$t" -c"$2" -d"$3"s --latency -s "$lua" "http://127.0.0.1:$1" -- "$work/jwts/keys.txt" random "$t" \
    >"$work/wrk.txt" 2>&1
  c1=$(ticks "$pid")
  awk -v conns="$2" -v cpu=$((c1 - c0)) -v hz="$hz" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
    / requests in / { n = $1 } /^Requests\/sec:/ { rps = $2 } /other than 200/ { bad = $NF }
    /Socket errors/ { err = $0 }
    END {
      printf "%d connection(s): %.0f requests/s, latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; server CPU %.1f us/request",
        conns, rps, p50, p90, p99, (n > 0 ? cpu * 1e6 / hz / n : 0)
      if (bad) printf "; %s answers other than 200", bad
      if (err) printf "; %s", err
      printf "\n"
    }' "$work/wrk.txt"
}

load() {
  port=$1
  if [ "$loadgen" = java ]; then
    printf '  '; tool load "127.0.0.1:$port" "$work/jwts/keys.txt" "$conns" "$secs" 3 "$pid"
    printf '  '; tool load "127.0.0.1:$port" "$work/jwts/keys.txt" 1 "$secs" 3 "$pid"
    return
  fi
  # first pass: every account once, so that each JWT is read and verified before measuring
  awk -v p="$port" '{ print "url = \"http://127.0.0.1:" p "/jwt/v1/accounts/" $1 "\"\noutput = \"/dev/null\"" }' \
    "$work/jwts/keys.txt" > "$work/urls.cfg"
  s=$(date +%s)
  curl -sS -Z --parallel-max 8 -K "$work/urls.cfg" 2>/dev/null
  echo "  first pass (each account once, curl): $(( $(date +%s) - s )) s"
  wrk -t2 -c"$conns" -d3s -s "$lua" "http://127.0.0.1:$port" -- "$work/jwts/keys.txt" random 2 >/dev/null 2>&1
  printf '  '; wrk_run "$port" "$conns" "$secs"
  wrk -t1 -c1 -d2s -s "$lua" "http://127.0.0.1:$port" -- "$work/jwts/keys.txt" random 1 >/dev/null 2>&1
  printf '  '; wrk_run "$port" 1 "$secs"
}

port=$(awk 'BEGIN { srand(); print 20000 + int(rand() * 20000) }')
r=0
while [ $r -lt "$rounds" ]; do
  r=$((r + 1))
  for nsc in $nscs; do
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
      until grep -q "listening on" "$work/log-$mode.txt" 2>/dev/null || [ $i -ge 600 ]; do sleep 0.1; i=$((i + 1)); done
      grep -q "listening on" "$work/log-$mode.txt" || { echo "$nsc account-server --$mode did not start within 60 s:" >&2; cat "$work/log-$mode.txt" >&2; exit 1; }
      echo "$nsc account-server --$mode, $count accounts, load generator $loadgen:"
      printf '  load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
      load "$port"
      printf '  load average after:  %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
      kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
      lines=$(wc -l < "$work/log-$mode.txt")
      echo "  log lines written: $lines"
    done
  done
done
