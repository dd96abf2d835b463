#!/usr/bin/env bash
# Renders HTML reports in headless Chromium and saves PNG screenshots, to
# look at what a user sees.
#
#   scripts/screenshot-report.sh                 # every example report
#   scripts/screenshot-report.sh report.html out.png
#
# With no arguments, writes the example reports of capacity, simulate,
# project, recruit, sweep and continuity into reports/ (HTML and PNG).
# Installs Chromium from Debian's packages when it is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

shoot() {  # shoot report.html out.png [height]
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=800,"${3:-2400}" --screenshot="$2" "file://$(realpath "$1")" 2>/dev/null
  echo "wrote $2"
}

if [ $# -ge 1 ]; then
  shoot "$1" "${2:-report.png}"
  exit 0
fi

swift build -c release --product panelplan >/dev/null
bin=.build/release/panelplan
mkdir -p reports
"$bin" capacity --report reports/capacity.html >/dev/null
"$bin" simulate --replications 10 --report reports/simulate.html >/dev/null
"$bin" project --replications 20 --hires 2 --trainees 2 --simulate --report reports/project.html >/dev/null
"$bin" recruit --levers hires,trainees --by 2030 --report reports/recruit.html >/dev/null
"$bin" sweep Examples/sweep-simulation.json --maximise coc_doctor --pareto coc_doctor:max,doctorFTE:min --report reports/sweep.html >/dev/null
"$bin" continuity Examples/visits.csv --patients Examples/patients.csv --report reports/continuity.html >/dev/null
for f in reports/*.html; do shoot "$f" "${f%.html}.png"; done
