#!/bin/sh
# Whole-process speed and peak memory of `ceus analyze` against a plain Python script of the same job
# (bench/analyze_python.py: pydicom + Pillow decode, numpy ROI mean, one SciPy curve_fit), on a
# clinical-size export, in the same run; then a batch of such loops with --threads 1 and 2; then what a
# second thread buys on this machine (org.ceusperfusion.io.BenchCoreScaling) and the per-stage breakdown of
# the Java side (org.ceusperfusion.io.AnalyzeStages).
#
# Usage: bench/analyze-vs-python.sh [WORKDIR] [BATCH_LOOPS] [ROUNDS]
#   WORKDIR      where the generated loop (cached) and the outputs go (default ${TMPDIR:-/tmp}/ceus-bench)
#   BATCH_LOOPS  loops in the batch (default 4; links to the one generated loop)
#   ROUNDS       alternating Python/ceus rounds (default 2)
#
# The loop (org.ceusperfusion.io.BenchExport, test scope): 800x600 side-by-side JPEG baseline DICOM,
# YBR_FULL_422, 1200 frames at 12 frames/s (~314 MB), one oval tumour ROI. ceus runs through ./ceus
# with its default CEUS_JAVA_OPTS. Python: Debian's /usr/bin/python3 with python3-pydicom, python3-pil,
# python3-numpy, python3-scipy. Wall times and peak resident memory come from /usr/bin/time -v.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-${TMPDIR:-/tmp}/ceus-bench}
NB=${2:-4}
ROUNDS=${3:-2}
PY=/usr/bin/python3
mkdir -p "$WORK"
LOOP="$WORK/export-800x600x1200.dcm"
(cd "$ROOT" && mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt")
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/cp.txt")"
if [ ! -f "$LOOP" ] || [ ! -f "$WORK/roi.txt" ]; then
    echo "generating $LOOP (once; cached)..." >&2
    java -Xmx3g -cp "$CP" org.ceusperfusion.io.BenchExport "$LOOP.part" > "$WORK/roi.txt"
    mv "$LOOP.part" "$LOOP"
fi
ROI=$(cat "$WORK/roi.txt")
BOX=${ROI#*oval:}
"$ROOT/ceus" --version >/dev/null # builds the jar when stale

# run LABEL command...: prints "LABEL: S s, M MB" and stores S and M in $WALL and $RSS
run() {
    label=$1; shift
    /usr/bin/time -v "$@" > "$WORK/$label.out" 2> "$WORK/$label.time" || { cat "$WORK/$label.time" >&2; exit 1; }
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/$label.time")
    RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$label.time")
    CPU=$(awk -F': ' '/Percent of CPU/ {print $2}' "$WORK/$label.time")
    CPUS=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$WORK/$label.time")
    echo "$label: ${WALL} s, peak RSS ${RSS} MB, CPU ${CPU} (${CPUS} CPU-s user+system)"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); CEUS_JAVA_OPTS default of ./ceus: $(sed -n 's/^default_opts=//p' "$ROOT/ceus")"
echo "loop: $LOOP ($(du -mL "$LOOP" | cut -f1) MB), ROI $ROI"
r=1
while [ "$r" -le "$ROUNDS" ]; do
    run "python-$r" "$PY" "$ROOT/bench/analyze_python.py" "$LOOP" "$BOX" "$WORK/python-tic.csv"
    PW=$WALL; PR=$RSS; PC=$CPUS
    grep 'python stages' "$WORK/python-$r.time" || true
    run "ceus-$r" "$ROOT/ceus" analyze "$LOOP" --roi "$ROI" --out "$WORK/ceus-out" --quiet
    echo "round $r: ceus is $(awk -v p="$PW" -v c="$WALL" 'BEGIN {printf "%.2f", p/c}')x as fast as Python;" \
         "CPU-s Python/ceus $(awk -v p="$PC" -v c="$CPUS" 'BEGIN {printf "%.2f", p/c}');" \
         "peak RSS ceus $RSS MB vs Python $PR MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
    r=$((r + 1))
done

echo "batch of $NB loops (links to the same file):"
mkdir -p "$WORK/batch"
echo "id,loop,roi" > "$WORK/batch/manifest.csv"
i=1
while [ "$i" -le "$NB" ]; do
    ln -sf "$LOOP" "$WORK/batch/loop$i.dcm"
    echo "loop$i,loop$i.dcm,\"$ROI\"" >> "$WORK/batch/manifest.csv"
    i=$((i + 1))
done
rm -rf "$WORK/batch/t1" "$WORK/batch/t2"
run batch-threads-1 "$ROOT/ceus" batch "$WORK/batch/manifest.csv" --out "$WORK/batch/t1" --threads 1 --quiet
T1=$WALL
run batch-threads-2 "$ROOT/ceus" batch "$WORK/batch/manifest.csv" --out "$WORK/batch/t2" --threads 2 --quiet
echo "batch throughput --threads 2 / --threads 1: $(awk -v a="$T1" -v b="$WALL" 'BEGIN {printf "%.2f", a/b}')x"

echo "what a second thread buys on this machine (independent work, 1 vs 2 threads; the ceiling of batch scaling):"
java -cp "$CP" org.ceusperfusion.io.BenchCoreScaling "$LOOP" 150

echo "per-stage breakdown (Java, this machine):"
java ${CEUS_JAVA_OPTS:-$(sed -n 's/^default_opts=//p' "$ROOT/ceus" | tr -d '"')} -cp "$CP" \
    org.ceusperfusion.io.AnalyzeStages "$LOOP" "$ROI"
