#!/bin/sh
# The identity steps of the nsc guide (docs/seed-tutorial), run with target/nsc in a throwaway
# home: operator O with a service URL, account A, user U, then keys, descriptions and env.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
nsc=$here/target/nsc
[ -x "$nsc" ] || { echo "target/nsc is missing: run 'mvn -q package -DskipTests' first" >&2; exit 1; }
home=$(mktemp -d "${TMPDIR:-/tmp}/jnsc-tutorial.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home" NSC_HOME="$home/.nsc" NKEYS_PATH="$home/.nkeys" JNSC_CDS=0
cd "$home"
step() { printf '\n> nsc %s\n' "$*"; "$nsc" "$@" 2>&1; }
step add operator O
step edit operator --service-url nats://localhost:4222
step add account A
step add user U
step list keys
step list keys --show-seeds
step describe operator
step describe account
step describe user
step env
printf '\n> find ~/.nsc/nats ~/.nkeys\n'
(cd "$home" && find .nsc/nats .nkeys -type f | sort)
