#!/usr/bin/env bash
# paramcheck's compile-time benchmark. See docs/performance.md.
#
#   bench/run.sh [options]
#
# Builds the processor (mvn -q -DskipTests package), fetches AutoValue 1.11.1, generates the
# sources, then times javac, one JVM per measurement, over several repetitions. Within a
# repetition every configuration of a workload runs back to back, in an order rotated from one
# repetition to the next, so that drift of the machine cancels out of the ratios.
#
# Workloads and configurations:
#   models-N   N generated models (Embedding, 2 stacked LSTMs, GRU, Dense, class budget) and N
#              AutoValue classes as simple:
#                none       (a) the models, javac -proc:none (the baseline)
#                floor      (b) the models, bench.FloorProcessor: one tiny class per model via the Filer
#                paramcheck (c) the models, paramcheck's processor
#                av-none        the AutoValue classes, -proc:none
#                av             the AutoValue classes, AutoValue's processor (AutoValueProcessor)
#   layers-L   one model of L layers (Embedding, L-2 alternating LSTM/GRU, Dense): none, floor
#              and paramcheck as above
# Every processor runs inside bench.TimedProcessor, which passes everything through and reports
# the time spent in the processor's init and process calls: the processor's own time.
#
# Options (or the environment variables in brackets):
#   --reps R         repetitions of the models-N workloads (REPS, default 3)
#   --layer-reps R   repetitions of the layers-L workloads (LAYER_REPS, default 2: the 20,000-layer
#                    model alone takes about 2.5 minutes per repetition, most of it javac's own)
#   --sizes "..."    model counts N (SIZES, default "100 1000 10000")
#   --layers "..."   layer counts L of the one-model workloads (LAYERS, default "5000 10000 20000")
#   --xmx SIZE       javac's maximum heap, -J-Xmx (XMX, default 4g), the same for every run
#   --option K=V     pass -AK=V to paramcheck (repeatable), e.g. --option paramcheck.records=false
#   --no-build       use the processor and annotations jars as they are built
#   --head           measure the last commit: build it apart (git archive into bench/target/head-SHA),
#                    leaving the working tree and its target/ directories alone
#   --from DIR       take (and build, unless --no-build) the jars in another checkout DIR
#   --out DIR        results directory (OUT, default bench/target/results/<date>)
#   WORK=DIR         where sources and javac's output go (default: a directory in /dev/shm,
#                    removed at the end, or bench/target/work without /dev/shm)
#   --quick          a smoke test: --reps 1 --layer-reps 1 --sizes "100 1000" --layers "1000 2000"
#   JAVA_HOME        the JDK whose javac is measured (default: javac on the PATH)
#
# Results: OUT/raw.csv (one line per run), OUT/summary.md (medians, ratios, targets),
# OUT/summary-bytes.txt (bytes of one five-layer model's generated summary),
# OUT/machine.txt, OUT/logs/ (javac's output of every run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
REPS="${REPS:-3}"
LAYER_REPS="${LAYER_REPS:-2}"
SIZES="${SIZES:-100 1000 10000}"
LAYERS="${LAYERS:-5000 10000 20000}"
XMX="${XMX:-4g}"
BUILD=1
FROM="$ROOT"
HEAD=0
OUT="${OUT:-}"
PC_OPTIONS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    --layer-reps) LAYER_REPS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --layers) LAYERS="$2"; shift 2 ;;
    --xmx) XMX="$2"; shift 2 ;;
    --option) PC_OPTIONS+=("-A$2"); shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --from) FROM="$2"; shift 2 ;;
    --head) HEAD=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    --quick) REPS=1; LAYER_REPS=1; SIZES="100 1000"; LAYERS="1000 2000"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see $0 --help)" >&2; exit 2 ;;
  esac
done

if [ -n "${JAVA_HOME:-}" ]; then
  JAVAC="$JAVA_HOME/bin/javac"
  JAVA="$JAVA_HOME/bin/java"
else
  JAVAC="$(command -v javac)"
  JAVA="$(command -v java)"
