#!/bin/sh
# Side by side: `panelplan continuity --per-patient` against polars doing the
# same per-patient indices (scripts/continuity_polars.py), on generated files,
# median of RUNS runs each, peak memory from /usr/bin/time -v.
#
#   scripts/compare-polars.sh [shuffled|sorted|both] [RUNS]
#
# Files (in ${TMPDIR:-/tmp}, deleted at the end unless KEEP=1):
#   shuffled: 10.4 M rows, ids drawn from 8.5 M (about 6 M patients), random order
#   sorted:   50 M rows, ids drawn from 4 M, in date order (the benchmark file's shape)
# Needs about 3 GB free for `sorted`. Installs polars from PyPI if missing.
# POLARS_RUNS=N runs polars N times instead of RUNS. NOPP=0 skips the runs without --per-patient; KEEP=1 keeps the files.
set -eu
cd "$(dirname "$0")/.."
SHAPES=${1:-both}
RUNS=${2:-3}
TMP=${TMPDIR:-/tmp}
python3 -c "import polars" 2>/dev/null || python3 -m pip install -q polars
swift build -c release --product panelplan >/dev/null
swiftc -O scripts/generate-visits.swift -o "$TMP/gen-visits"
BIN=.build/release/panelplan

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run() {  # label command... → prints "seconds maxrss_kib" per run
  label=$1; shift
  : > "$TMP/cmp-$label.txt"
  i=0
  while [ $i -lt "$RUNS" ]; do
    /usr/bin/time -v "$@" > /dev/null 2> "$TMP/cmp-time.txt"
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); x=0; for(k=1;k<=n;k++) x=x*60+t[k]; print x}' "$TMP/cmp-time.txt")
    m=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/cmp-time.txt")
    c=$(awk -F': ' '/User time|System time/ {x += $2} END {print x}' "$TMP/cmp-time.txt")
    echo "$s $m $c $(cut -d' ' -f1 /proc/loadavg)" >> "$TMP/cmp-$label.txt"
    i=$((i + 1))
  done
  t=$(cut -d' ' -f1 "$TMP/cmp-$label.txt" | median)
  m=$(cut -d' ' -f2 "$TMP/cmp-$label.txt" | median)
  c=$(cut -d' ' -f3 "$TMP/cmp-$label.txt" | median)
  echo "$label: median ${t} s wall (runs: $(cut -d' ' -f1 "$TMP/cmp-$label.txt" | tr '\n' ' ')), median ${c} s CPU (user+sys; runs: $(cut -d' ' -f3 "$TMP/cmp-$label.txt" | tr '\n' ' ')), peak ${m} KiB; 1-min load after each run: $(cut -d' ' -f4 "$TMP/cmp-$label.txt" | tr '\n' ' ')"
  eval "T_$label=$t M_$label=$m C_$label=$c"
}

shape() {  # name rows ids order
  f="$TMP/visits-$1.csv"
  [ -f "$f" ] || "$TMP/gen-visits" "$f" "$2" "$3" "$4" 16
  echo "== $1: $(wc -c < "$f") bytes, $2 rows; $(nproc) cores; $(uname -m); load $(cut -d' ' -f1-3 /proc/loadavg)"
  run "pp_$1" $BIN continuity "$f" --per-patient "$TMP/pp-$1.csv"
  [ "${NOPP:-1}" = 0 ] || run "nopp_$1" $BIN continuity "$f"
  RUNS=${POLARS_RUNS:-$RUNS} run "polars_$1" python3 scripts/continuity_polars.py "$f" "$TMP/pl-$1.csv"
  eval "a=\$T_pp_$1 b=\$T_polars_$1 ma=\$M_pp_$1 mb=\$M_polars_$1 ca=\$C_pp_$1 cb=\$C_polars_$1"
  echo "$1: panelplan --per-patient ${a} s vs polars ${b} s wall: $(echo "$b $a" | awk '{printf "%.2f", $1/$2}')x; CPU ${ca} s vs ${cb} s: $(echo "$cb $ca" | awk '{printf "%.2f", $1/$2}')x; peak memory $(echo "$ma $mb" | awk '{printf "%.2f", $1/$2}') of polars'"
  [ "${KEEP:-0}" = 1 ] || rm -f "$f" "$TMP/pp-$1.csv" "$TMP/pl-$1.csv"
}

case $SHAPES in
  shuffled) shape shuffled 10400000 8500000 shuffled ;;
  sorted) shape sorted 50000000 4000000 sorted ;;
  *) shape shuffled 10400000 8500000 shuffled; shape sorted 50000000 4000000 sorted ;;
esac
