#!/bin/sh
# Whole-process speed of `ceus map` against a naive per-pixel SciPy curve_fit, on the same generated loop,
# in the same run. Prints pixels/s of both and the ratio, and the accuracy of the map (rim/core PE, TTP).
#
# Usage: bench/map-vs-scipy.sh [WORKDIR] [SEED] [SCIPY_PIXELS]
#   WORKDIR       where the loop and outputs go (default: a new temporary folder)
#   SEED          seed of the benchmark loop (default 14)
#   SCIPY_PIXELS  size of the seeded random pixel subset SciPy fits (default 300); its rate is
#                 extrapolated to the whole frame (SciPy's per-pixel cost does not depend on the others)
#
# The loop (org.ceusperfusion.maps.MapBenchmarkLoop): 160x120 px, 720 frames at 8 frames/s, day-14-like
# tumour whose necrotic core is half its area. `ceus map` is timed from `java -jar` to its exit (JVM start,
# TIFF reading, fitting every pixel, writing all files), once with the defaults and once with
# --frame-bin 1 (every frame fitted, like SciPy): with plain `java -jar`, and with the JVM options the
# `./ceus` launcher passes (its default_opts, or $CEUS_JAVA_OPTS as there), which is what a user runs, and
# with those options plus the launcher's class-data-sharing archive (the one the build made beside the jar,
# target/cds, when it belongs to JAR and this java, as `./ceus map` uses it; otherwise one created here, in
# WORKDIR, by one untimed first run, as `./ceus` creates it in the user's cache on a command's first call):
# what `./ceus map` runs from its second call on (from its first with the build's archive).
#
# Every row also gives the CPU time (user + sys) of the `ceus map` process and its ratio to SciPy's CPU time per
# pixel: on a shared, loaded machine the wall-clock ratio follows whoever else is running (SciPy's single
# thread suffers more than the two map threads), the CPU ratio much less.
#
# Environment: JAR (the CLI jar), BENCH_SIZE="W H FRAMES" (a larger loop, e.g. "400 300 1200"),
# BENCH_REPEAT (runs of each `ceus map`, the fastest counts; default 1), BENCH_JAVA_OPTS (JVM options of an
# extra pair of runs, e.g. "-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1", to measure a launcher change).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d)}
SEED=${2:-14}
NPIX=${3:-300}
JAR=${JAR:-"$ROOT/target/ceus-perfusion-cli-0.1.0.jar"}
if [ ! -f "$JAR" ]; then
    (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
mkdir -p "$WORK"
# BENCH_SIZE="400 300 1200" generates a realistic-size loop (contrast panel 400x300, 1200 frames) instead
java -cp "$JAR" org.ceusperfusion.maps.MapBenchmarkLoop "$WORK" "$SEED" ${BENCH_SIZE:-} >/dev/null
LOOP="$WORK/map-bench.tif"
PIXELS=$(head -1 "$WORK/map-bench.times.txt" | awk '{print $1*$2}')

REPEAT=${BENCH_REPEAT:-1}
THP_OPTS=
case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)" in   # as ./ceus decides
  *"[madvise]"*|*"[always]"*) THP_OPTS=$(sed -n 's/^thp_opts="\(.*\)"$/\1/p' "$ROOT/ceus") ;;
esac
LAUNCH_OPTS=${CEUS_JAVA_OPTS-"$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$ROOT/ceus") $(sed -n 's/^map_opts="\(.*\)"$/\1/p' "$ROOT/ceus" | head -n 1) $THP_OPTS"}
CDS_QUIET=$(sed -n 's/^cds_quiet="\(.*\)"$/\1/p' "$ROOT/ceus")
CDS_ARCHIVE="$WORK/ceus-map.jsa"

