#!/usr/bin/env bash
# Renders HTML reports in headless Chromium and saves whole-page PNG
# screenshots, to look at what a user sees.
#
#   scripts/screenshot-report.sh                 # every example report
#   scripts/screenshot-report.sh report.html out.png
#
# With no arguments, writes into reports/ (HTML and PNG) the reports of
# capacity, simulate, project, recruit, recruit --when, sweep, continuity
# (with a comparison) and assign, at the example's size, again for a
# centre of 40 doctors (a CSV centre folder made here), and the capacity
# and simulation reports in Swedish; then for a generated region of 40
# care centres (capacity, simulate, project, recruit, sweep).
# PANELPLAN=path/to/panelplan uses that binary instead of a release build.
# Installs Chromium and ImageMagick from Debian's packages when missing
# (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ] || ! convert -version 2>/dev/null | grep -q ImageMagick; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium imagemagick >/dev/null
  browser=$(command -v chromium)
fi

shoot() {  # shoot report.html out.png
  # A window 16,000 pixels tall (ImageMagick's default limit), taller than any report; then cut below the last non-white row,
  # so the whole page is kept whatever its length.
  local tall="${2%.png}.tall.png"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=800,16000 --screenshot="$tall" "file://$(realpath "$1")" 2>/dev/null
  # -trim reports the content box as WxH+X+Y in the page's geometry.
  local box bottom
  box=$(convert "$tall" -trim -format '%h %Y' info: 2>/dev/null || echo "16000 +0")
  bottom=$(awk '{ y = $2; sub(/^\+/, "", y); print $1 + y + 24 }' <<<"$box")
  if [ "$bottom" -ge 16000 ]; then echo "warning: $1 is longer than 16,000 pixels; the screenshot is cut" >&2; bottom=16000; fi
  convert "$tall" -crop "800x${bottom}+0+0" +repage "$2"
  rm -f "$tall"
  echo "wrote $2 (800 x $bottom)"
}

if [ $# -ge 1 ]; then
  shoot "$1" "${2:-report.png}"
  exit 0
fi

if [ -n "${PANELPLAN:-}" ]; then bin=$PANELPLAN; else
  swift build -c release --product panelplan >/dev/null
  bin=.build/release/panelplan
fi
mkdir -p reports
"$bin" capacity --report reports/capacity.html >/dev/null
"$bin" capacity --lang sv --report reports/capacity-sv.html >/dev/null
"$bin" simulate --replications 10 --report reports/simulate.html >/dev/null
"$bin" simulate --replications 10 --lang sv --report reports/simulate-sv.html >/dev/null
"$bin" project --replications 20 --hires 2 --trainees 2 --simulate --report reports/project.html >/dev/null
"$bin" recruit --levers hires,trainees --by 2030 --report reports/recruit.html >/dev/null
"$bin" recruit --when --hires 3 --replications 5 --report reports/recruit-when.html >/dev/null
"$bin" sweep Examples/sweep-simulation.json --maximise coc_doctor --pareto coc_doctor:max,doctorFTE:min --report reports/sweep.html >/dev/null
"$bin" continuity Examples/visits.csv --patients Examples/patients.csv --report reports/continuity.html >/dev/null
"$bin" continuity Examples/visits.csv --compare-to 2024-03-31 --from 2024-04-01 --report reports/continuity-compare.html >/dev/null
"$bin" assign --centre Examples/small-centre.json --patients Examples/assign-patients.csv --visits Examples/assign-visits.csv \
  --report reports/assign.html >/dev/null

# A centre of 40 doctors and 60,000 listed, as a CSV folder, to see that
# per-doctor charts stay legible.
big=reports/centre-40
mkdir -p "$big"
{
  echo "id,role,fte,supervision,training_progress"
  for i in $(seq -w 1 34); do echo "gp-$i,specialist,$( [ $((10#$i % 3)) = 0 ] && echo 0.8 || echo 1 ),0.1,"; done
  for i in $(seq -w 1 4); do echo "st-$i,trainee,1,,0.$(( 10#$i * 2 ))"; done
  echo "locum-1,locum,1,,"; echo "locum-2,locum,0.5,,"
  for i in $(seq -w 1 20); do echo "rn-$i,nurse,1,,"; done
} >"$big/clinicians.csv"
{
  echo "age_band,count"
  echo "0-5,3600"; echo "6-15,7200"; echo "16-29,10200"; echo "30-44,12000"; echo "45-64,15000"
  echo "65-74,6600"; echo "75-79,2700"; echo "80+,2700"
} >"$big/population.csv"
"$bin" capacity "$big" --report reports/capacity-40.html >/dev/null
"$bin" simulate "$big" --replications 2 --report reports/simulate-40.html >/dev/null
# A region of 40 care centres (generated, 360,000 residents), to see that
# per-centre charts and tables stay legible: capacity, simulate, project,
# recruit (one lever and least cost) and a projection sweep on it.
region=reports/region-40.json
"$bin" generate region --population 360000 --seed 4 --out "$region" >/dev/null
"$bin" capacity "$region" --report reports/region-40-capacity.html >/dev/null
"$bin" capacity "$region" --lang sv --report reports/region-40-capacity-sv.html >/dev/null
"$bin" simulate "$region" --replications 2 --report reports/region-40-simulate.html >/dev/null
"$bin" project "$region" --replications 5 --hires 3 --trainees 2 --report reports/region-40-project.html >/dev/null
"$bin" recruit "$region" --by 2030 --report reports/region-40-recruit.html >/dev/null
"$bin" recruit "$region" --levers hires,trainees --cost hires=1,trainees=0.6 --by 2030 --report reports/region-40-recruit-cost.html >/dev/null
cat >reports/region-40-sweep.json <<'JSON'
{"model": "projection",
 "base": {"name": "40 centres", "regions": [{"$file": "region-40.json"}], "settings": {"years": 6}},
 "design": "grid", "replications": 3, "seed": 7,
 "parameters": [{"name": "hires", "path": "settings.hires", "values": [0, 2, 4, 6]},
                {"name": "trainees", "path": "settings.trainees", "values": [0, 2, 4]}]}
JSON
"$bin" sweep reports/region-40-sweep.json --report reports/region-40-sweep.html >/dev/null
for f in reports/*.html; do shoot "$f" "${f%.html}.png"; done
