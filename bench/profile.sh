#!/usr/bin/env bash
# Where the time of one javac run goes:
#   bench/profile.sh [--no-build] [--from DIR] [--xmx 4g] WORKLOAD [CONFIG]
#
#   WORKLOAD  models-N (N generated models) or layers-L (one model of L layers), as in bench/run.sh
#   CONFIG    paramcheck (default) or floor; or lookup: no profile, only bench.LookupProbe's timing
#             of the existence check paramcheck makes per model (getTypeElement of the summary's name
#             in all modules, against the same in the model's module); or heap: no profile, the
#             live heap (class histogram) when annotation processing is over, floor and paramcheck
#
# Runs javac once with Java Flight Recorder (execution samples every millisecond) and prints
# bench.JfrSummary's breakdown: javac's phases, javac's Filer, JavaPoet, paramcheck's own code,
# with paramcheck's methods by the samples under them. Also prints the processor's own time
# measured by bench.TimedProcessor in a second, unprofiled run. Output in
# bench/target/profile/WORKLOAD-CONFIG.{jfr,txt}.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
BUILD=1
FROM="$ROOT"
XMX="${XMX:-4g}"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --from) FROM="$2"; shift 2 ;;
    --xmx) XMX="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
WORKLOAD="${1:?usage: bench/profile.sh [--no-build] WORKLOAD [CONFIG]}"
CONFIG="${2:-paramcheck}"
if [ -n "${JAVA_HOME:-}" ]; then JAVAC="$JAVA_HOME/bin/javac"; JAVA="$JAVA_HOME/bin/java"; JHOME="$JAVA_HOME"
else JAVAC="$(command -v javac)"; JAVA="$(command -v java)"; JHOME="$(dirname "$(dirname "$(readlink -f "$JAVAC")")")"; fi

P="$BENCH/target/profile"
mkdir -p "$P"
if [ "$BUILD" = 1 ]; then
  (cd "$FROM" && mvn -B -q -DskipTests package)
fi
JARS="$P/jars"
mkdir -p "$JARS"
cp "$FROM/processor/target/paramcheck-processor-0.1.0-SNAPSHOT.jar" "$JARS/processor.jar"
cp "$FROM/annotations/target/paramcheck-annotations-0.1.0-SNAPSHOT.jar" "$JARS/annotations.jar"
TOOLS="$P/tools"
rm -rf "$TOOLS" && mkdir -p "$TOOLS"
"$JAVAC" --release 17 -d "$TOOLS" "$BENCH"/src/bench/*.java

SRC="$P/src/$WORKLOAD"
if [ ! -f "$SRC/sources.txt" ]; then
  case "$WORKLOAD" in
    models-*) "$JAVA" -cp "$TOOLS" bench.Gen models "$SRC" "${WORKLOAD#models-}" ;;
    layers-*) "$JAVA" -cp "$TOOLS" bench.Gen layers "$SRC" "${WORKLOAD#layers-}" ;;
    *) echo "unknown workload $WORKLOAD" >&2; exit 2 ;;
  esac
fi

# Execution samples every millisecond (the JDK's profile settings take one every 10 or 20 ms).
JFC="$P/1ms.jfc"
sed -E '/<event name="jdk.ExecutionSample">/,/<\/event>/ s#<setting name="period"[^>]*>[^<]*</setting>#<setting name="period">1 ms</setting>#' \
  "$JHOME/lib/jfr/profile.jfc" > "$JFC"

case "$CONFIG" in
  paramcheck) PROC=(-processorpath "$JARS/processor.jar:$JARS/annotations.jar" -processor dev.paramcheck.processor.ParamCheckProcessor)
              TIMED=(-processorpath "$TOOLS:$JARS/processor.jar:$JARS/annotations.jar" -processor bench.TimedProcessor) ;;
  lookup|heap) ;;
  floor) PROC=(-processorpath "$TOOLS" -processor bench.FloorProcessor)
         TIMED=(-processorpath "$TOOLS" -processor bench.TimedProcessor -J-Dbench.delegate=bench.FloorProcessor) ;;
  *) echo "unknown config $CONFIG" >&2; exit 2 ;;
esac

# javac's output on tmpfs when there is one, as in bench/run.sh.
if [ -z "${WORK:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK="/dev/shm/paramcheck-profile-$$"; else WORK="$P/work"; fi
  trap 'rm -rf "$WORK"' EXIT
fi
run() {
  rm -rf "$WORK/out" && mkdir -p "$WORK/out/classes" "$WORK/out/generated"
  "$JAVAC" -J-Xmx"$XMX" -d "$WORK/out/classes" -s "$WORK/out/generated" -cp "$JARS/annotations.jar" "$@" @"$SRC/sources.txt"
}

NAME="$WORKLOAD-$CONFIG"
if [ "$CONFIG" = heap ]; then
  {
    echo "== floor"
    run -processorpath "$TOOLS" -processor bench.TimedProcessor -J-Dbench.delegate=bench.FloorProcessor \
      -J-Dbench.histogram=20 2>&1 | grep -A 30 'live heap'
    echo "== paramcheck"
    run -processorpath "$TOOLS:$JARS/processor.jar:$JARS/annotations.jar" -processor bench.TimedProcessor \
      -J-Dbench.histogram=20 2>&1 | grep -A 30 'live heap'
  } | tee "$P/$NAME.txt"
  exit 0
fi
if [ "$CONFIG" = lookup ]; then
  for i in 1 2 3; do
    run -processorpath "$TOOLS" -processor bench.LookupProbe 2>&1 | grep '\[bench\] lookup'
  done | tee "$P/$NAME.txt"
  exit 0
fi
start=$(date +%s%N)
run -J-XX:StartFlightRecording:filename="$P/$NAME.jfr",settings="$JFC" "${PROC[@]}" > "$P/$NAME.javac.log" 2>&1
end=$(date +%s%N)
timed=$(run "${TIMED[@]}" 2>&1 | grep '\[bench\] processor-ns' || true)
{
  echo "javac $WORKLOAD $CONFIG, profiled: $(( (end - start) / 1000000 )) ms wall (JFR on)"
  echo "processor's own time, unprofiled run: $timed"
  echo
  "$JAVA" -cp "$TOOLS" bench.JfrSummary "$P/$NAME.jfr" 25
} | tee "$P/$NAME.txt"