time_map() { # $1 = JVM options, $2 = output folder, rest = map options; prints "WALL CPU" (s) of the fastest
    opts=$1; out=$2; shift 2   # of $REPEAT runs (wall), CPU = user + sys of the java process
    best=""
    i=0
    while [ "$i" -lt "$REPEAT" ]; do
        # shellcheck disable=SC2086
        run=$(python3 -c '
import os, subprocess, sys, time
t0 = time.time()
subprocess.run(sys.argv[1:], check=True)
r = os.times()
print(f"{time.time() - t0:.3f} {r.children_user + r.children_system:.3f}")' \
            java $opts -jar "$JAR" map "$LOOP" --params PE,AUC,TTP,mTT --quiet --out "$out" "$@")
        best=$(python3 -c "b='$best'.split(); r='$run'.split(); print(' '.join(r) if not b or float(r[0]) < float(b[0]) else ' '.join(b))")
        i=$((i + 1))
    done
    echo "$best"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); python: $(python3 -c 'import sys,scipy,numpy; print(sys.version.split()[0], "scipy", scipy.__version__, "numpy", numpy.__version__)')"
echo "loop: $LOOP ($PIXELS pixels, $(head -1 "$WORK/map-bench.times.txt" | awk '{print $3}') frames)"

echo "launcher JVM options: ${LAUNCH_OPTS:-none}; runs per configuration: $REPEAT (fastest counts)"

S_MAP=$(time_map "" "$WORK/map-auto")
S_LAUNCH=$(time_map "$LAUNCH_OPTS" "$WORK/map-auto-launcher")
SCIPY=$(python3 "$ROOT/bench/scipy_per_pixel.py" "$WORK" "$NPIX" 1)
S_MAP1=$(time_map "" "$WORK/map-every-frame" --frame-bin 1)
S_LAUNCH1=$(time_map "$LAUNCH_OPTS" "$WORK/map-every-frame-launcher" --frame-bin 1)
S_CDS="0 0"
S_CDS1="0 0"
# The archive the build made for `./ceus map` (target/cds, src/build/map-cds-archive.sh) when it belongs to
# this jar and this java, as ./ceus checks; otherwise a per-user archive as ./ceus makes on a first call.
JAVA_REAL=$(readlink -f "$(command -v java)" 2>/dev/null || true)
JAR_KEY=$(stat -c '%s-%Y' "$JAR" "$JAVA_REAL" 2>/dev/null | tr '\n' '-' || true)
BUILD_KEY=$(cat "$ROOT/target/cds/map.key" 2>/dev/null || true)
if [ -n "$CDS_QUIET" ] && [ -f "$ROOT/target/cds/map.jsa" ] && [ "$BUILD_KEY" = "$JAR ${JAR_KEY%-}" ]; then
    CDS_ARCHIVE="$ROOT/target/cds/map.jsa"
    echo "launcher class-data-sharing archive: the build's ($CDS_ARCHIVE, $(du -h "$CDS_ARCHIVE" | cut -f1))"
elif [ -n "$CDS_QUIET" ]; then
    rm -f "$CDS_ARCHIVE"
    S_DUMP=$(time_map "$LAUNCH_OPTS $CDS_QUIET -XX:ArchiveClassesAtExit=$CDS_ARCHIVE" "$WORK/map-auto-cds-dump")
    echo "launcher class-data-sharing archive: first run (creates it) $(echo "$S_DUMP" | cut -d' ' -f1) s; $(du -h "$CDS_ARCHIVE" | cut -f1)"
fi
if [ -n "$CDS_QUIET" ]; then
    S_CDS=$(time_map "$LAUNCH_OPTS $CDS_QUIET -XX:SharedArchiveFile=$CDS_ARCHIVE" "$WORK/map-auto-cds")
    S_CDS1=$(time_map "$LAUNCH_OPTS $CDS_QUIET -XX:SharedArchiveFile=$CDS_ARCHIVE" "$WORK/map-every-frame-cds" --frame-bin 1)
fi
S_EXTRA="0 0"
S_EXTRA1="0 0"
if [ -n "${BENCH_JAVA_OPTS:-}" ]; then
    S_EXTRA=$(time_map "$BENCH_JAVA_OPTS" "$WORK/map-auto-extra")
    S_EXTRA1=$(time_map "$BENCH_JAVA_OPTS" "$WORK/map-every-frame-extra" --frame-bin 1)
fi

SCIPY_RATE=$(echo "$SCIPY" | sed 's/.* pixels_per_s=\([0-9.]*\).*/\1/')
SCIPY_CPU_RATE=$(echo "$SCIPY" | sed -n 's/.* cpu_rate=\([0-9.]*\).*/\1/p')
python3 - "$PIXELS" "$SCIPY_RATE" "${SCIPY_CPU_RATE:-0}" "${BENCH_JAVA_OPTS:-}" "$S_MAP" "$S_MAP1" "$S_LAUNCH" \
    "$S_LAUNCH1" "$S_CDS" "$S_CDS1" "$S_EXTRA" "$S_EXTRA1" <<'PY'
import sys
pixels, scipy, scipy_cpu, extra = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
s = [tuple(float(x) for x in v.split()) for v in sys.argv[5:13]]
names = ("java -jar, defaults (--frame-bin auto)", "java -jar, --frame-bin 1", "launcher options, defaults",
         "launcher options, --frame-bin 1", "launcher options + CDS archive (./ceus map), defaults",
         "launcher options + CDS archive (./ceus map), --frame-bin 1", f"[{extra}], defaults",
         f"[{extra}], --frame-bin 1")
for name, (sec, cpu) in zip(names, s):
    if sec > 0:
        rate = pixels / sec
        line = f"ceus map, {name}: {sec:.2f} s whole process, {rate:.0f} pixels/s, ratio to SciPy {rate / scipy:.0f}x"
        if scipy_cpu > 0 and cpu > 0:
            line += f"; {cpu:.2f} CPU-s, CPU ratio {pixels / cpu / scipy_cpu:.0f}x"
        print(line)
print(f"scipy curve_fit per pixel: {scipy:.1f} pixels/s (extrapolated: whole frame would take {pixels / scipy:.0f} s)"
      + (f", {scipy_cpu:.1f} pixels per CPU-s" if scipy_cpu > 0 else ""))
PY
echo "scipy: $SCIPY"
echo "map.json (defaults): $(python3 -c "import json,sys; d=json.load(open('$WORK/map-auto/map.json')); print('fits', d['fits'], 'seconds', round(d['seconds'],2), 'fitsPerSecond', round(d['fitsPerSecond']), 'threads', d['threads'], 'frameBin', d['settings']['frameBin'])")"
echo "accuracy (defaults):     $(java -cp "$JAR" org.ceusperfusion.maps.MapBenchmarkLoop check "$WORK/map-auto" "$SEED")"
echo "accuracy (--frame-bin 1): $(java -cp "$JAR" org.ceusperfusion.maps.MapBenchmarkLoop check "$WORK/map-every-frame" "$SEED")"
