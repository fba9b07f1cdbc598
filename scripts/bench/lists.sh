#!/bin/sh
# Lists on a big store: 1,000 accounts (A0001..A0999 and BIG), BIG with 2,000 users (ACCOUNTS and
# USERS change the counts). Times `list accounts`, `list users -a BIG` and `list keys -A` through
# target/nsc and, with JNSC_REF_NSC=<path of the Go nsc>, through it on the same store (its own
# config folder), alternating the two. Prints the median wall time of RUNS runs (default 7), the
# largest peak RSS (with /usr/bin/time) and the ratio jnsc / Go, and the load average before and
# after (the machine may be shared: compare the ratios of one run). JNSC_NSC=<path> times another
# jnsc build instead of target/nsc (e.g. the main branch's, for a before/after comparison).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nsc=${JNSC_NSC:-$here/target/nsc}
[ -x "$nsc" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
runs=${RUNS:-7}
accounts=${ACCOUNTS:-1000}
users=${USERS:-2000}
ref=${JNSC_REF_NSC:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-lists.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export HOME="$work/home"
mkdir -p "$HOME"
unset NSC_HOME NKEYS_PATH XDG_CONFIG_HOME XDG_DATA_HOME || true
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

echo "building the store: $accounts accounts, $users users in BIG..."
s=$(date +%s%N)
"$java" -cp "$nsc" "$here/scripts/bench/MakeStore.java" "$work/jcfg" "$work/stores" "$work/keys" "$accounts" "$users"
echo "  took $(( ($(date +%s%N) - s) / 1000000 )) ms"
jnsc="$nsc --config-dir $work/jcfg --data-dir $work/stores --keystore-dir $work/keys"
go=
if [ -n "$ref" ]; then
  go="$ref --config-dir $work/gcfg --data-dir $work/stores --keystore-dir $work/keys"
  $go env --operator O --account BIG >/dev/null 2>&1
fi

# the first run of target/nsc trains its class-data sharing archive in the background; wait for it
$jnsc list operators >/dev/null 2>&1
i=0
while [ -z "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] && [ $i -lt 240 ]; do sleep 0.5; i=$((i + 1)); done
[ -n "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] || echo "warning: no class-data sharing archive was made" >&2

timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time
one() { # file prefix, then the command: appends wall ms to <prefix>.ms and peak RSS KiB to <prefix>.kb
  p=$1; shift
  s=$(date +%s%N)
  if [ -n "$timer" ]; then
    $timer -f %M -o "$p.rss1" "$@" >"$p.out" 2>&1 || { echo "failed: $*" >&2; tail -3 "$p.out" >&2; }
  else
    "$@" >"$p.out" 2>&1 || { echo "failed: $*" >&2; tail -3 "$p.out" >&2; }
  fi
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >> "$p.ms"
  [ -n "$timer" ] && tail -1 "$p.rss1" >> "$p.kb"
  return 0
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
maxof() { sort -n | tail -1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %10s %10s %10s %10s %8s %8s\n' command "jnsc ms" "Go ms" "ratio" "jnsc MiB" "Go MiB" "ratio"
for cmd in "list accounts" "list users -a BIG" "list keys -A"; do
  tag=$(echo "$cmd" | tr ' ' '_')
  j=$work/$tag.j; g=$work/$tag.g
  rm -f "$j.ms" "$j.kb" "$g.ms" "$g.kb"
  # shellcheck disable=SC2086
  one "$j" $jnsc $cmd   # warm-up: the page cache
  rm -f "$j.ms" "$j.kb"
  n=0
  while [ "$n" -lt "$runs" ]; do
    # shellcheck disable=SC2086
    one "$j" $jnsc $cmd
    # shellcheck disable=SC2086
    [ -n "$go" ] && one "$g" $go $cmd
    n=$((n + 1))
  done
  jm=$(median < "$j.ms"); jk=-; gm=-; gk=-; rt=-; rk=-
  [ -f "$j.kb" ] && jk=$(maxof < "$j.kb")
  if [ -n "$go" ]; then
    gm=$(median < "$g.ms")
    rt=$(awk -v a="$jm" -v b="$gm" 'BEGIN { printf "%.2f", a / b }')
    if [ -f "$g.kb" ]; then
      gk=$(maxof < "$g.kb")
      rk=$(awk -v a="$jk" -v b="$gk" 'BEGIN { printf "%.2f", a / b }')
      gk=$(( gk / 1024 ))
    fi
  fi
  [ "$jk" != - ] && jk=$(( jk / 1024 ))
  printf '%-26s %10s %10s %10s %10s %8s %8s\n' "$cmd" "$jm" "$gm" "$rt" "$jk" "$gk" "$rk"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)   (medians of $runs runs; MiB: largest peak RSS)"