fi
OUT="${OUT:-$BENCH/target/results/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT/logs"
OUT="$(cd "$OUT" && pwd)"
# Sources and javac's output: on tmpfs when there is one, so that disk writeback (10,000 class
# files per run) does not add seconds of noise; WORK=dir to choose.
if [ -z "${WORK:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK="/dev/shm/paramcheck-bench-$$"; else WORK="$BENCH/target/work"; fi
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

log() { echo "[bench] $*" >&2; }

# ---------------------------------------------------------------- GNU time, for peak memory
TIME=/usr/bin/time
if ! "$TIME" -f %M true >/dev/null 2>&1; then
  log "GNU time ($TIME) is missing; it measures javac's peak memory. Installing it: apt-get install -y time"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -q time >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q time >/dev/null; } \
    || { log "could not install GNU time; install the 'time' package and run again"; exit 1; }
fi

# ---------------------------------------------------------------- jars
if [ "$HEAD" = 1 ]; then
  # The last commit, built apart from the working tree (which may hold someone's edits).
  sha=$(git -C "$ROOT" rev-parse --short HEAD)
  FROM="$BENCH/target/head-$sha"
  if [ ! -f "$FROM/processor/target/paramcheck-processor-0.1.0-SNAPSHOT.jar" ]; then
    log "building commit $sha in $FROM"
    rm -rf "$FROM" && mkdir -p "$FROM"
    git -C "$ROOT" archive HEAD | tar -x -C "$FROM"
    echo "$sha" > "$FROM/COMMIT"
    (cd "$FROM" && mvn -B -q -DskipTests package)
  fi
  BUILD=0
fi
if [ "$BUILD" = 1 ]; then
  log "building the processor: mvn -B -q -DskipTests package"
  (cd "$FROM" && mvn -B -q -DskipTests package)
fi
JARS="$OUT/jars"
mkdir -p "$JARS"
# Copies, so that a rebuild during the run cannot change what is measured.
cp "$FROM/processor/target/paramcheck-processor-0.1.0-SNAPSHOT.jar" "$JARS/processor.jar"
cp "$FROM/annotations/target/paramcheck-annotations-0.1.0-SNAPSHOT.jar" "$JARS/annotations.jar"

DEPS="$BENCH/target/deps"
if [ ! -f "$DEPS/auto-value-1.11.1.jar" ] || [ ! -f "$DEPS/auto-value-annotations-1.11.1.jar" ]; then
  log "fetching AutoValue 1.11.1 (bench/pom.xml)"
  mvn -B -q -f "$BENCH/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$DEPS" -DexcludeTransitive=true
fi
cp "$DEPS/auto-value-1.11.1.jar" "$JARS/auto-value.jar"
cp "$DEPS/auto-value-annotations-1.11.1.jar" "$JARS/auto-value-annotations.jar"

