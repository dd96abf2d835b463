#!/usr/bin/env bash
# Compares the benchmark target of two commits fairly on a shared machine:
# both are built in release, then run alternately (old, new, old, new ...),
# so a change of load hits both alike; prints each benchmark's median over
# the rounds for old and new, and new/old.
#
#   scripts/ab-bench.sh OLD_REV [NEW_REV=HEAD] [ROUNDS=5] [FILTER]
set -euo pipefail
old=${1:?usage: scripts/ab-bench.sh OLD_REV [NEW_REV] [ROUNDS] [FILTER]}
new=${2:-HEAD}
rounds=${3:-5}
filter=${4:-}
top=$(git rev-parse --show-toplevel)
work=${AB_WORK:-/tmp/panelplan-ab}
mkdir -p "$work"
build() {  # rev → path of its benchmark binary
  local rev=$1 dir="$work/$(git -C "$top" rev-parse --short "$1")"
  if [ ! -d "$dir" ]; then git -C "$top" worktree add -q --detach "$dir" "$rev"; fi
  (cd "$dir" && swift build -c release --product PanelPlanBenchmarks >&2)
  echo "$dir/.build/release/PanelPlanBenchmarks"
}
a=$(build "$old"); b=$(build "$new")
out="$work/runs.txt"; : > "$out"
for r in $(seq 1 "$rounds"); do
  for side in old new; do
    bin=$a; [ $side = new ] && bin=$b
    "$bin" $filter --runs 1 | grep ' median ' | sed "s/^/$side /" >> "$out"
  done
  echo "round $r of $rounds done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done
python3 - "$out" <<'PY'
import sys, collections, statistics
t = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    side, rest = line.split(' ', 1)
    name, after = rest.split(' median ', 1)
    t[name.strip()][side].append(float(after.split()[0]))
print(f"{'benchmark':40} {'old s':>9} {'new s':>9} {'new/old':>8}")
for name, d in t.items():
    o, n = statistics.median(d['old']), statistics.median(d['new'])
    print(f"{name:40} {o:9.3f} {n:9.3f} {n/o:8.3f}")
PY
