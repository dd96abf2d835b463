#!/usr/bin/env bash
# Fuzzes every PanelPlan reader with libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Builds .build/fuzz/panelplan-fuzz (the library's sources and Fuzz/FuzzMain.swift,
# swiftc -sanitize=fuzzer,address), then runs each target (default: all of
# visits patients roster centre scenario region sweep) for SECONDS (default 60)
# on a corpus seeded from Examples/ and Tests/Fuzz/<target>/. Prints libFuzzer's
# "Done N runs" line per target; exits non-zero when any target crashes. A
# crashing input is left in .build/fuzz/artifacts/<target>/: copy it to
# Tests/Fuzz/<target>/ so the test suite replays it (FuzzRegressionTests).
#
# -detect_leaks=0: the Swift runtime's allocations still live at exit are
# reported as leaks by LeakSanitizer; they are not PanelPlan's.
set -u
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(visits patients roster centre scenario region sweep)

out=.build/fuzz
bin="$out/panelplan-fuzz"
mkdir -p "$out"
sources=$(find Sources/PanelPlan -name '*.swift' | sort)
newest=$(ls -t $sources Fuzz/FuzzMain.swift | head -1)
if [ ! -x "$bin" ] || [ "$newest" -nt "$bin" ]; then
  echo "Building $bin ..."
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name PanelPlan \
    $sources Fuzz/FuzzMain.swift -o "$bin" 2>"$out/build.log" || { cat "$out/build.log"; echo "fuzz build failed"; exit 2; }
fi

seed() {  # target -> seed files
  case "$1" in
    visits) echo Examples/visits.csv ;;
    patients) echo Examples/patients.csv ;;
    roster) ls Tests/Fuzz/roster/seed-* 2>/dev/null ;;
    centre) echo Examples/centre.json Examples/small-centre.json ;;
    scenario) echo Examples/scenario.json ;;
    region) echo Examples/small-centre.json ;;
    sweep) echo Examples/sweep.json Examples/sweep-random.json ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  corpus="$out/corpus/$t"
  artifacts="$out/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  for f in $(seed "$t") Tests/Fuzz/"$t"/*; do [ -f "$f" ] && cp "$f" "$corpus/" ; done
  log="$out/$t.log"
  PANELPLAN_FUZZ_TARGET="$t" PANELPLAN_FUZZ_CENTRE="$PWD/Examples/centre.json" \
    "$bin" -max_total_time="$seconds" -detect_leaks=0 -max_len=16384 -rss_limit_mb=3072 -timeout=30 \
    -artifact_prefix="$artifacts" -print_final_stats=0 "$corpus" >"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)
  if [ $rc -ne 0 ]; then
    status=1
    echo "$t: CRASH (exit $rc); see $log and $artifacts"
    grep -E 'ERROR|Fatal|runtime failure|SUMMARY' "$log" | head -5
  else
    echo "$t: $done_line"
  fi
done
exit $status
