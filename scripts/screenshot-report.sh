#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and saves a PNG screenshot, to
# look at what a user sees.
#
#   scripts/screenshot-report.sh [report.html] [out.png]
#
# With no report, writes the built-in example's capacity report first.
# Installs Chromium from Debian's packages when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-}"
png="${2:-report.png}"
if [ -z "$report" ]; then
  report="$(mktemp -d)/example-report.html"
  swift run -c release panelplan capacity --report "$report" >/dev/null
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=800,2400 --screenshot="$png" "file://$(realpath "$report")" 2>/dev/null
echo "wrote $png from $report"
