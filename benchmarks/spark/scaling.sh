#!/usr/bin/env bash
# Spark local mode against the local runner on one sweep (not a test; README "Past one machine").
#   1. scaling: the same sweep with --threads 1 / 2 and --spark-master local[1] / local[2];
#   2. per-task overhead: many tiny runs (the seed scenario at 1/1000 of its volume), one core each,
#      Spark's start excluded: (Spark's study time - Spark's start - the local runner's) / runs.
# Prints one line per run: configuration, wall seconds of the whole command, the study's own line.
# On a shared machine run it under a lock and say so: flock /work/bench.lock benchmarks/spark/scaling.sh
# REPEAT (default 3) repeats each configuration; REPS (default 4) replications per sweep point.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scenario="$root/scenarios/csp-north-2019-04-02.yaml"
repeat="${REPEAT:-3}"
reps="${REPS:-4}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$root/smsim" validate "$scenario" >/dev/null   # builds the jar first, outside the timings

run() { # label, then smsim arguments
  local label="$1"; shift
  local t0 t1 line
  t0=$(date +%s.%N)
  line=$("$root/smsim" "$@" --no-report --out "$out/x" 2>/dev/null | grep " runs in ")
  t1=$(date +%s.%N)
  printf '%-34s %7.1f s  %s\n' "$label" "$(echo "$t1 - $t0" | bc)" "$line"
}

echo "sweep: reaper.period=none,12h,6h x workloadScale=1,1.25, $reps replications ($((6 * reps)) runs); $(nproc) cores"
for i in $(seq "$repeat"); do
  for where in "--threads 1" "--spark-master local[1]" "--threads 2" "--spark-master local[2]"; do
    # shellcheck disable=SC2086 # the configuration is two words
    run "sweep $where" sweep "$scenario" --param regions.north.reaper.period=none,12h,6h \
      --param workloadScale=1,1.25 --replications "$reps" $where
  done
done

echo "tiny runs: workloadScale=0.001, 2 points x 50 replications (100 runs), one core"
for i in $(seq "$repeat"); do
  for where in "--threads 1" "--spark-master local[1]"; do
    # shellcheck disable=SC2086
    run "tiny $where" sweep "$scenario" --set workloadScale=0.001 --param regions.north.reaper.period=none,6h \
      --replications 50 $where
  done
done
