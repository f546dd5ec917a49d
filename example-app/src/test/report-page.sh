#!/usr/bin/env bash
# Opens the example app's model-size report (index.html) in headless Chromium, as a reviewer would,
# and checks that the page's script ran and that every model of report.json has its row and its
# budget bar in the rendered page. Run by the build in `verify`, after the report goal.
# Usage: report-page.sh DIR (the report's directory, target/paramcheck)
set -euo pipefail
dir=$(cd "${1:?usage: report-page.sh DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
chromium=$(bash "$here/../../../report/src/test/chromium.sh")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
dom=$("$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
  --disable-dev-shm-usage --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom "file://$dir/index.html" 2>/dev/null)
fail() { echo "report page: $*" >&2; exit 1; }
grep -q 'data-sortable="ready"' <<<"$dom" || fail "the page's script did not run"
models=$(grep -o '"model": *"[^"]*"' "$dir/report.json" | sed 's/.*"\([^"]*\)"$/\1/' | sort -u)
[ -n "$models" ] || fail "report.json lists no model"
count=0
for m in $models; do
  grep -q "class=\"model-row\" data-model=\"$m\"" <<<"$dom" || fail "no row for $m"
  count=$((count + 1))
done
rows=$(grep -o 'class="model-row"' <<<"$dom" | wc -l)
[ "$rows" -eq "$count" ] || fail "$rows rows for $count models"
echo "report page: $count models rendered in $(basename "$chromium") ($dir/index.html)"
