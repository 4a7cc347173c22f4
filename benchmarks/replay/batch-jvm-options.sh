# Sourced by region-threads.sh and week.sh: the JVM options ./smsim gives batch commands, so the
# benchmarks measure what users run. $gc: the parallel collector (GC=... for another); $thp: the heap
# on transparent huge pages where the kernel offers them, madvise or always (THP="" leaves them out).
gc=${GC:--XX:+UseParallelGC}
thp_offered=""
if grep -qE '\[(madvise|always)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  thp_offered="-XX:+UseTransparentHugePages"
fi
thp=${THP-$thp_offered}