# ---------------------------------------------------------------- bench tools
TOOLS="$OUT/tools"
rm -rf "$TOOLS" && mkdir -p "$TOOLS"
"$JAVAC" --release 17 -d "$TOOLS" "$BENCH"/src/bench/*.java

# ---------------------------------------------------------------- machine
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MB"}')"
  echo "javac: $("$JAVAC" -version 2>&1)"
  echo "java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "javac heap: -J-Xmx$XMX; sources and output in $WORK ($(df -T "$WORK" 2>/dev/null | awk 'NR == 2 {print $2}'))"
  echo "repetitions: $REPS of sizes $SIZES; $LAYER_REPS of layers $LAYERS"
  [ ${#PC_OPTIONS[@]} = 0 ] || echo "paramcheck options: ${PC_OPTIONS[*]}"
  if [ -f "$FROM/COMMIT" ]; then
    echo "processor: commit $(cat "$FROM/COMMIT"), built apart in $FROM"
  elif [ "$FROM" = "$ROOT" ]; then
    echo "processor: working tree at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(
      [ -n "$(git -C "$ROOT" status --porcelain -- processor annotations 2>/dev/null)" ] && echo ', with uncommitted changes')"
  else
    echo "processor: built in $FROM"
  fi
  echo "processor jar sha256: $(sha256sum "$JARS/processor.jar" | cut -c1-16)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- sources
rm -rf "$WORK/src" "$WORK/out"
for n in $SIZES; do
  "$JAVA" -cp "$TOOLS" bench.Gen models "$WORK/src/models-$n" "$n"
  "$JAVA" -cp "$TOOLS" bench.Gen autovalue "$WORK/src/av-$n" "$n"
done
for l in $LAYERS; do
  "$JAVA" -cp "$TOOLS" bench.Gen layers "$WORK/src/layers-$l" "$l"
done

# ---------------------------------------------------------------- quiet machine
# Other processes (a build in another terminal) would inflate wall times: before each run, wait
# (up to QUIET_MAX seconds) until the machine is idle, and measure the CPU time the rest of the
# machine used during the run; a run during which others used more than 15% of a CPU is run
# again (up to RETRIES times) and counted in the summary.
QUIET_MAX="${QUIET_MAX:-300}"
RETRIES="${RETRIES:-2}"
HZ=$(getconf CLK_TCK)
busy_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
quiet_wait() {
  local waited=0 b0 b1
  while :; do
    b0=$(busy_jiffies); sleep 0.5; b1=$(busy_jiffies)
    # busy CPU over half a second, in percent of one CPU
    if [ $(( (b1 - b0) * 100 * 2 / HZ )) -lt 15 ]; then
      [ "$waited" = 0 ] || log "  machine quiet again after ${waited}s"
      return 0
    fi
    [ "$waited" = 0 ] && log "  waiting for a quiet machine (other processes use $(( (b1 - b0) * 100 * 2 / HZ ))% of a CPU)"
    waited=$((waited + 1))
    if [ "$waited" -ge "$QUIET_MAX" ]; then
      log "  the machine is still busy after ${QUIET_MAX}s; measuring anyway"
      return 0
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------- one measurement
# run_one REP WORKLOAD CONFIG: one javac process, one line of raw.csv.
RAW="$OUT/raw.csv"
echo "rep,workload,config,wall_ms,cpu_ms,maxrss_kb,heap_peak_mb,heap_live_mb,rc,processor_ns,foreign_cpu_ms,retries" > "$RAW"

run_one() {
  local rep="$1" workload="$2" config="$3"
  local n="${workload#*-}"
  local srcs classes gen tfile logf
  classes="$WORK/out/classes"
  gen="$WORK/out/generated"
  tfile="$WORK/time.txt"
  logf="$OUT/logs/$rep-$workload-$config.log"
  local args=(-J-Xmx"$XMX" -J-Xlog:gc:file="$WORK/out/gc.log" -d "$classes" -s "$gen")
  case "$config" in
    av|av-none) srcs="$WORK/src/av-$n/sources.txt"; args+=(-cp "$JARS/auto-value-annotations.jar") ;;
    *) srcs="$WORK/src/$workload/sources.txt"; args+=(-cp "$JARS/annotations.jar") ;;
  esac
  case "$config" in
    none|av-none) args+=(-proc:none) ;;
    # Every processor runs inside bench.TimedProcessor, which passes everything through and
    # reports the time spent in the processor's init and process calls: its own time.
    floor) args+=(-processorpath "$TOOLS" -processor bench.TimedProcessor
                  -J-Dbench.delegate=bench.FloorProcessor) ;;
    paramcheck) args+=(-processorpath "$TOOLS:$JARS/processor.jar:$JARS/annotations.jar" -processor bench.TimedProcessor
                       -J-Dbench.delegate=dev.paramcheck.processor.ParamCheckProcessor ${PC_OPTIONS[@]+"${PC_OPTIONS[@]}"}) ;;
    av) args+=(-processorpath "$TOOLS:$JARS/auto-value.jar" -processor bench.TimedProcessor
               -J-Dbench.delegate=com.google.auto.value.processor.AutoValueProcessor) ;;
    *) echo "unknown config $config" >&2; exit 2 ;;
  esac
  local start end b0 b1 rc wall_ms cpu_ms foreign_ms retries=0
  while :; do
    rm -rf "$WORK/out" && mkdir -p "$classes" "$gen"
    quiet_wait
    rc=0
    b0=$(busy_jiffies)
    start=$(date +%s%N)
    "$TIME" -f '%M %U %S' -o "$tfile" "$JAVAC" "${args[@]}" @"$srcs" > "$logf" 2>&1 || rc=$?
    end=$(date +%s%N)
    b1=$(busy_jiffies)
    wall_ms=$(( (end - start) / 1000000 ))
    cpu_ms=$(tail -n 1 "$tfile" | awk '{printf "%d", ($2 + $3) * 1000}')
    foreign_ms=$(( (b1 - b0) * 1000 / HZ - cpu_ms ))
    if [ "$foreign_ms" -gt $(( wall_ms * 15 / 100 )) ] && [ "$retries" -lt "$RETRIES" ]; then
      retries=$((retries + 1))
      log "  $workload $config: other processes used ${foreign_ms} ms of CPU during the ${wall_ms} ms run; again"
      continue
    fi
    break
  done
  local rss heap_peak heap_live procns
  rss=$(tail -n 1 "$tfile" | awk '{print $1}')
  [[ "$rss" =~ ^[0-9]+$ ]] || rss=-1
  # G1's log lines end in "before->after(committed)": the largest before and after a collection
  read -r heap_peak heap_live < <(grep -o '[0-9]*M->[0-9]*M' "$WORK/out/gc.log" 2>/dev/null \
    | tr -d M | awk -F'->' '{ if ($1 > p) p = $1; if ($2 > l) l = $2 } END { print p + 0, l + 0 }')
  procns=$(sed -n 's/.*\[bench\] processor-ns init=\([0-9]*\) process=\([0-9]*\).*/\1 \2/p' "$logf" \
    | awk 'NR == 1 {printf "%.0f\n", $1 + $2}')
  procns="${procns:--1}"
  if [ "$rc" = 0 ] && [ "$rep" = 1 ]; then
    check_output "$workload" "$config" "$classes" "$n" "$logf"
  fi
  [ "$rc" = 0 ] || log "  FAILED (exit $rc): $workload $config, see $logf"
  echo "$rep,$workload,$config,$wall_ms,$cpu_ms,$rss,$heap_peak,$heap_live,$rc,$procns,$foreign_ms,$retries" >> "$RAW"
  local extra=""
  [ "$procns" = -1 ] || extra=", processor's own time $(( procns / 1000000 )) ms"
  log "  rep $rep $workload $config: ${wall_ms} ms wall, ${cpu_ms} ms CPU, $(( rss / 1024 )) MB$extra"
}

