#!/usr/bin/env bash
# Paired runs of the benchmark workloads (a 64x64 int32 matmul, a bitwise CRC-32, a quicksort;
# C sources in benchmarks/src/main/resources/workloads, crc32's CRC functions from
# conformance-suite/src/main/resources/programs/c/crc32.h; built with riscv64-unknown-elf-gcc -O2)
# on the golden model's two engines, and on Spike when given its path: one process per run, the
# engines (and Spike) alternating within each pair, medians over the pairs.
#
#   benchmarks/run-workloads.sh [--spike PATH] [--reference] [--pairs N] [--modes off,records,trace]
#                               [--workloads matmul,crc32,qsort] [--trace-budget N]
#
# Without a Spike binary, --reference re-measures the golden model issue 14 measured against Spike
# (commit fb9a5cb, before the translator: built from the repository's history into
# benchmarks/target/reference, run by benchmarks/reference/IssueReference.java the same way) in
# every pair, and estimates Spike's rate as that build's rate divided by the ratio the issue
# measured between the two (records off 0.51 / 0.50 / 0.58, binary records 58 / 62 / 53, text
# trace 0.19 / 0.14 / 0.18 for matmul / crc32 / qsort). The translator's rates are then compared
# with that estimate: same machine, same hour, so the ratios hold where absolute figures drift.
# Columns: "ref M/s" that build's rate (thread CPU; its traces run the first 2,000,000
# instructions, at well under 1 M instr/s), "Spike est" the estimate, "t/est" the translator's
# thread-CPU, process-CPU and wall rates over it (medians of the per-pair ratios).
#
# Modes, golden model vs Spike:
#   off      no commit records                           vs  spike
#   records  binary commit records, read by a consumer   vs  spike --log-commits (text, to /dev/null)
#   trace    the golden trace text (RunProgram --trace), to /dev/null        vs  spike -l --log-commits (to /dev/null)
# The golden figures are the run alone, measured inside the JVM (start-up and ELF load excluded):
# wall time; the running thread's CPU time (far less sensitive to other jobs on the machine); and
# the process's CPU time (the thread plus HotSpot's compiler and GC threads: what the translations
# cost to compile shows here).
# Spike's are whole-process wall times minus its start-up (the same command on an empty program).
# The golden trace runs stop after --trace-budget instructions (default 20,000,000): the text of a
# whole workload is tens of gigabytes. Ratios are medians of the per-pair ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
spike=""
reference=0
reference_commit=fb9a5cb
pairs=3
modes="off,records,trace"
workloads="matmul,crc32,qsort"
trace_budget=20000000
while [ $# -gt 0 ]; do
  case "$1" in
    --spike) spike="$2"; shift 2 ;;
    --reference) reference=1; shift ;;
    --pairs) pairs="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --trace-budget) trace_budget="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run-workloads: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$spike" ] && [ ! -x "$spike" ]; then echo "run-workloads: $spike is not an executable" >&2; exit 2; fi
case "$pairs" in ''|*[!0-9]*|0) echo "run-workloads: --pairs needs a positive number" >&2; exit 2 ;; esac

jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "building the benchmarks jar..." >&2
  (cd "$root" && mvn -B -ntp -q install -DskipTests -pl benchmarks -am)
fi
elfs="$root/benchmarks/target/workloads"
for w in ${workloads//,/ } empty; do
  if [ ! -f "$elfs/$w.elf" ]; then java -cp "$jar" dev.seedverify.bench.Workloads build "$elfs" >&2; break; fi
done

# The issue's golden model, built once from the repository's history (compile only: nothing is
# installed over today's artifacts).
refdir="$root/benchmarks/target/reference"
if [ "$reference" = 1 ]; then
  if ! git -C "$root" cat-file -e "$reference_commit^{commit}" 2>/dev/null; then
    echo "run-workloads: --reference needs commit $reference_commit in the repository's history (a full clone, not a shallow one)" >&2; exit 2
  fi
  if [ ! -f "$refdir/probe/IssueReference.class" ] || [ "$(cat "$refdir/commit" 2>/dev/null)" != "$reference_commit" ]; then
    echo "building the reference golden model ($reference_commit)..." >&2
    rm -rf "$refdir" && mkdir -p "$refdir/src" "$refdir/probe"
    git -C "$root" archive "$reference_commit" | tar -x -C "$refdir/src"
    (cd "$refdir/src" && mvn -B -ntp -q compile -pl golden-model) >&2
    javac -cp "$refdir/src/golden-model/target/classes" -d "$refdir/probe" "$root/benchmarks/reference/IssueReference.java"
    echo "$reference_commit" > "$refdir/commit"
  fi
fi
# golden/Spike as issue 14 measured it, per mode and workload (its table; see the header)
declare -A issue_ratio=([off:matmul]=0.51 [off:crc32]=0.50 [off:qsort]=0.58
  [records:matmul]=58 [records:crc32]=62 [records:qsort]=53
  [trace:matmul]=0.19 [trace:crc32]=0.14 [trace:qsort]=0.18)

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == 0 || a == "nan" || b == "nan") print "nan"; else printf "%.3f", a / b}'; }
now() { date +%s.%N; }

# golden ENGINE MODE WORKLOAD -> "instructions wall-M/s cpu-M/s process-cpu-M/s"
golden() {
  local budget=()
  [ "$2" = trace ] && budget=(--budget "$trace_budget")
  local line
  line=$(java -cp "$jar" dev.seedverify.bench.Workloads run --engine "$1" --mode "$2" "${budget[@]}" "$elfs/$3.elf")
  set -- $line
  case "$9" in PASS|TIMEOUT) ;; *) echo "run-workloads: $line" >&2; exit 1 ;; esac
  echo "$4 $6 $8 ${11}"
}

