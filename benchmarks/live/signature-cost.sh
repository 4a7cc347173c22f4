#!/usr/bin/env bash
# What XML signatures cost, measured on loopback in one session:
#   1. smsim serve's acknowledgements per second and p99 with request verification off and on
#      (--trust), under wrk posting the same pre-signed 4.1.1 reads either way;
#   2. smsim load's peak rate on the wire (--ack-only, against benchmarks' AckStub) with request
#      signing off and on (--sign-key/--sign-cert).
#
#   benchmarks/live/signature-cost.sh KEY CERT TRUST_DIR [SECONDS]
#
# KEY/CERT: a Service User's PKCS#8 key and certificate (e.g. DCC Boxed's
# xml-sign-90B3D51F30010000-ds.key/.pem, see README "Signatures and the trust store"); TRUST_DIR:
# a folder holding CERT. serve refuses a RequestID it has acknowledged (E11), and a signature covers
# the RequestID, so: with verification on, wrk sends each of SIGNED_REQUESTS (default 20,000; or the
# file SIGNED_FILE, written before by SignedRequests: signing is slow too) pre-signed requests once,
# half for the warm-up and half for the measured run, and answers other than I99 are counted apart
# (E11 means the file was used up: make it bigger); with verification off, the same documents are
# sent with each RequestID's counter rewritten (SIGNED_REWRITE=1: the signature is not checked, the
# document parsed is the same), so that no request is a replay however fast serve goes.
# Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
key=$1 cert=$2 trust=$3 secs=${4:-20}
jar=simulator/target/smsim.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$jar" ] && [ -f "$bench" ] || mvn -B -q -DskipTests package
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
out=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"' EXIT
load() { awk '{print $1}' /proc/loadavg; }

if [ -n "${SIGNED_FILE:-}" ]; then
  cp "$SIGNED_FILE" "$out/signed.txt"
else
  java -cp "$bench" io.smsim.bench.SignedRequests "$key" "$cert" "${SIGNED_REQUESTS:-20000}" "$out/signed.txt"
fi

serve() { # extra options...
  java -jar "$jar" serve scenarios/live-north-leak.yaml --time-scale 60 --port 0 --admin-port 0 "$@" \
    > "$out/serve.txt" 2> "$out/serve.err" &
  pids+=($!)
  for _ in $(seq 1 600); do  # a loaded machine can take a minute to start a JVM
    port=$(sed -n 's|.*DUIS     http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/serve.txt")
    [ -n "$port" ] && return 0
    sleep 0.2
  done
  echo "serve did not start" >&2; exit 1
}

for mode in off on; do
  if [ "$mode" = on ]; then serve --trust "$trust"; rewrite=0; else serve; rewrite=1; fi
  url="http://127.0.0.1:$port/api/v1/serviceS"
  SIGNED="$out/signed.txt" SIGNED_REWRITE=$rewrite wrk -t2 -c64 -d10s -s benchmarks/live/duis-post-signed.lua "$url" > /dev/null
  echo "== verification $mode (load average $(load))"
  SIGNED="$out/signed.txt" SIGNED_REWRITE=$rewrite SIGNED_PART=1 wrk -t2 -c64 -d"${secs}s" --latency -s benchmarks/live/duis-post-signed.lua "$url" \
    | grep -E 'Requests/sec|^ +99%|^ +50%|code '
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
done

stub=$((20000 + RANDOM % 20000))
java -cp "$bench" io.smsim.bench.AckStub "$stub" 1 > "$out/stub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do # a loaded machine can take a minute to start a JVM; a taken port ends it
  grep -q 'AckStub answering' "$out/stub.log" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "AckStub did not start: $(cat "$out/stub.log")" >&2; exit 1; }
  sleep 0.2
done
for mode in off on; do
  sign=()
  [ "$mode" = on ] && sign=(--sign-key "$key" --sign-cert "$cert")
  echo "== smsim load, signing $mode, asked for 40000/s (load average $(load))"
  java -jar "$jar" load --target "http://127.0.0.1:$stub" --ack-only --rate 40000 --warmup 3s --duration "${secs}s" \
    --connections 64 --threads 2 --quiet --no-report --out "$out/load-$mode" "${sign[@]}" > "$out/load.txt" 2>&1 || true
  grep -E '^sends|^  ack' "$out/load.txt" || { echo "smsim load gave no summary:"; cat "$out/load.txt"; }
done
