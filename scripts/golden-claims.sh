#!/usr/bin/env bash
# Regenerates src/test/resources/golden/claims/ from the Go nsc (the reference binary, see
# ../shared/ref/README.md): account JWTs carrying every kind of export, import and mapping, and
# the activation tokens behind the private imports, and the activations' hash ids worked out here
# with coreutils from the Go library's definition (base32 with padding of SHA-256 over
# "<iss>.<sub>.<subject cut before its first wildcard token>"). Keys, jti and iat change on every
# run; the tests compare our re-encoding with whatever these files hold, so any run's output will do.
#
#   scripts/golden-claims.sh [path/to/nsc-2.11.1]     (default: $JNSC_REF_NSC, then ../shared/ref/nsc-2.11.1)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-${JNSC_REF_NSC:-$root/../shared/ref/nsc-2.11.1}}
[ -x "$ref" ] || { echo "reference nsc not found at $ref" >&2; exit 1; }
for tool in sha256sum xxd base32; do
    command -v "$tool" >/dev/null || { echo "$tool is needed to work out the hash ids" >&2; exit 1; }
done
out=$root/src/test/resources/golden/claims
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

nsc() { "$ref" --config-dir "$T/cfg" --data-dir "$T/stores" --keystore-dir "$T/keys" "$@"; }
pub() { nsc describe account "$1" --field sub | tr -d '"'; }
field() { nsc describe jwt -f "$1" --field "$2" | tr -d '"'; }
hashid() { printf '%s.%s.%s' "$1" "$2" "$3" | sha256sum | cut -d' ' -f1 | xxd -r -p | base32 -w0; }

nsc add operator O --sys
nsc add account EXP
nsc add account IMP
nsc add account MAP
exp=$(pub EXP)
imp=$(pub IMP)

# --- exports: one of each kind on EXP ---
nsc add export -a EXP --name pubstream --subject 'pub.stream.>'
nsc add export -a EXP --subject 'priv.stream.*' --private
nsc add export -a EXP --service --name single --subject svc.single
nsc add export -a EXP --service --subject svc.stream --response-type Stream
nsc add export -a EXP --service --subject 'svc.chunked.>' --response-type Chunked --private
nsc add export -a EXP --service --subject svc.threshold --response-threshold 1500ms
nsc add export -a EXP --service --subject svc.lat --latency lat.results --sampling 50
nsc add export -a EXP --service --subject svc.lathdr --latency lat.hdr --sampling header
nsc add export -a EXP --service --subject 'svc.acct.*.>' --account-token-position 3
nsc add export -a EXP --subject 'acct.*.stream' --account-token-position 2
nsc add export -a EXP --subject adv.stream --advertise
nsc add export -a EXP --service --subject svc.trace --allow-trace
nsc edit export -a EXP --subject svc.single --description 'a <b> & "c"' --info-url 'https://example.com/x?a=1&b=2'
# a stream and a service export may share a subject: the sort by subject must keep both
nsc add export -a EXP --service --name same-svc --subject same.subject
nsc add export -a EXP --name same-stream --subject same.subject

# --- activations for the private exports, one signed by a signing key ---
nsc edit account EXP --sk generate
sk=$(nsc describe account EXP --field nats.signing_keys | tr -d '[]" \n')
nsc generate activation -a EXP --subject 'priv.stream.*' --target-account "$imp" -o "$T/act-stream.jwt"
nsc generate activation -a EXP --subject 'svc.chunked.>' --target-account "$imp" -K "$sk" -o "$T/act-service.jwt"
nsc generate activation -a EXP --subject 'priv.stream.*' --target-account "$imp" --expiry 2030-01-01 --start 2024-01-01 \
    -o "$T/act-timed.jwt"
nsc revocations add-activation -a EXP --subject 'priv.stream.*' --target-account "$imp" --at 1700000000
nsc revocations add-activation -a EXP --subject 'svc.chunked.>' --service --target-account '*' --at 1700000001

# --- imports on IMP ---
nsc add import -a IMP --src-account "$exp" --remote-subject 'pub.stream.>' --name pubstream
nsc add import -a IMP --src-account "$exp" --remote-subject adv.stream --local-subject 'local.adv' --allow-trace
nsc add import -a IMP --src-account "$exp" --remote-subject svc.single --service --share
nsc add import -a IMP --src-account "$exp" --remote-subject svc.lat --service --local-subject my.lat
nsc add import -a IMP --src-account "$exp" --remote-subject 'svc.acct.*.>' --service --local-subject 'acct.$1.>'
nsc add import -a IMP --token "$T/act-stream.jwt"
nsc add import -a IMP --token "$T/act-service.jwt" --name chunked --local-subject 'chunked.>'

# --- mappings on MAP ---
nsc add mapping -a MAP --from orders.new --to orders.east --weight 60
nsc add mapping -a MAP --from orders.new --to orders.west --weight 40
nsc add mapping -a MAP --from 'a.*' --to 'b.{{wildcard(1)}}'
nsc add mapping -a MAP --from 'z.>' --to 'y.>' --weight 100
nsc add mapping -a MAP --from c --to c.local --cluster east --weight 100
nsc add mapping -a MAP --from c --to c.other --cluster west --weight 30
nsc add mapping -a MAP --from c --to c.rest --weight 70
nsc add mapping -a MAP --from 'q.<x>&y' --to r

rm -rf "$out"
mkdir -p "$out"
for a in SYS EXP IMP MAP; do
    cp "$T/stores/O/accounts/$a/$a.jwt" "$out/account-$a.jwt"
done
for f in act-stream act-service act-timed; do
    # nsc prints the activation decorated; keep the bare token
    grep -E '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$' "$T/$f.jwt" | head -1 > "$out/activation-${f#act-}.jwt"
done
# file, then the hash id; the subjects cut before their wildcard token by hand
for f in stream:priv.stream service:svc.chunked timed:priv.stream; do
    tok=$out/activation-${f%%:*}.jwt
    echo "activation-${f%%:*}.jwt $(hashid "$(field "$tok" iss)" "$(field "$tok" sub)" "${f#*:}")"
done > "$out/activation-hashids.txt"
"$ref" --version > "$out/GENERATED_BY"
echo "written to $out"