# reference MODE WORKLOAD -> "thread-M/s" of the issue's build (traces: the first 2 M instructions,
# its trace runs at well under 1 M instr/s)
reference_rate() {
  local budget=2000000000 line
  [ "$1" = trace ] && budget=2000000
  line=$(java -cp "$refdir/probe:$refdir/src/golden-model/target/classes" IssueReference "$1" "$budget" "$elfs/$2.elf")
  set -- $line
  case "$9" in PASS|TIMEOUT) ;; *) echo "run-workloads: reference: $line" >&2; exit 1 ;; esac
  echo "$8"
}

spike_flags() {
  case "$1" in
    off) echo "" ;;
    records) echo "--log-commits" ;;
    trace) echo "-l --log-commits" ;;
  esac
}

# spike MODE WORKLOAD -> seconds (whole process)
spike_seconds() {
  local t0 t1
  t0=$(now)
  # shellcheck disable=SC2046
  "$spike" --isa=rv32im_zicsr $(spike_flags "$1") "$elfs/$2.elf" >/dev/null 2>&1 || { echo "run-workloads: spike failed on $2" >&2; exit 1; }
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'
}

# Spike runs whole programs: their instruction counts (the same ELF executes the same count).
declare -A full
if [ -n "$spike" ]; then
  for w in ${workloads//,/ }; do full[$w]=$(golden translator off "$w" | cut -d' ' -f1); done
fi

printf "%-8s %-8s %10s | %10s %10s %6s | %10s %10s %6s | %10s %10s %6s" workload mode instructions \
  "interp M/s" "transl M/s" "t/i" "i thread" "t thread" "t/i" "i process" "t process" "t/i"
[ -n "$spike" ] && printf " | %10s %8s %8s" "spike M/s" "i/spike" "t/spike"
[ "$reference" = 1 ] && printf " | %8s %10s %9s %9s %9s" "ref M/s" "Spike est" "t/est thr" "t/est prc" "t/est wall"
printf "\n"

for mode in ${modes//,/ }; do
  startup=0
  if [ -n "$spike" ]; then
    startup=$(for i in 1 2 3; do spike_seconds "$mode" empty; done | median)
  fi
  for w in ${workloads//,/ }; do
    iw=(); tw=(); ic=(); tc=(); ip=(); tp=(); rw=(); rc=(); rp=(); sr=(); ris=(); rts=()
    ref=(); est=(); etc=(); etp=(); etw=()
    n=0
    for pair in $(seq "$pairs"); do
      if [ $((pair % 2)) -eq 1 ]; then
        read -r n a b e <<<"$(golden interpreter "$mode" "$w")"; iw+=("$a"); ic+=("$b"); ip+=("$e")
        read -r n c d f <<<"$(golden translator "$mode" "$w")"; tw+=("$c"); tc+=("$d"); tp+=("$f")
      else
        read -r n c d f <<<"$(golden translator "$mode" "$w")"; tw+=("$c"); tc+=("$d"); tp+=("$f")
        read -r n a b e <<<"$(golden interpreter "$mode" "$w")"; iw+=("$a"); ic+=("$b"); ip+=("$e")
      fi
      rw+=("$(ratio "$c" "$a")"); rc+=("$(ratio "$d" "$b")"); rp+=("$(ratio "$f" "$e")")
      if [ -n "$spike" ]; then
        s=$(spike_seconds "$mode" "$w")
        rate=$(awk -v n="${full[$w]}" -v s="$s" -v z="$startup" 'BEGIN {print n / (s - z) / 1e6}')
        sr+=("$rate"); ris+=("$(ratio "$a" "$rate")"); rts+=("$(ratio "$c" "$rate")")
      fi
      if [ "$reference" = 1 ]; then
        g=$(reference_rate "$mode" "$w")
        e=$(ratio "$g" "${issue_ratio[$mode:$w]}")
        ref+=("$g"); est+=("$e"); etc+=("$(ratio "$d" "$e")"); etp+=("$(ratio "$f" "$e")"); etw+=("$(ratio "$c" "$e")")
      fi
    done
    printf "%-8s %-8s %10s | %10.1f %10.1f %6s | %10.1f %10.1f %6s | %10.1f %10.1f %6s" "$w" "$mode" "$n" \
      "$(printf "%s\n" "${iw[@]}" | median)" "$(printf "%s\n" "${tw[@]}" | median)" "$(printf "%s\n" "${rw[@]}" | median)" \
      "$(printf "%s\n" "${ic[@]}" | median)" "$(printf "%s\n" "${tc[@]}" | median)" "$(printf "%s\n" "${rc[@]}" | median)" \
      "$(printf "%s\n" "${ip[@]}" | median)" "$(printf "%s\n" "${tp[@]}" | median)" "$(printf "%s\n" "${rp[@]}" | median)"
    if [ -n "$spike" ]; then
      printf " | %10.1f %8s %8s" "$(printf "%s\n" "${sr[@]}" | median)" "$(printf "%s\n" "${ris[@]}" | median)" "$(printf "%s\n" "${rts[@]}" | median)"
    fi
    if [ "$reference" = 1 ]; then
      printf " | %8.3f %10.3f %9s %9s %9s" "$(printf "%s\n" "${ref[@]}" | median)" "$(printf "%s\n" "${est[@]}" | median)" \
        "$(printf "%s\n" "${etc[@]}" | median)" "$(printf "%s\n" "${etp[@]}" | median)" "$(printf "%s\n" "${etw[@]}" | median)"
    fi
    printf "\n"
  done
done
