#!/usr/bin/env bash
# CPU per acknowledgement of `smsim serve`, one or more builds side by side in one session.
#
#   benchmarks/live/cpu-per-ack.sh [-r REPEATS] [-d SECONDS] [-s KEY CERT TRUST_DIR] [-p] JAR [JAR ...]
#
# For each repeat, each JAR in turn (alternating, so that a change in the machine's load hits every
# build alike) serves scenarios/live-north-leak.yaml at --time-scale 60 without a response URL; wrk
# (-t2 -c64, benchmarks/live/duis-post.lua) warms it for WARM s (default 15), then drives it for SECONDS (default
# 20). The process's CPU time (user + system, /proc/PID/stat and its threads' /proc/PID/task/*/stat)
# over the measured window is divided by the acknowledgements (I99) wrk received:
#   us/ack      all of the process's CPU
#   us/ack-jit  without the JIT compiler threads (C1/C2): on a busy machine a JVM is still compiling
#               after the warm-up, and that cost is not per request
# With -s, each JAR is measured again with signature verification on (--trust TRUST_DIR) under
# pre-signed requests (benchmarks/live/duis-post-signed.lua, written by benchmarks' SignedRequests
# with KEY/CERT, or taken from SIGNED_FILE; each run uses its own part of them, so that none is a
# replay while they last: answers other than I99 are flagged).
# With -p, each serve then gets an open-model run of `smsim load --ack-only` (the last JAR's, 20 s
# after a 5 s warm-up) at half the acknowledgement rate wrk just measured, and its ack latency
# p50/p99 (from each request's intended send time, so a stall is not hidden) is printed: wrk's own
# percentiles are those of a closed loop at saturation. Verification-off runs only: to send signed
# requests, smsim load signs each as it sends it, and on a 2-core machine its signing and serve's
# verification at half serve's saturating rate would take both cores between them.
# Medians per JAR and mode are printed last. CPU time is far less sensitive to a shared machine than
# throughput; run it under `flock /work/bench.lock` there, and say that the machine was shared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repeats=3 secs=20 key="" cert="" trust="" half=""
while getopts "r:d:s:p" o; do
  case $o in
    r) repeats=$OPTARG ;;
    p) half=1 ;;
    d) secs=$OPTARG ;;
    s) key=$OPTARG; cert=${!OPTIND}; trust=$(eval echo "\${$((OPTIND + 1))}"); OPTIND=$((OPTIND + 2)) ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-r REPEATS] [-d SECONDS] [-s KEY CERT TRUST_DIR] [-p] JAR [JAR ...]" >&2; exit 2; }
loadjar=${*: -1}
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
warm=${WARM:-15}
out=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$out"' EXIT
hz=$(getconf CLK_TCK)

modes=(off)
if [ -n "$key" ]; then
  modes+=(on)
  bench=benchmarks/target/benchmarks.jar
  [ -f "$bench" ] || mvn -B -q -DskipTests package
  if [ -n "${SIGNED_FILE:-}" ]; then # signed before (SignedRequests KEY CERT N FILE): signing is slow too
    cp "$SIGNED_FILE" "$out/signed.txt"
  else # enough that a run at up to 8,000 requests/s repeats none
    java -cp "$bench" io.smsim.bench.SignedRequests "$key" "$cert" "${SIGNED_REQUESTS:-$(( 4 * secs * 8000 ))}" \
      "$out/signed.txt"
  fi
fi

