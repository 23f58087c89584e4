#!/bin/sh
# Runs ceus-array.sh on a real single-node SLURM cluster on localhost (Debian: slurm-wlm, munge), as root.
#
#   workflows/slurm/test-local-slurm.sh MANIFEST.csv OUT N [CEUS command]
#
# Starts munged and slurmctld/slurmd with a throw-away configuration under $SLURM_TEST_DIR
# (default /tmp/ceus-slurm-test), submits `ceus-array.sh submit MANIFEST OUT N`, waits for the array and
# the merge job to leave the queue, prints their logs, stops the daemons and exits with 0 when
# OUT/summary.csv exists. Needs: apt-get install -y slurm-wlm munge
set -eu
[ $# -ge 3 ] || { echo "usage: $0 MANIFEST OUT N [CEUS]" >&2; exit 2; }
manifest=$1; out=$2; n=$3
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 4 ] && CEUS=$4
export CEUS=${CEUS:-$here/../../ceus}
base=${SLURM_TEST_DIR:-/tmp/ceus-slurm-test}
timeout=${SLURM_TEST_TIMEOUT:-170}
command -v slurmctld >/dev/null && command -v munged >/dev/null \
    || { echo "error: install the Debian packages slurm-wlm and munge" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "error: run as root (starts munged, slurmctld, slurmd)" >&2; exit 2; }

rm -rf "$base"
mkdir -p "$base/state" "$base/spool" "$base/munge" "$base/run"
node=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
cat > "$base/slurm.conf" <<CONF
ClusterName=ceustest
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
StateSaveLocation=$base/state
SlurmdSpoolDir=$base/spool
SlurmctldPidFile=$base/run/slurmctld.pid
SlurmdPidFile=$base/run/slurmd.pid
SlurmctldLogFile=$base/slurmctld.log
SlurmdLogFile=$base/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
NodeName=$node CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$base/slurm.conf"

# munge with its own key and socket
mungekey -c -f -k "$base/munge/munge.key" 2>/dev/null || dd if=/dev/urandom bs=1 count=1024 of="$base/munge/munge.key" 2>/dev/null
chmod 600 "$base/munge/munge.key"
mkdir -p /run/munge
munged --force -S /run/munge/munge.socket.2 --key-file="$base/munge/munge.key" \
    --pid-file="$base/run/munged.pid" --log-file="$base/munge.log" --seed-file="$base/munge/seed"

cleanup() {
    for p in slurmd slurmctld munged; do
        [ -f "$base/run/$p.pid" ] && kill "$(cat "$base/run/$p.pid")" 2>/dev/null || true
    done
}
trap cleanup EXIT
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"

i=0
until sinfo -h -o %T 2>/dev/null | grep -q idle; do
    i=$((i + 1)); [ $i -lt 30 ] || { echo "error: SLURM node not idle after 30 s" >&2; sinfo >&2 || true; cat "$base/slurmctld.log" "$base/slurmd.log" >&2; exit 3; }
    sleep 1
done
echo "SLURM up: $(sinfo -h -o '%P %D %T %C')"

start=$(date +%s)
"$here/ceus-array.sh" submit "$manifest" "$out" "$n"
while [ -n "$(squeue -h -o %i 2>/dev/null)" ]; do
    [ $(( $(date +%s) - start )) -lt "$timeout" ] || { echo "error: jobs still queued after $timeout s" >&2; squeue >&2; exit 3; }
    sleep 1
done
echo "all jobs done in $(( $(date +%s) - start )) s"
for f in ceus-batch-*.log "$out"/ceus-merge-*.log; do
    [ -f "$f" ] && { echo "== $f"; cat "$f"; }
done
[ -f "$out/summary.csv" ] || { echo "error: no $out/summary.csv" >&2; exit 1; }
echo "summary: $out/summary.csv"
