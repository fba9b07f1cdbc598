#!/bin/sh
# Cost of the write path: median wall time of single commands that write (add user, edit user,
# which take the store lock and commit through the journal) next to one that only reads
# (describe user), and the wall time of 8 edits of one user started at once (they take turns on
# the lock; all 8 are kept). With REF=<path of the Go nsc>, the same single commands through it.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nsc=$here/target/nsc
[ -x "$nsc" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
runs=${RUNS:-15}
work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export HOME="$work/home" NSC_HOME="$work/home/.nsc" NKEYS_PATH="$work/home/.nkeys"
mkdir -p "$HOME"

ms() { # wall time of one command in milliseconds
  s=$(date +%s%N); "$@" >/dev/null 2>&1 || echo "failed: $*" >&2; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

bench() { # label, then the command prefix; runs add user / edit user / describe user $runs times each
  label=$1; shift
  : > "$work/add.txt"; : > "$work/edit.txt"; : > "$work/describe.txt"
  n=0
  while [ $n -lt "$runs" ]; do
    ms "$@" add user "u$n" >> "$work/add.txt"
    ms "$@" edit user "u$n" --allow-pub "p$n" >> "$work/edit.txt"
    ms "$@" describe user "u$n" >> "$work/describe.txt"
    n=$((n + 1))
  done
  printf '%-8s add user %4s ms   edit user %4s ms   describe user %4s ms   (medians of %s)\n' "$label" \
    "$(median < "$work/add.txt")" "$(median < "$work/edit.txt")" "$(median < "$work/describe.txt")" "$runs"
}

"$nsc" add operator O >/dev/null 2>&1
"$nsc" add account A >/dev/null 2>&1
"$nsc" add user U >/dev/null 2>&1
# the first run trains the class-data sharing archive in the background; wait for it (at most 60 s)
i=0
while [ -z "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
bench jnsc "$nsc"

s=$(date +%s%N)
for n in 1 2 3 4 5 6 7 8; do "$nsc" edit user U --allow-pub "q$n" >/dev/null 2>&1 & done
wait
e=$(date +%s%N)
kept=$("$nsc" describe user U --field nats.pub.allow 2>/dev/null | grep -c '"q[1-8]"' || true)
echo "jnsc     8 parallel edit user: $(( (e - s) / 1000000 )) ms in all, $kept of 8 subjects kept"

if [ -n "${REF:-}" ]; then
  ref="$REF --config-dir $work/ref/cfg --data-dir $work/ref/stores --keystore-dir $work/ref/keys"
  $ref add operator O >/dev/null 2>&1
  $ref add account A >/dev/null 2>&1
  # shellcheck disable=SC2086
  bench "Go nsc" $ref
fi
