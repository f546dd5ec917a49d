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
#                av             the AutoValue classes, AutoValue's processor
#   layers-L   one model of L layers (Embedding, L-2 alternating LSTM/GRU, Dense):
#                none, floor, paramcheck as above, and
#                paramcheck-timed: paramcheck inside bench.TimedProcessor, which reports the
#                processor's own time (its init and process calls)
#
# Options (or the environment variables in brackets):
#   --reps R         repetitions (REPS, default 5)
#   --sizes "..."    model counts N (SIZES, default "100 1000 10000")
#   --layers "..."   layer counts L of the one-model workloads (LAYERS, default "10000 20000")
#   --xmx SIZE       javac's maximum heap, -J-Xmx (XMX, default 4g), the same for every run
#   --no-build       use the processor and annotations jars as they are built
#   --out DIR        results directory (OUT, default bench/target/results/<date>)
#   --quick          a smoke test: --reps 1 --sizes "100 1000" --layers "1000 2000"
#   JAVA_HOME        the JDK whose javac is measured (default: javac on the PATH)
#
# Results: OUT/raw.csv (one line per run), OUT/summary.md (medians, ratios, targets),
# OUT/machine.txt, OUT/logs/ (javac's output of every run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
REPS="${REPS:-5}"
SIZES="${SIZES:-100 1000 10000}"
LAYERS="${LAYERS:-10000 20000}"
XMX="${XMX:-4g}"
BUILD=1
OUT="${OUT:-}"

while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --layers) LAYERS="$2"; shift 2 ;;
    --xmx) XMX="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    --quick) REPS=1; SIZES="100 1000"; LAYERS="1000 2000"; shift ;;
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
WORK="$BENCH/target/work"

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
if [ "$BUILD" = 1 ]; then
  log "building the processor: mvn -B -q -DskipTests package"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
JARS="$OUT/jars"
mkdir -p "$JARS"
# Copies, so that a rebuild during the run cannot change what is measured.
cp "$ROOT/processor/target/paramcheck-processor-0.1.0-SNAPSHOT.jar" "$JARS/processor.jar"
cp "$ROOT/annotations/target/paramcheck-annotations-0.1.0-SNAPSHOT.jar" "$JARS/annotations.jar"

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
  echo "javac heap: -J-Xmx$XMX"
  echo "repetitions: $REPS; sizes: $SIZES; layers: $LAYERS"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(
    [ -n "$(git -C "$ROOT" status --porcelain -- processor annotations 2>/dev/null)" ] && echo ' (processor or annotations modified)')"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- sources
rm -rf "$WORK" && mkdir -p "$WORK"
for n in $SIZES; do
  "$JAVA" -cp "$TOOLS" bench.Gen models "$WORK/src/models-$n" "$n"
  "$JAVA" -cp "$TOOLS" bench.Gen autovalue "$WORK/src/av-$n" "$n"
done
for l in $LAYERS; do
  "$JAVA" -cp "$TOOLS" bench.Gen layers "$WORK/src/layers-$l" "$l"
done

# ---------------------------------------------------------------- one measurement
# run_one REP WORKLOAD CONFIG: one javac process, one line of raw.csv.
RAW="$OUT/raw.csv"
echo "rep,workload,config,wall_ms,maxrss_kb,rc,processor_ns" > "$RAW"

run_one() {
  local rep="$1" workload="$2" config="$3"
  local n="${workload#*-}"
  local srcs classes gen mem logf
  classes="$WORK/out/classes"
  gen="$WORK/out/generated"
  rm -rf "$WORK/out" && mkdir -p "$classes" "$gen"
  mem="$WORK/out/maxrss"
  logf="$OUT/logs/$rep-$workload-$config.log"
  local args=(-J-Xmx"$XMX" -d "$classes" -s "$gen")
  case "$config" in
    av|av-none) srcs="$WORK/src/av-$n/sources.txt"; args+=(-cp "$JARS/auto-value-annotations.jar") ;;
    *) srcs="$WORK/src/$workload/sources.txt"; args+=(-cp "$JARS/annotations.jar") ;;
  esac
  case "$config" in
    none|av-none) args+=(-proc:none) ;;
    floor) args+=(-processorpath "$TOOLS" -processor bench.FloorProcessor) ;;
    paramcheck) args+=(-processorpath "$JARS/processor.jar:$JARS/annotations.jar" -processor dev.paramcheck.processor.ParamCheckProcessor) ;;
    paramcheck-timed) args+=(-processorpath "$TOOLS:$JARS/processor.jar:$JARS/annotations.jar" -processor bench.TimedProcessor) ;;
    av) args+=(-processorpath "$JARS/auto-value.jar" -processor com.google.auto.value.processor.AutoValueProcessor) ;;
    *) echo "unknown config $config" >&2; exit 2 ;;
  esac
  local start end rc=0
  start=$(date +%s%N)
  "$TIME" -f %M -o "$mem" "$JAVAC" "${args[@]}" @"$srcs" > "$logf" 2>&1 || rc=$?
  end=$(date +%s%N)
  local wall_ms=$(( (end - start) / 1000000 ))
  local rss
  rss=$(tail -n 1 "$mem" 2>/dev/null || echo -1)
  [[ "$rss" =~ ^[0-9]+$ ]] || rss=-1
  local procns=-1
  if [ "$config" = paramcheck-timed ]; then
    procns=$(sed -n 's/.*\[bench\] processor-ns init=\([0-9]*\) process=\([0-9]*\).*/\1 \2/p' "$logf" \
      | awk 'NR == 1 {print $1 + $2}')
    procns="${procns:--1}"
  fi
  if [ "$rc" = 0 ] && [ "$rep" = 1 ]; then
    check_output "$workload" "$config" "$classes" "$n" "$logf"
  fi
  [ "$rc" = 0 ] || log "  FAILED (exit $rc): $workload $config, see $logf"
  echo "$rep,$workload,$config,$wall_ms,$rss,$rc,$procns" >> "$RAW"
  local extra=""
  [ "$procns" = -1 ] || extra=" (processor's own time $(( procns / 1000000 )) ms)"
  log "  rep $rep $workload $config: ${wall_ms} ms, $(( rss / 1024 )) MB$extra"
}

# Sanity check, first repetition: each configuration generated (and compiled) what it should.
check_output() {
  local workload="$1" config="$2" classes="$3" n="$4" logf="$5" want=0 pattern got
  case "$workload:$config" in
    models-*:floor) pattern='Model*Floor.class'; want="$n" ;;
    models-*:paramcheck*) pattern='Model*Summary.class'; want="$n" ;;
    models-*:av) pattern='AutoValue_Value*.class'; want="$n" ;;
    layers-*:floor) pattern='Deep*Floor.class'; want=1 ;;
    layers-*:paramcheck*) pattern='Deep*Summary.class'; want=1 ;;
    *) return 0 ;;
  esac
  got=$(find "$classes" -name "$pattern" | wc -l)
  if [ "$got" != "$want" ]; then
    log "  WARNING: $workload $config produced $got classes $pattern, expected $want (see $logf)"
  fi
}

configs_of() {
  case "$1" in
    models-*) echo "none floor paramcheck av-none av" ;;
    layers-*) echo "none floor paramcheck paramcheck-timed" ;;
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
for rep in $(seq 1 "$REPS"); do
  log "repetition $rep of $REPS"
  for w in "${WORKLOADS[@]}"; do
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
