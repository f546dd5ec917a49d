#!/usr/bin/env bash
# How paramcheck's own time grows with a functional model's size (issue 18: "10,000 layers in a
# branchy graph check in linear time"). Generates one functional model per size (bench.Gen graph:
# an input, blocks of two Dense branches meeting in an Add, every tenth block also taking a second
# input's branch), compiles each with javac -proc:none and with paramcheck inside
# bench.TimedProcessor, REPS times, and prints the medians: javac's wall time and the processor's
# own time per layer. Nothing here asserts on time.
#
#   bench/graph.sh [--no-build]      GRAPHS="2500 5000 10000 20000" REPS=3 by default;
#                                    PROC=jar ANN=jar measure other builds of the processor
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GRAPHS="${GRAPHS:-2500 5000 10000 20000}"
REPS="${REPS:-3}"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "${1:-}" != "--no-build" ]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl annotations,processor package)
fi
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
PROC="${PROC:-$ROOT/processor/target/paramcheck-processor-$VERSION.jar}"
ANN="${ANN:-$ROOT/annotations/target/paramcheck-annotations-$VERSION.jar}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$JAVAC" --release 17 -d "$WORK/tools" "$ROOT"/bench/src/bench/*.java
printf '| layers | javac -proc:none (ms) | javac with paramcheck (ms) | paramcheck own time (ms) | own time per layer (µs) |\n'
printf '| --- | --- | --- | --- | --- |\n'
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for l in $GRAPHS; do
  "$JAVA" -cp "$WORK/tools" bench.Gen graph "$WORK/src-$l" "$l"
  none=(); with=(); own=()
  for r in $(seq 1 "$REPS"); do
    rm -rf "$WORK/out" && mkdir -p "$WORK/out/c" "$WORK/out/g"
    s=$(date +%s%N)
    "$JAVAC" -J-Xmx4g -proc:none -cp "$ANN" -d "$WORK/out/c" @"$WORK/src-$l/sources.txt"
    none+=($(( ($(date +%s%N) - s) / 1000000 )))
    rm -rf "$WORK/out" && mkdir -p "$WORK/out/c" "$WORK/out/g"
    s=$(date +%s%N)
    "$JAVAC" -J-Xmx4g -cp "$ANN" -d "$WORK/out/c" -s "$WORK/out/g" \
      -processorpath "$WORK/tools:$PROC:$ANN" -processor bench.TimedProcessor \
      -J-Dbench.delegate=dev.paramcheck.processor.ParamCheckProcessor @"$WORK/src-$l/sources.txt" > "$WORK/log" 2>&1
    with+=($(( ($(date +%s%N) - s) / 1000000 )))
    ls "$WORK"/out/c/bench/g/Graph*Summary.class > /dev/null
    own+=($(sed -n 's/.*\[bench\] processor-ns init=\([0-9]*\) process=\([0-9]*\).*/\1 \2/p' "$WORK/log" \
      | awk 'NR == 1 {printf "%d", ($1 + $2) / 1000000}'))
  done
  n=$(printf '%s\n' "${none[@]}" | median); w=$(printf '%s\n' "${with[@]}" | median); o=$(printf '%s\n' "${own[@]}" | median)
  printf '| %s | %s | %s | %s | %s |\n' "$l" "$n" "$w" "$o" "$(( o * 1000 / l ))"
done