cpu_ticks() { # PID -> "total jit" in clock ticks
  local total=0 jit=0 t name ticks
  for t in /proc/"$1"/task/*; do
    read -r name < "$t/comm" || continue
    ticks=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null) || continue
    total=$((total + ticks))
    case $name in C1\ Compiler*|C2\ Compiler*) jit=$((jit + ticks)) ;; esac
  done
  echo "$total $jit"
}

run() { # JAR MODE -> one result line
  local jar=$1 mode=$2 port="" script=benchmarks/live/duis-post.lua opts=()
  if [ "$mode" = on ]; then script=benchmarks/live/duis-post-signed.lua; opts=(--trust "$trust"); fi
  java -jar "$jar" serve scenarios/live-north-leak.yaml --time-scale 60 --port 0 --admin-port 0 "${opts[@]}" \
    > "$out/serve.txt" 2> "$out/serve.err" &
  pid=$!
  for _ in $(seq 1 600); do # a loaded machine can take a minute to start a JVM
    port=$(sed -n 's|.*DUIS     http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/serve.txt")
    [ -n "$port" ] && break
    sleep 0.2
  done
  [ -n "$port" ] || { echo "serve did not start: $(cat "$out/serve.err")" >&2; exit 1; }
  local url="http://127.0.0.1:$port/api/v1/serviceS"
  SIGNED="$out/signed.txt" SIGNED_PART=0 wrk -t2 -c64 -d"${warm}s" -s "$script" "$url" > /dev/null
  read -r t0 j0 < <(cpu_ticks "$pid")
  SIGNED="$out/signed.txt" SIGNED_PART=1 wrk -t2 -c64 -d"${secs}s" --latency -s "$script" "$url" \
    > "$out/wrk.txt"
  read -r t1 j1 < <(cpu_ticks "$pid")
  local acks rate p50 p99 halfline=""
  acks=$(awk '/^code I99:/ {print $3}' "$out/wrk.txt"); acks=${acks:-0}
  if [ -n "$half" ] && [ "$mode" = off ] && [ "$acks" -gt 0 ]; then
    local r2=$(( acks / secs / 2 ))
    java -jar "$loadjar" load --target "http://127.0.0.1:$port" --ack-only --rate "$r2" --warmup 5s --duration 20s \
      --connections 64 --threads 2 --quiet --no-report --format json --out "$out/load" > "$out/load.json" 2>/dev/null || true
    halfline=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); a=s["latencyMs"]["ack"]
print(", at %s/s (half): ack p50 %s ms, p99 %s ms, %s late sends" % (sys.argv[2], a["p50"], a["p99"], s["sends"]["late"]))' \
      "$out/load.json" "$r2" 2>/dev/null || echo ", at $r2/s (half): no result")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  rate=$(awk '/Requests\/sec/ {printf "%d", $2}' "$out/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$out/wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")
  awk -v jar="$jar" -v mode="$mode" -v acks="$acks" -v rate="$rate" -v p50="$p50" -v p99="$p99" -v t="$((t1 - t0))" \
    -v j="$((j1 - j0))" -v hz="$hz" -v half="$halfline" -v secs="$secs" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v other="$(grep '^code ' "$out/wrk.txt" | grep -v '^code I99' | paste -sd ',' - || true)" \
    'BEGIN { if (acks == 0) acks = 1e-9;
      printf "%s verification %s: %d acks/s (%d acks, p50 %s, p99 %s), CPU %.1f s of which JIT %.1f s, %.1f us/ack, %.1f us/ack-jit, load %s%s%s%s\n",
        jar, mode, acks / secs, acks, p50, p99, t / hz, j / hz, t / hz * 1e6 / acks, (t - j) / hz * 1e6 / acks, load, half,
        (other != "" ? " (other answers: " other ")" : ""),
        (other ~ /E11/ ? " -- the signed requests ran out (E11: replays); the figures count the replays CPU: use a bigger SIGNED_FILE" : "") }'
}

for i in $(seq "$repeats"); do
  for jar in "$@"; do
    for mode in "${modes[@]}"; do
      run "$jar" "$mode" | tee -a "$out/results.txt"
    done
  done
done
echo
echo "medians of $repeats:"
for jar in "$@"; do
  for mode in "${modes[@]}"; do
    # the line must start with the JAR: one JAR's path can end another's (simulator/target/smsim.jar)
    awk -v key="$jar verification $mode:" 'index($0, key) == 1' "$out/results.txt" | awk -v jar="$jar" -v mode="$mode" '
      { for (i = 1; i <= NF; i++) { if ($(i+1) == "acks/s") r[NR] = $i; if ($(i+1) == "us/ack,") u[NR] = $i;
          if ($(i+1) == "us/ack-jit,") w[NR] = $i } }
      function med(a, n,   k, j, t, s) { for (k = 1; k <= n; k++) s[k] = a[k];
        for (k = 1; k <= n; k++) for (j = k + 1; j <= n; j++) if (s[j] + 0 < s[k] + 0) { t = s[k]; s[k] = s[j]; s[j] = t }
        return s[int((n + 1) / 2)] }
      END { printf "  %s verification %s: %s acks/s, %s us/ack, %s us/ack without JIT\n", jar, mode, med(r, NR), med(u, NR), med(w, NR) }'
  done
done
