#!/bin/sh
# A/B of two builds of `ceus analyze` in the same run: alternating rounds of the previous jar (A) and this
# one (B) on the same loop and ROI, each as ./ceus runs it (java -Xmx1g -XX:+UseSerialGC -jar), printing
# wall time, CPU seconds (user + system) and peak RSS from /usr/bin/time, the ratios per round, and
# whether the two wrote the same analysis.json, tic.csv and tic.png (cmp).
#
# Usage: bench/analyze-ab.sh A.jar B.jar LOOP ROI [ROUNDS] [WORKDIR]
#   e.g. git stash; ./ceus --version; cp target/ceus-perfusion-cli-*.jar /tmp/a.jar; git stash pop; ...
#   bench/analyze-ab.sh /tmp/a.jar target/ceus-perfusion-cli-0.1.0.jar /tmp/ceus-bench/export-800x600x1200.dcm \
#       "tumour=oval:536,200,132,150" 4
# On a loaded machine read the CPU seconds and the same-round ratios, not the wall times.
set -eu
A=$1
B=$2
LOOP=$3
ROI=$4
ROUNDS=${5:-3}
WORK=${6:-${TMPDIR:-/tmp}/ceus-ab}
OPTS=${CEUS_JAVA_OPTS:-"-Xmx1g -XX:+UseSerialGC"}
mkdir -p "$WORK"
# one: LABEL JAR -> "wall cpu rss" of one analyze run into $WORK/LABEL
one() {
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/$1.time" java $OPTS -jar "$2" analyze "$LOOP" --roi "$ROI" \
        --out "$WORK/$1" --quiet > /dev/null
    awk '{printf "%s %.2f %.0f", $1, $2 + $3, $4 / 1024}' "$WORK/$1.time"
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); A=$A B=$B"
r=1
while [ "$r" -le "$ROUNDS" ]; do
    set -- $(one "a$r" "$A")
    aw=$1 ac=$2 am=$3
    set -- $(one "b$r" "$B")
    bw=$1 bc=$2 bm=$3
    differ=""
    for f in analysis.json tic.csv tic.png; do
        cmp -s "$WORK/a$r/$f" "$WORK/b$r/$f" || differ="$differ $f"
    done
    same=${differ:+differ:$differ}
    same=${same:-identical}
    echo "round $r: A ${aw} s / ${ac} CPU-s / ${am} MB, B ${bw} s / ${bc} CPU-s / ${bm} MB;" \
         "A/B wall $(awk -v a="$aw" -v b="$bw" 'BEGIN {printf "%.2f", a/b}'), CPU $(awk -v a="$ac" -v b="$bc" 'BEGIN {printf "%.2f", a/b}');" \
         "outputs $same; load $(cut -d' ' -f1 /proc/loadavg)"
    r=$((r + 1))
done
