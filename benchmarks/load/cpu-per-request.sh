#!/usr/bin/env bash
# CPU per request of `smsim load` next to wrk, against the same loopback endpoint, in one session.
#
#   benchmarks/load/cpu-per-request.sh [REPEATS] [RATE]     # default 3 repeats, RATE 8000/s
#
# The endpoint is benchmarks' AckStub (every POST answered at once with the same DUIS I99
# acknowledgement), so the generators are measured, not a server. Each repeat runs, in turn:
#   wrk -t2 -c64 -d20s -s benchmarks/live/duis-post.lua: requests/s (closed loop) and CPU per request
#     (user + system time of wrk / requests);
#   smsim load --ack-only, 64 connections, 2 threads, at RATE and at 2 x RATE (20 s each after a 5 s
#     warm-up), on the native epoll transport and again on NIO (-Dsmsim.transport=nio): marginal CPU
#     per request = (CPU at 2 x RATE - CPU at RATE) / (requests at 2 x RATE - requests at RATE), which
#     leaves out the JVM's start and JIT compilation; and the rate actually put on the wire.
# Pick RATE near a quarter of wrk's rate: far below the machine's capacity the marginal CPU is
# lost in the noise. Medians are printed at the end. SMSIM_JAR/BENCH_JAR take other builds of smsim.jar/benchmarks.jar.
# Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repeats=${1:-3}
rate=${2:-8000}
jar=${SMSIM_JAR:-simulator/target/smsim.jar}
bench=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
[ -f "$jar" ] && [ -f "$bench" ] || mvn -B -q -DskipTests package
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed (Debian: apt-get install time)" >&2; exit 2; }
out=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
java -cp "$bench" io.smsim.bench.AckStub "$port" 1 > "$out/stub.log" 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -rf "$out"' EXIT
url="http://127.0.0.1:$port"
sleep 3
wrk -t2 -c64 -d10s -s benchmarks/live/duis-post.lua "$url/api/v1/serviceS" > /dev/null # warms the stub

load_run() { # TRANSPORT RATE -> "cpu_seconds requests"
  /usr/bin/time -f "%U %S" -o "$out/time" java -Dsmsim.transport="$1" -jar "$jar" load --target "$url" --ack-only \
    --rate "$2" --warmup 5s --duration 20s --connections 64 --threads 2 --quiet --no-report --format json \
    --out "$out/load" > "$out/load.json" 2> "$out/load.err" || true
  python3 - "$out/load.json" "$out/time" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
def find(o, *names):
    for n in names:
        if isinstance(o, dict) and n in o:
            o = o[n]
        else:
            return None
    return o
sent = find(s, "sends", "onWire") or find(s, "sends", "sent") or find(s, "requests", "total")
u, sy = map(float, open(sys.argv[2]).read().split())
print(u + sy, sent)
PY
}

for i in $(seq "$repeats"); do
  /usr/bin/time -f "%U %S" -o "$out/time" wrk -t2 -c64 -d20s -s benchmarks/live/duis-post.lua "$url/api/v1/serviceS" \
    > "$out/wrk.txt"
  n=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
  read -r u s < "$out/time"
  awk -v n="$n" -v u="$u" -v s="$s" -v i="$i" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN {printf "repeat %d: wrk %d requests/s, %.1f us CPU per request (load average %s)\n", i, n / 20, (u + s) * 1e6 / n, l}' \
    | tee -a "$out/results"
  for transport in epoll nio; do
    read -r c1 n1 < <(load_run "$transport" "$rate")
    read -r c2 n2 < <(load_run "$transport" $((rate * 2)))
    awk -v c1="$c1" -v n1="$n1" -v c2="$c2" -v n2="$n2" -v i="$i" -v t="$transport" -v r="$rate" \
      -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {printf "repeat %d: smsim load (%s) %d and %d requests at %d/s and %d/s, CPU %.1f s and %.1f s: %.1f us CPU per request, marginal (load average %s)\n",
        i, t, n1, n2, r, 2 * r, c1, c2, (c2 - c1) * 1e6 / (n2 - n1), l}' | tee -a "$out/results"
  done
done
echo
echo "medians of $repeats:"
for what in "wrk" "smsim load (epoll)" "smsim load (nio)"; do
  grep -F "$what" "$out/results" | grep -o '[0-9.]* us CPU per request' | awk '{print $1}' | sort -n \
    | awk -v w="$what" '{a[NR]=$1} END {printf "  %s: %s us CPU per request\n", w, a[int((NR+1)/2)]}'
done
