# Sourced by region-threads.sh and week.sh: the JVM options ./smsim gives batch commands, read from
# the launcher itself (`./smsim --print-jvm-options replay`, with JAVA_OPTS left out), so the
# benchmarks measure what users run and the rule lives in one place. $gc: the collector
# (GC=... for another); $thp: the heap on transparent huge pages where the launcher asks for them
# (THP="" leaves them out).
gc_given="" thp_given=""
for option in $(JAVA_OPTS="" "$(dirname "${BASH_SOURCE[0]}")/../../smsim" --print-jvm-options replay); do
  case $option in
    *HugePages*|*LargePages*) thp_given="$thp_given $option" ;;
    *) gc_given="$gc_given $option" ;;
  esac
done
gc=${GC:-$gc_given}
thp=${THP-$thp_given}
