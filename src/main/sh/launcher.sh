#!/bin/sh
# jnsc: a POSIX shell launcher; the application jar is appended to this file.
# Finds java 17+ (JAVA_HOME, else PATH) and runs the jar with start-up tuned JVM options and,
# once it exists, a class-data sharing archive made for this exact file and JDK.
# JNSC_CDS=0 disables the archive; JNSC_JAVA_OPTS adds JVM options.
self=$0
case $self in */*) ;; *) self=$(command -v -- "$self") ;; esac
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java) || { echo "nsc: java not found - set JAVA_HOME or put java 17 or newer on PATH" >&2; exit 1; }
fi
# one readlink for both: this file (through symlinks) and the real java binary
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

opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m -Xlog:disable -Xlog:all=warning:stderr"
main=dev.jnsc.Main

if [ "${JNSC_CDS:-1}" != 0 ] && [ -n "$jver" ]; then
  # the archive is named after this file and the JDK (size, mtime, inode), so a stale one is never used
  stamp=$(stat -L --printf '%s.%Y.%i-' -- "$self" "$jhome/lib/server/libjvm.so" 2>/dev/null) \
    || stamp=$(stat -L -f '%z.%m.%i' -- "$self" 2>/dev/null) || stamp=
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/jnsc
  jsa=$cache/nsc-$jver-$stamp.jsa
  if [ -f "$jsa" ]; then
    exec "$java" $opts -XX:SharedArchiveFile="$jsa" ${JNSC_JAVA_OPTS:-} -cp "$self" $main "$@"
  fi
  # No archive yet: train one in the background (once), then run this command as usual.
  if [ -n "$stamp" ] && mkdir -p "$cache" 2>/dev/null && chmod 700 "$cache" 2>/dev/null; then
    find "$jsa.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null
    if mkdir "$jsa.lock" 2>/dev/null; then
      (
        tmp=$jsa.$$.tmp
        "$java" $opts -XX:ArchiveClassesAtExit="$tmp" -cp "$self" dev.jnsc.cli.Training \
          && chmod 600 "$tmp" && mv -f "$tmp" "$jsa"
        rm -f "$tmp"
        rmdir "$jsa.lock"
      ) </dev/null >/dev/null 2>&1 &
    fi
  fi
fi
exec "$java" $opts ${JNSC_JAVA_OPTS:-} -cp "$self" $main "$@"
exit 1
