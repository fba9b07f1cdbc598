#!/bin/sh
# Builds target/nsc and runs the whole test suite (unit, command-level, nats-server, executable),
# then prints one summary line of all test results.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# the differential tests log every command they compare; the report below counts this run's
rm -f target/differential/steps.tsv
mvn -B verify "$@"
status=$?
summary() {
  awk 'match($0, /<testsuite [^>]*>/) {
         s = substr($0, RSTART, RLENGTH)
         if (match(s, /tests="[0-9]+"/))    t += substr(s, RSTART + 7, RLENGTH - 8)
         if (match(s, /failures="[0-9]+"/)) f += substr(s, RSTART + 10, RLENGTH - 11)
         if (match(s, /errors="[0-9]+"/))   e += substr(s, RSTART + 8, RLENGTH - 9)
         if (match(s, /skipped="[0-9]+"/))  k += substr(s, RSTART + 9, RLENGTH - 10)
       }
       END { printf "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n", t, f, e, k }' \
    target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml 2>/dev/null
}
echo
if [ -d target/test-classes ]; then
  java -cp target/test-classes dev.jnsc.testing.DifferentialReport target/differential/steps.tsv "${JNSC_REF_NSC:-}" || true
fi
if [ $status -eq 0 ]; then echo "ALL TESTS PASSED"; else echo "BUILD OR TESTS FAILED (exit $status)"; fi
summary
exit $status
