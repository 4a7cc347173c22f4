#!/usr/bin/env bash
# The national day on 1 and on 2 region threads, alternating, in one session: wall time, CPU time
# and peak RSS of each run (GNU time), the speed-up (median wall on 1 thread / median wall on 2),
# and a check that both wrote byte-identical outputs (summary.json and timeline.csv; the wall*
# fields of summary.json aside).
#
#   benchmarks/replay/region-threads.sh [REPEATS] [SCENARIO] [--set PATH=VALUE ...]
#
# Default: 3 repeats of scenarios/national-day-2022.yaml with simulator/target/smsim.jar
# (SMSIM_JAR=... for another build), with the JVM options ./smsim gives batch commands (the parallel
# throughput collector, and the heap on transparent huge pages where the kernel offers them;
# GC="-XX:+UseG1GC" to compare collectors, THP="" to leave huge pages out). Run it under `flock /work/bench.lock` on a shared machine:
# the speed-up needs both cores, and says little when other work holds them (the CPU seconds say
# how much work there was either way).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repeats=${1:-3}
scenario=${2:-scenarios/national-day-2022.yaml}
shift $(( $# > 2 ? 2 : $# ))
jar=${SMSIM_JAR:-simulator/target/smsim.jar}
source benchmarks/replay/batch-jvm-options.sh
[ -f "$jar" ] || mvn -B -q -DskipTests package
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed (Debian: apt-get install time)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A walls
for i in $(seq "$repeats"); do
  for t in 1 2; do
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" java $gc $thp -Xmx128m -jar "$jar" replay "$scenario" --threads "$t" \
      --no-report --quiet --out "$out/t$t" "$@" > /dev/null
    read -r wall user sys rss < "$out/time"
    walls[$t]="${walls[$t]:-} $wall"
    printf 'repeat %d, %d region thread(s): wall %.1f s, CPU %.1f s, peak RSS %d MiB (load average %s)\n' \
      "$i" "$t" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  done
  strip() { grep -v '"wall' "$1"; }
  if cmp -s "$out/t1/timeline.csv" "$out/t2/timeline.csv" \
      && diff -q <(strip "$out/t1/summary.json") <(strip "$out/t2/summary.json") > /dev/null; then
    echo "repeat $i: outputs of 1 and 2 threads byte-identical (wall* fields aside)"
  else
    echo "repeat $i: OUTPUTS DIFFER between 1 and 2 threads" >&2; exit 1
  fi
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m1=$(median "${walls[1]}"); m2=$(median "${walls[2]}")
awk -v a="$m1" -v b="$m2" -v n="$repeats" \
  'BEGIN {printf "median of %d: 1 thread %.1f s, 2 threads %.1f s: speed-up %.2fx\n", n, a, b, a / b}'
