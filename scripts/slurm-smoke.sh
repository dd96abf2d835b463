#!/usr/bin/env bash
# Runs a sharded PanelPlan sweep on a real Slurm cluster of one node (this
# machine) and checks that the merged file is byte for byte the file a
# single process writes.
#
#   sudo scripts/slurm-smoke.sh            # 4 shards of Examples/sweep.json
#   SHARDS=7 SWEEP=Examples/sweep-simulation.json scripts/slurm-smoke.sh
#
# Steps: installs Debian's slurm-wlm and munge when missing; starts munged
# (unless one runs) and a private slurmctld and slurmd on localhost with
# their own config, ports and state under a temporary folder; submits
# Examples/slurm/sweep.sbatch as an array job and Examples/slurm/merge.sbatch
# as a job that depends on it (through Examples/slurm/submit.sh), for CSV and
# then JSON; waits; compares with `cmp`; checks that a merge with a shard
# left out is refused. The daemons it started are stopped by process id at
# the end, whatever happened. Needs root. Exit status 0 when everything
# matched.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { echo "slurm-smoke: $*"; }
[ "$(id -u)" = 0 ] || { say "needs root (installs packages and runs slurmd)"; exit 2; }

sweep=$(realpath "${SWEEP:-Examples/sweep.json}")
shards=${SHARDS:-4}
work=$(mktemp -d /tmp/panelplan-slurm.XXXXXX)
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  [ ${#pids[@]} -gt 0 ] && say "stopped daemons ${pids[*]}"
  if [ "${KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

# 1. Packages.
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null || { say "install failed"; exit 1; }
fi
say "$(slurmctld -V)"

# 2. panelplan.
if [ -z "${PANELPLAN:-}" ]; then
  config=${CONFIG:-debug}
  say "building panelplan ($config)"
  nice swift build -c "$config" --product panelplan >/dev/null || { say "build failed"; exit 1; }
  PANELPLAN=$root/.build/$config/panelplan
fi
export PANELPLAN

# 3. munge: reuse a running munged, else start one as the munge user.
if ! pgrep -x munged >/dev/null; then
  if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    mungekey -c -k /etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
  mkdir -p /run/munge /var/lib/munge /var/log/munge
  chown munge:munge /run/munge /var/lib/munge /var/log/munge
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground >"$work/munged.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do [ -S /run/munge/munge.socket.2 ] && break; sleep 0.1; done
fi
munge -n | unmunge | grep -q 'STATUS: *Success' || { say "munge does not work"; exit 1; }
say "munge: Success"

# 4. A private one-node cluster: own config, ports and state.
host=$(hostname -s)
mkdir -p "$work/etc" "$work/state" "$work/spool" "$work/run"
cat >"$work/etc/slurm.conf" <<CONF
ClusterName=panelplan
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=smoke Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
cat >"$work/etc/cgroup.conf" <<CONF
CgroupPlugin=cgroup/v1
CgroupAutomount=no
CONF
export SLURM_CONF=$work/etc/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >>"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || { say "node not idle (state '$state')"; tail -5 "$work"/slurm*.log; exit 1; }
say "cluster up: $(sinfo -h -o '%P %D %c %T')"

# 5. Reference: one process, all points.
fail=0
for format in csv json; do
  say "--- $format: single process"
  "$PANELPLAN" sweep "$sweep" --out "$work/single.$format" 2>/dev/null || { say "single run failed"; exit 1; }

  say "--- $format: $shards shards on Slurm"
  run=$work/$format
  mkdir -p "$run/shards"
  ids=$(cd "$run" && SWEEP=$sweep SHARDS=$run/shards RESULT=$run/merged.$format FORMAT=$format "$root/Examples/slurm/submit.sh" "$sweep" "$shards")
  read -r array merge <<<"$ids"
  say "array job $array ($shards tasks), merge job $merge (afterok:$array)"
  for _ in $(seq 600); do
    [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
    sleep 0.5
  done
  for f in "$run"/slurm-"$array"_*.out; do say "  $(basename "$f"): $(tr '\n' ' ' <"$f")"; done
  for f in "$run"/slurm-"$merge"-merge.out; do say "  $(basename "$f"): $(tr '\n' ' ' <"$f")"; done
  if [ ! -f "$run/merged.$format" ]; then
    say "FAIL: no merged file"; fail=1; continue
  fi
  ls -l "$run/shards" | tail -n +2 | sed 's/^/slurm-smoke:   /'
  if cmp "$work/single.$format" "$run/merged.$format"; then
    say "PASS: merged.$format is byte-identical to the single-process file ($(wc -c <"$run/merged.$format") bytes, sha256 $(sha256sum <"$run/merged.$format" | cut -c1-16))"
  else
    say "FAIL: merged.$format differs from the single-process file"; fail=1
  fi
  # A merge with one shard left out must be refused and write nothing.
  missing=$(ls "$run"/shards/part-*."$format" | tail -n +2)
  # shellcheck disable=SC2086
  if "$PANELPLAN" merge --out "$run/partial.$format" $missing 2>"$run/partial.err" || [ -e "$run/partial.$format" ]; then
    say "FAIL: a merge with a shard missing was not refused"; fail=1
  else
    say "PASS: missing shard refused: $(head -1 "$run/partial.err")"
  fi
done
[ $fail = 0 ] && say "ALL PASSED" || say "FAILED"
exit $fail