# Sanity check, first repetition: each configuration generated (and compiled) what it should.
check_output() {
  local workload="$1" config="$2" classes="$3" n="$4" logf="$5" want=0 pattern got
  case "$workload:$config" in
    models-*:floor) pattern='Model*Floor.class'; want="$n" ;;
    models-*:paramcheck) pattern='Model*Summary.class'; want="$n" ;;
    models-*:av) pattern='AutoValue_Value*.class'; want="$n" ;;
    layers-*:floor) pattern='Deep*Floor.class'; want=1 ;;
    layers-*:paramcheck) pattern='Deep*Summary.class'; want=1 ;;
    *) return 0 ;;
  esac
  if [ "$workload:$config" = "models-$n:paramcheck" ]; then
    # the size of one five-layer model's generated summary, for the targets
    find "$WORK/out/generated" -name 'Model0Summary.java' -exec wc -c {} + | awk '{print $1; exit}' > "$OUT/summary-bytes.txt"
  fi
  got=$(find "$classes" -name "$pattern" | wc -l)
  if [ "$got" != "$want" ]; then
    log "  WARNING: $workload $config produced $got classes $pattern, expected $want (see $logf)"
  fi
}

configs_of() {
  case "$1" in
    models-*) echo "none floor paramcheck av-none av" ;;
    layers-*) echo "none floor paramcheck" ;;
  esac
}

WORKLOADS=()
for n in $SIZES; do WORKLOADS+=("models-$n"); done
for l in $LAYERS; do WORKLOADS+=("layers-$l"); done

# ---------------------------------------------------------------- warm-up (not recorded)
log "warm-up"
first="${WORKLOADS[0]}"
for c in $(configs_of "$first"); do
  run_one 0 "$first" "$c" 2>/dev/null
done
sed -i '/^0,/d' "$RAW"
rm -f "$OUT"/logs/0-*

# ---------------------------------------------------------------- measurements
MAXREPS=$(( REPS > LAYER_REPS ? REPS : LAYER_REPS ))
for rep in $(seq 1 "$MAXREPS"); do
  log "repetition $rep of $MAXREPS"
  for w in "${WORKLOADS[@]}"; do
    case "$w" in
      models-*) [ "$rep" -le "$REPS" ] || continue ;;
      layers-*) [ "$rep" -le "$LAYER_REPS" ] || continue ;;
    esac
    read -r -a cs <<< "$(configs_of "$w")"
    k=${#cs[@]}
    for ((i = 0; i < k; i++)); do
      run_one "$rep" "$w" "${cs[$(( (i + rep - 1) % k ))]}"
    done
  done
done

"$JAVA" -cp "$TOOLS" bench.Summarize "$RAW" > "$OUT/summary.md"
echo
cat "$OUT/machine.txt"
echo
cat "$OUT/summary.md"
echo
log "results in $OUT"
