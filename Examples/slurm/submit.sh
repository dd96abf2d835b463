#!/usr/bin/env bash
# Submits a sharded sweep and its merge to Slurm: an array job of N tasks
# (default 4), then a merge job that starts when all of them succeeded.
#
#   PANELPLAN=$PWD/.build/release/panelplan Examples/slurm/submit.sh Examples/sweep.json 4
#
# Prints the two job ids. Results: $RESULT (default results.csv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export SWEEP=${1:-Examples/sweep.json}
shards=${2:-4}
export PANELPLAN=${PANELPLAN:-panelplan} SHARDS=${SHARDS:-shards} FORMAT=${FORMAT:-csv}
export RESULT=${RESULT:-results.$FORMAT}
mkdir -p "$SHARDS"
array=$(sbatch --parsable --array=0-$((shards - 1)) "$here/sweep.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes "$here/merge.sbatch")
echo "$array $merge"
