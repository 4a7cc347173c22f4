#!/usr/bin/env bash
# Spark local mode against the local runner (not a test; README "Past one machine"). Three parts:
#   1. scaling: one sweep of the seed scenario with --threads 1 / 2 and --spark-master local[1] / local[2];
#   2. per-task overhead: many tiny runs (the seed scenario at 1/1000 of its volume), one core each:
#      (Spark's study time - Spark's start - the local runner's study time) / runs;
#   3. the cost of one national day (scenarios/national-day-2022.yaml) per run, on one thread and on
#      local[1]: the figure the README's national-year estimate starts from.
# Each configuration runs REPEAT times (default 3; national days NATIONAL_REPEAT, default 1), the
# configurations interleaved so that a change in the machine's load hits them alike; the summary gives
# medians and their ratios. Times are the study's own line ("N runs in S s on ..."), which includes
# Spark's start; the start is reported apart ("Spark started in S s").
# On a shared machine run it under a lock and say so: flock /work/bench.lock benchmarks/spark/scaling.sh
# REPS (default 4) replications per sweep point; NATIONAL_REPS (default 2) national days per configuration;
# PARTS (default "sweep tiny national") the parts to run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seed="$root/scenarios/csp-north-2019-04-02.yaml"
national="$root/scenarios/national-day-2022.yaml"
repeat="${REPEAT:-3}"
national_repeat="${NATIONAL_REPEAT:-1}"
reps="${REPS:-4}"
national_reps="${NATIONAL_REPS:-2}"
parts=" ${PARTS:-sweep tiny national} "
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
results="$out/results.tsv" # part, configuration, runs, study seconds, Spark start seconds (0 for threads)

"$root/smsim" validate "$seed" >/dev/null   # builds the jar first, outside the timings

run() { # part, configuration (one or two words), then smsim arguments
  local part="$1" where="$2"; shift 2
  local line runs secs start
  # shellcheck disable=SC2086 # the configuration is two words
  line=$("$root/smsim" "$@" $where --no-report --out "$out/x" 2>/dev/null | grep -E "^[0-9]+ runs in ")
  runs=$(sed -E 's/^([0-9]+) runs in .*/\1/' <<<"$line")
  secs=$(sed -E 's/^[0-9]+ runs in ([0-9.]+) s.*/\1/' <<<"$line")
  start=$(sed -nE 's/.*Spark started in ([0-9.]+) s.*/\1/p' <<<"$line")
  printf '%s\t%s\t%s\t%s\t%s\n' "$part" "$where" "$runs" "$secs" "${start:-0}" >>"$results"
  printf '%-8s %-24s %s\n' "$part" "$where" "$line"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "1. sweep of the seed scenario: reaper.period=none,12h,6h x workloadScale=1,1.25, $reps replications" \
  "($((6 * reps)) runs)"
for i in $(seq "$repeat"); do
  [[ $parts == *" sweep "* ]] || break
  for where in "--threads 1" "--spark-master local[1]" "--threads 2" "--spark-master local[2]"; do
    run sweep "$where" sweep "$seed" --param regions.north.reaper.period=none,12h,6h --param workloadScale=1,1.25 \
      --replications "$reps"
  done
done

echo "2. tiny runs: the seed scenario at workloadScale=0.001, 2 points x 50 replications (100 runs), one core"
for i in $(seq "$repeat"); do
  [[ $parts == *" tiny "* ]] || break
  for where in "--threads 1" "--spark-master local[1]"; do
    run tiny "$where" sweep "$seed" --set workloadScale=0.001 --param regions.north.reaper.period=none,6h \
      --replications 50
  done
done

echo "3. national days: $national_reps replications of national-day-2022.yaml, one core"
for i in $(seq "$national_repeat"); do
  [[ $parts == *" national "* ]] || break
  for where in "--threads 1" "--spark-master local[1]"; do
    run national "$where" replay "$national" --replications "$national_reps"
  done
done

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
# Medians per (part, configuration), then the ratios the README quotes.
awk -F'\t' '
  function median(key,   n, i, j, t, a) {
    n = split(vals[key], a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { k = $1 "|" $2; vals[k] = vals[k] " " $4; starts[k] = starts[k] " " $5; net[k] = net[k] " " ($4 - $5); runs[k] = $3
    if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
  END {
    printf "%-8s %-24s %5s %12s %12s %14s\n", "part", "configuration", "runs", "median s", "Spark start", "s less start"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, kp, "|")
      vals["s" k] = starts[k]; vals["n" k] = net[k]
      m[k] = median(k); s[k] = median("s" k); d[k] = median("n" k)
      printf "%-8s %-24s %5d %12.2f %12.2f %14.2f\n", kp[1], kp[2], runs[k], m[k], s[k], d[k]
    }
    t1 = "sweep|--threads 1"; t2 = "sweep|--threads 2"; l1 = "sweep|--spark-master local[1]"; l2 = "sweep|--spark-master local[2]"
    print ""
    if (t1 in m) {
      printf "sweep, threads 1 / threads 2:                      %.2fx\n", m[t1] / m[t2]
      printf "sweep, local[1] / local[2] (Spark start included):  %.2fx\n", m[l1] / m[l2]
      printf "sweep, local[1] / local[2] (Spark start excluded):  %.2fx\n", d[l1] / d[l2]
      printf "sweep, local[2] / threads 2 (start included):      %.2fx\n", m[l2] / m[t2]
    }
    tt = "tiny|--threads 1"; tl = "tiny|--spark-master local[1]"
    if (tt in m) printf "tiny runs: %.1f ms per run on a thread, %.1f ms per run on local[1] less Spark start: Spark adds %.1f ms per task\n",
      1000 * m[tt] / runs[tt], 1000 * d[tl] / runs[tl], 1000 * (d[tl] - m[tt]) / runs[tl]
    nt = "national|--threads 1"; nl = "national|--spark-master local[1]"
    if (nt in m) printf "national day: %.1f s per run on a thread, %.1f s per run as a Spark task (start excluded)\n",
      m[nt] / runs[nt], d[nl] / runs[nl]
  }' "$results"
