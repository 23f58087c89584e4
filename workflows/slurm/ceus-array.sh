#!/bin/sh
# CEUS Perfusion batch on SLURM: an array of `ceus batch --shard K/N` tasks, then `ceus merge`.
#
# Submit (from a login node; N array tasks, each on one manifest shard):
#   workflows/slurm/ceus-array.sh submit MANIFEST.csv OUT N [ceus batch options...]
# which runs
#   sbatch --array=1-N ceus-array.sh shard MANIFEST.csv OUT [options...]
#   sbatch --dependency=afterany:<array job> ceus-array.sh merge MANIFEST.csv OUT
# Or submit the array yourself:  sbatch --array=1-8 workflows/slurm/ceus-array.sh shard study.csv results
# and merge afterwards:           ceus merge --out results --manifest study.csv
#
# Inside an array task the shard is K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 of
# N = SLURM_ARRAY_TASK_COUNT, so `--array=1-N` and `--array=0-(N-1)` both work. Every task runs with
# --resume: a resubmitted or requeued task finishes its shard without redoing complete rows.
# Environment: CEUS = the ceus command (default: the launcher `ceus` of this repository, else `ceus` on PATH);
# SBATCH_OPTS = extra sbatch options for `submit` (partition, account, time, ...).
#
#SBATCH --job-name=ceus-batch
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --output=ceus-batch-%A_%a.log
set -eu

usage() {
    echo "usage: $0 submit MANIFEST OUT N [options] | shard MANIFEST OUT [options] | merge MANIFEST OUT" >&2
    exit 2
}

[ $# -ge 3 ] || usage
mode=$1
manifest=$2
out=$3
shift 3

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${CEUS:-}" ]; then
    if [ -x "$here/../../ceus" ]; then CEUS="$here/../../ceus"; else CEUS=ceus; fi
fi
export CEUS

case "$mode" in
submit)
    [ $# -ge 1 ] || usage
    n=$1
    shift
    case "$n" in ''|*[!0-9]*) echo "error: N must be a whole number, got '$n'" >&2; exit 2 ;; esac
    manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
    mkdir -p "$out"
    out=$(cd "$out" && pwd)
    script="$here/$(basename "$0")"
    # shellcheck disable=SC2086
    job=$(sbatch --parsable ${SBATCH_OPTS:-} --export=ALL --array="1-$n" "$script" shard "$manifest" "$out" "$@")
    job=${job%%;*}
    # shellcheck disable=SC2086
    merge=$(sbatch --parsable ${SBATCH_OPTS:-} --export=ALL --dependency="afterany:$job" --job-name=ceus-merge \
        --output="$out/ceus-merge-%j.log" "$script" merge "$manifest" "$out")
    echo "submitted array job $job ($n shards) and merge job ${merge%%;*}; summary: $out/summary.csv"
    ;;
shard)
    id=${SLURM_ARRAY_TASK_ID:?not inside a SLURM array task (SLURM_ARRAY_TASK_ID unset); use: $0 submit ...}
    min=${SLURM_ARRAY_TASK_MIN:-1}
    if [ -n "${SLURM_ARRAY_TASK_COUNT:-}" ]; then
        count=$SLURM_ARRAY_TASK_COUNT
    else
        count=$(( ${SLURM_ARRAY_TASK_MAX:?SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MAX unset} - min + 1 ))
    fi
    k=$(( id - min + 1 ))
    echo "ceus-array: shard $k/$count of $manifest on $(hostname)"
    exec $CEUS batch "$manifest" --out "$out" --shard "$k/$count" --resume \
        --threads "${SLURM_CPUS_PER_TASK:-1}" --progress log "$@"
    ;;
merge)
    exec $CEUS merge --out "$out" --manifest "$manifest"
    ;;
*)
    usage
    ;;
esac
