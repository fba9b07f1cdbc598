#!/bin/sh
# Cost of nsc batch: wall time of one `target/nsc batch` of 1,000 `add user` lines (to a fresh
# account), from start to exit, with its rate. With JNSC_REF_NSC=<path of the Go nsc>, also the
# wall time of the same 1,000 `add user` as separate Go nsc invocations, and the ratio.
# N=<lines> changes the count; JNSC_NSC=<path> times that build instead of this tree's target/nsc
# (A/B: the same script on two builds). With TIME=1 the batch runs under /usr/bin/time, whose
# line (wall s, user s, sys s, max RSS KiB) follows the wall time: CPU time moves less with load.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nsc=${JNSC_NSC:-$here/target/nsc}
[ -x "$nsc" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
n=${N:-1000}
work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export HOME="$work/home" NSC_HOME="$work/home/.nsc" NKEYS_PATH="$work/home/.nkeys"
mkdir -p "$HOME"

now() { date +%s%N; }

"$nsc" add operator O >/dev/null 2>&1
"$nsc" add account A >/dev/null 2>&1
# the first run trains the class-data sharing archive in the background; wait for it (at most 60 s)
i=0
while [ -z "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done

i=0
: > "$work/lines.txt"
while [ $i -lt "$n" ]; do echo "add user u$i" >> "$work/lines.txt"; i=$((i + 1)); done

timed=
[ "${TIME:-0}" = 1 ] && timed="/usr/bin/time -o $work/time.txt -f %e_%U_%S_%M"
s=$(now)
$timed "$nsc" batch -f "$work/lines.txt" > "$work/batch.out" 2>&1 || { echo "nsc batch failed:" >&2; tail -5 "$work/batch.out" >&2; exit 1; }
e=$(now)
jms=$(( (e - s) / 1000000 ))
users=$("$nsc" list users 2>&1 | grep -c ' u[0-9]' || true)
[ "$users" -eq "$n" ] || { echo "expected $n users in the store, found $users" >&2; exit 1; }
echo "jnsc batch: $n add user lines in $jms ms ($(awk -v n="$n" -v ms="$jms" 'BEGIN { printf "%.2f", ms / n }') ms a line)"
[ -z "$timed" ] || echo "cpu: $(tr _ ' ' < "$work/time.txt" | awk '{ printf "wall %s s, user %s s, sys %s s, max rss %d KiB", $1, $2, $3, $4 }')"

if [ -n "${JNSC_REF_NSC:-}" ]; then
  ref="$JNSC_REF_NSC --config-dir $work/ref/cfg --data-dir $work/ref/stores --keystore-dir $work/ref/keys"
  $ref add operator O >/dev/null 2>&1
  $ref add account A >/dev/null 2>&1
  s=$(now)
  i=0
  while [ $i -lt "$n" ]; do
    $ref add user "u$i" >/dev/null 2>&1 || { echo "Go nsc add user u$i failed" >&2; exit 1; }
    i=$((i + 1))
  done
  e=$(now)
  gms=$(( (e - s) / 1000000 ))
  echo "Go nsc:     $n add user invocations in $gms ms ($(awk -v n="$n" -v ms="$gms" 'BEGIN { printf "%.2f", ms / n }') ms each)"
  awk -v g="$gms" -v j="$jms" 'BEGIN { printf "ratio: jnsc batch is %.1fx faster\n", g / j }'
fi
