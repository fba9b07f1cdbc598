#!/bin/sh
# Start-up cost: median wall time of `target/nsc describe operator` next to a hello-world java
# on the same machine, 9 alternating runs each (after one warm-up run of each, and after the
# launcher's class-data sharing archive exists). Prints both medians and their ratio.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
nsc=$here/target/nsc
[ -x "$nsc" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
runs=${RUNS:-9}
work=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export HOME="$work/home" NSC_HOME="$work/home/.nsc" NKEYS_PATH="$work/home/.nkeys"
mkdir -p "$HOME"
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; javac=$JAVA_HOME/bin/javac; else java=java; javac=javac; fi

cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$javac" -d "$work" "$work/Hello.java"

"$nsc" add operator O >/dev/null 2>&1
"$nsc" edit operator --service-url nats://localhost:4222 >/dev/null 2>&1
# the first run trains the archive in the background; wait for it (at most 60 s)
i=0
while [ -z "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
[ -n "$(ls "$HOME/.cache/jnsc/"*.jsa 2>/dev/null)" ] || echo "warning: no class-data sharing archive was made" >&2

ms() { # wall time of one command in milliseconds
  s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ms "$java" -cp "$work" Hello >/dev/null
ms "$nsc" describe operator >/dev/null
: > "$work/hello.txt"; : > "$work/nsc.txt"
n=0
while [ $n -lt "$runs" ]; do
  ms "$java" -cp "$work" Hello >> "$work/hello.txt"
  ms "$nsc" describe operator >> "$work/nsc.txt"
  n=$((n + 1))
done
h=$(median < "$work/hello.txt")
d=$(median < "$work/nsc.txt")
echo "java: $("$java" -version 2>&1 | head -1)"
echo "hello-world java:        median ${h} ms  (runs: $(tr '\n' ' ' < "$work/hello.txt"))"
echo "nsc describe operator:   median ${d} ms  (runs: $(tr '\n' ' ' < "$work/nsc.txt"))"
awk -v d="$d" -v h="$h" 'BEGIN { printf "ratio: %.2fx the hello-world JVM\n", d / h }'
