#!/usr/bin/env bash
# Throughput of `smsim load` next to wrk, against the same loopback endpoint in one session.
#
#   benchmarks/load/compare-wrk.sh [REPEATS]        # default 3; about 2 minutes per repeat
#
# The endpoint is benchmarks' AckStub: it answers every POST at once with the same DUIS I99
# acknowledgement, so the figures measure the generators, not a server. Each repeat runs, in turn:
#   wrk -t2 -c64 -d20s --latency  (closed loop: as many requests as 64 connections get answered)
#   smsim load --ack-only, 64 connections, 2 threads: the highest constant rate it sustains as an
#     open model (binary search; a rate is sustained when every request goes out, at most 1% more
#     than 10 ms late, none refused by the generator and no errors), and its peak achieved rate
#     when asked for more than it can send.
# Medians are printed at the end. The machine may be shared: the load average is shown per run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repeats=${1:-3}
port=${PORT:-8090}
url="http://127.0.0.1:$port"
jar=simulator/target/smsim.jar
bench=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ ! -f "$bench" ]; then
  mvn -B -q -DskipTests package
fi
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
out=$(mktemp -d)
java -cp "$bench" io.smsim.bench.AckStub "$port" 1 > "$out/stub.log" 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -rf "$out"' EXIT
sleep 2
load() { awk '{print $1}' /proc/loadavg; }

smsim() { # RATE -> exit 0 when sustained
  local r=$1
  java -jar "$jar" load --target "$url" --ack-only --rate "$r" --warmup 3s --duration 8s --connections 64 \
    --threads 2 --quiet --no-report --out "$out/run" \
    --slo "late<=1%,blocked<=0,errors<=0,rate>=$((r * 99 / 100))" > "$out/last.txt" 2>&1
}

echo "warming the endpoint ..."
wrk -t2 -c64 -d10s -s benchmarks/live/duis-post.lua "$url/api/v1/serviceS" > /dev/null
wrks=(); sustained=(); peaks=()
for i in $(seq "$repeats"); do
  w=$(wrk -t2 -c64 -d20s --latency -s benchmarks/live/duis-post.lua "$url/api/v1/serviceS" \
      | awk '/Requests\/sec/ {printf "%d", $2} / 99%/ {p99=$2} END {print " " p99}')
  wrks+=("${w%% *}")
  echo "repeat $i: wrk ${w%% *} requests/s (p99 ${w##* }), load average $(load)"
  lo=5000; hi=$(( ${w%% *} + 10000 ))
  while [ $((hi - lo)) -gt 1000 ]; do
    mid=$(( (lo + hi) / 2 / 500 * 500 ))
    if smsim "$mid"; then lo=$mid; verdict=sustained; else hi=$mid; verdict=not; fi
    why=$(grep 'breached' "$out/last.txt" | tr '\n' ';' || true)
    echo "  smsim load --rate $mid: $verdict ${why:+($why) }(load average $(load))"
  done
  sustained+=("$lo")
  smsim $(( ${w%% *} * 3 / 2 )) || true
  # from summary.json: --quiet prints no summary to read it from
  peak=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sends"]["achievedPerSecond"])' \
      "$out/run/summary.json" 2>/dev/null || echo 0)
  peaks+=("${peak%.*}")
  echo "repeat $i: smsim load sustains $lo requests/s; peak achieved ${peak%.*} requests/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mw=$(median "${wrks[@]}"); ms=$(median "${sustained[@]}"); mp=$(median "${peaks[@]}")
echo
echo "median of $repeats: wrk $mw requests/s; smsim load sustains $ms/s (open model), peak $mp/s"
awk -v s="$ms" -v p="$mp" -v w="$mw" 'BEGIN {printf "ratio smsim/wrk: sustained %.2f, peak %.2f\n", s / w, p / w}'
