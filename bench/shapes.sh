#!/usr/bin/env bash
# What the shape of a generated summary costs javac. See docs/performance.md.
#
#   bench/shapes.sh [--from DIR] [--models N] [--reps R] [--out DIR]
#
# Generates N benchmark models (bench.Gen, the five-layer model of run.sh), lets paramcheck write
# their summaries once, rewrites those summaries into other shapes of the same table
# (bench/shapes.py: as-generated, raw-utf8, folded, no-table, no-javadoc, constants, empty), checks that every shape's table()
# returns the same text (bench.SameTables), then times javac -proc:none on each shape's N
# summaries alone, R repetitions in an order rotated from one repetition to the next.
#
#   --from DIR   the checkout whose built jars are used (default: this one; build it first with
#                mvn -DskipTests package)
#   --models N   summaries compiled per run (default 1000)
#   --reps R     repetitions (default 5)
#   --out DIR    results (default bench/target/shapes/<date>): raw.csv, summary.md
#   JAVA_HOME    the JDK whose javac is measured (default: javac on the PATH)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
FROM="$ROOT"; N=1000; REPS=5; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) FROM="$2"; shift 2 ;;
    --models) N="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see $0 --help)" >&2; exit 2 ;;
  esac
done
if [ -n "${JAVA_HOME:-}" ]; then JAVAC="$JAVA_HOME/bin/javac"; JAVA="$JAVA_HOME/bin/java"
else JAVAC="$(command -v javac)"; JAVA="$(command -v java)"; fi
OUT="${OUT:-$BENCH/target/shapes/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK="/dev/shm/paramcheck-shapes-$$"; else WORK="$BENCH/target/shapes-work"; fi
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
log() { echo "[shapes] $*" >&2; }
[ -x /usr/bin/time ] || { log "needs GNU time (/usr/bin/time): apt-get install time"; exit 1; }

PROC="$FROM/processor/target/paramcheck-processor-0.1.0-SNAPSHOT.jar"
ANN="$FROM/annotations/target/paramcheck-annotations-0.1.0-SNAPSHOT.jar"
[ -f "$PROC" ] && [ -f "$ANN" ] || { log "build $FROM first: mvn -DskipTests package"; exit 1; }

TOOLS="$WORK/tools"
mkdir -p "$TOOLS"
"$JAVAC" --release 17 -d "$TOOLS" "$BENCH"/src/bench/*.java
"$JAVA" -cp "$TOOLS" bench.Gen models "$WORK/models" "$N"
log "paramcheck writes $N summaries"
mkdir -p "$WORK/gen" "$WORK/model-classes"
"$JAVAC" -cp "$ANN" -processorpath "$PROC:$ANN" -d "$WORK/model-classes" -s "$WORK/gen" @"$WORK/models/sources.txt"
python3 "$BENCH/shapes.py" "$WORK/gen" "$WORK/shapes"

SHAPES=(as-generated raw-utf8 folded no-table no-javadoc constants empty)
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "javac: $("$JAVAC" -version 2>&1); processor: $(git -C "$FROM" rev-parse --short HEAD 2>/dev/null || echo "$FROM")"
  echo "summaries per run: $N; repetitions: $REPS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# raw-utf8 holds the box characters themselves and needs -encoding UTF-8; every other shape is
# compiled as US-ASCII, which proves it encoding-proof.
encoding() { [ "$1" = raw-utf8 ] && echo UTF-8 || echo US-ASCII; }
echo "rep,shape,bytes_per_summary,wall_ms,cpu_ms,maxrss_kb" > "$OUT/raw.csv"
# each shape's source list and its bytes per summary, once
declare -A BYTES
for s in "${SHAPES[@]}"; do
  find "$WORK/shapes/$s" -name '*.java' | sort > "$WORK/$s.txt"
  BYTES[$s]=$(( $(cat $(cat "$WORK/$s.txt") | wc -c) / N ))
done
run_one() {
  local rep="$1" shape="$2" classes="$WORK/classes/$2" start end
  rm -rf "$classes" && mkdir -p "$classes"
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$WORK/time.txt" "$JAVAC" -J-Xmx4g -proc:none -encoding "$(encoding "$shape")" \
    -d "$classes" @"$WORK/$shape.txt"
  end=$(date +%s%N)
  local bytes="${BYTES[$shape]}" wall cpu rss
  wall=$(( (end - start) / 1000000 ))
  read -r rss cpu < <(tail -n 1 "$WORK/time.txt" | awk '{printf "%d %d\n", $1, ($2 + $3) * 1000}')
  echo "$rep,$shape,$bytes,$wall,$cpu,$rss" >> "$OUT/raw.csv"
  log "  rep $rep $shape: $bytes bytes a summary, $wall ms wall, $cpu ms CPU, $(( rss / 1024 )) MB"
}

log "warm-up"
run_one 0 as-generated
for s in "${SHAPES[@]}"; do [ "$s" = as-generated ] || run_one 0 "$s"; done
"$JAVA" -cp "$TOOLS" bench.SameTables "$WORK/classes/as-generated" "$WORK/classes/raw-utf8" "$WORK/classes/folded" >&2
sed -i '/^0,/d' "$OUT/raw.csv"
k=${#SHAPES[@]}
for rep in $(seq 1 "$REPS"); do
  for ((i = 0; i < k; i++)); do run_one "$rep" "${SHAPES[$(( (i + rep - 1) % k ))]}"; done
done

python3 - "$OUT/raw.csv" > "$OUT/summary.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
shapes = list(dict.fromkeys(r['shape'] for r in rows))
med = {s: {k: statistics.median(int(r[k]) for r in rows if r['shape'] == s)
           for k in ('bytes_per_summary', 'wall_ms', 'cpu_ms', 'maxrss_kb')} for s in shapes}
base = med['as-generated']
print('| shape | bytes a summary | javac wall (median) | CPU | peak RSS | wall / as-generated |')
print('| :--- | ---: | ---: | ---: | ---: | ---: |')
for s in shapes:
    m = med[s]
    print('| %s | %d | %.2f s | %.2f s | %d MB | %.2f |' % (s, m['bytes_per_summary'], m['wall_ms'] / 1000,
          m['cpu_ms'] / 1000, m['maxrss_kb'] / 1024, m['wall_ms'] / base['wall_ms']))
PY
cat "$OUT/summary.md"
