#!/bin/sh
# jnsc: a POSIX shell launcher; the application jar is appended to this file.
# Finds java 17+ (JAVA_HOME, else PATH) and runs the jar with start-up tuned JVM options and,
# once it exists, a class-data sharing archive made for this exact build, file and JDK.
# JNSC_CDS=0 disables the archive and the file of signatures found valid before (with which
# lists skip the curve computation of JWTs they verified before); JNSC_JAVA_OPTS adds JVM options.
# JNSC_LAUNCHER names this file (through symlinks) for the update command.
build=@BUILD_ID@
self=$0
case $self in */*) ;; *) self=$(command -v -- "$self") ;; esac
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java) || { echo "nsc: java not found - set JAVA_HOME or put java 17 or newer on PATH" >&2; exit 1; }
fi
# one readlink for both, only when needed: this file (through symlinks) and the real java binary
if [ -L "$self" ] || [ -L "$java" ]; then
  { read -r self; read -r jreal; } <<EOF2
$(readlink -f -- "$self" "$java")
EOF2
else
  jreal=$java
fi
jhome=${jreal%/bin/java}
jver=
if [ -r "$jhome/release" ]; then
  while IFS= read -r line; do
    case $line in JAVA_VERSION=*) jver=${line#JAVA_VERSION=}; jver=${jver#\"}; jver=${jver%\"} ;; esac
  done < "$jhome/release"
  major=${jver%%.*}
  case $major in
    ''|*[!0-9]*) ;;
    *) if [ "$major" -lt 17 ]; then echo "nsc: java $jver at $jreal is too old - java 17 or newer is required" >&2; exit 1; fi ;;
  esac
fi

# jnsc's update replaces this file: it finds it here
JNSC_LAUNCHER=$self
export JNSC_LAUNCHER

# Commands are short: C1 only (-XX:TieredStopAtLevel=1) starts fastest, and -Xmn2m (a young
# generation of 2 MiB instead of a share of the machine's memory) keeps a command's resident memory
# near the JVM's floor: its live data is small, and lists that verify thousands of JWTs allocated
# past 140 MiB with a large young generation (about 40 MiB now). The account server runs for long
# and serves many requests: it gets full tiered compilation (C2), TCP_NODELAY and half of the heap
# as young generation (-XX:NewRatio=1, a third by default): the JDK's HTTP server allocates buffers
# per request that die with it (8 KiB for a response's headers alone), so fewer young collections,
# each about as short as before (their pauses add to the latency of the requests under way).
jit="-XX:TieredStopAtLevel=1 -Xmn2m"
for a in "$@"; do
  case $a in account-server) jit="-Dsun.net.httpserver.nodelay=true -XX:NewRatio=1"; break ;; esac
done
opts="$jit -XX:+UseSerialGC -XX:-UsePerfData -Xss1m -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off"
# long commands (push -A, batch, export/import keys) draw a progress line on stderr only when it
# is a terminal; Java cannot tell that of stderr, the shell can (a builtin, no fork)
if [ -t 2 ]; then opts="$opts -Djnsc.stderr.tty=true"; else opts="$opts -Djnsc.stderr.tty=false"; fi
# -i/--interactive prompts only when standard input and output are both a terminal
if [ -t 0 ] && [ -t 1 ]; then opts="$opts -Djnsc.tty=true"; else opts="$opts -Djnsc.tty=false"; fi
main=dev.jnsc.Main

# a path as one file-name part, without forking: /usr/lib/jvm -> _usr_lib_jvm
flat() {
  IFS=/
  set -f
  # shellcheck disable=SC2086
  set -- $1
  IFS=_
  printf '%s' "$*"
}

if [ "${JNSC_CDS:-1}" != 0 ] && [ -n "$jver" ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/jnsc
  jsa=$cache/nsc-$build-$jver$(flat "$jhome")$(flat "$self").jsa
  # signatures found valid before, so that lists verify only new JWTs in full (nkeys.VerifiedSignatures)
  verified=-Djnsc.verified=$cache/verified-signatures
  if [ -f "$jsa" ]; then
    exec "$java" $opts "$verified" -XX:SharedArchiveFile="$jsa" ${JNSC_JAVA_OPTS:-} -cp "$self" $main "$@"
  fi
  # No archive yet: train one in the background (once), then run this command as usual. The
  # training run lists the classes common commands load; a static archive is dumped from the list.
  if mkdir -p "$cache" 2>/dev/null && chmod 700 "$cache" 2>/dev/null; then
    find "$jsa.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null
    if mkdir "$jsa.lock" 2>/dev/null; then
      (
        tmp=$jsa.$$.tmp
        list=$jsa.$$.classes
        "$java" $opts -XX:DumpLoadedClassList="$list" -cp "$self" dev.jnsc.cli.Training \
          && "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" -cp "$self" \
          && chmod 600 "$tmp" && mv -f "$tmp" "$jsa"
        rm -f "$tmp" "$list"
        rmdir "$jsa.lock"
      ) </dev/null >/dev/null 2>&1 &
    fi
  else
    verified=
  fi
else
  verified=
fi
exec "$java" $opts ${verified:+"$verified"} ${JNSC_JAVA_OPTS:-} -cp "$self" $main "$@"
exit 1
