#!/usr/bin/env bash
# The national week at full scale in a 256 MiB heap: benchmarks' LongRunMemory replays
# scenarios/national-week-2022.yaml on 2 region threads and prints, at each virtual midnight, the
# wall time so far and the heap in use after a full GC; GNU time adds the wall time, CPU time and
# peak RSS of the whole process.
#
#   benchmarks/replay/week.sh [THREADS] [PATH=VALUE ...]     # e.g. week.sh 2 workloadScale=0.05
#
# BENCH_JAR=... takes another build of benchmarks.jar than benchmarks/target/benchmarks.jar; GC=... another
# collector than the parallel one ./smsim gives batch commands; THP="" leaves out the transparent huge
# pages ./smsim asks for where the kernel offers them.
#
# About 1.2 billion events: minutes on a quiet 2-core machine. Run it under `flock /work/bench.lock`
# on a shared machine (the full GC at each midnight is included in the wall times).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
threads=${1:-2}
shift $(( $# > 0 ? 1 : 0 ))
bench=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
[ -f "$bench" ] || mvn -B -q -DskipTests package
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed (Debian: apt-get install time)" >&2; exit 2; }
source benchmarks/replay/batch-jvm-options.sh
/usr/bin/time -f "process: wall %e s, CPU %U s user + %S s system, peak RSS %M KiB" \
  java $gc $thp -Xmx256m -cp "$bench" io.smsim.bench.LongRunMemory scenarios/national-week-2022.yaml "$threads" "$@"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
