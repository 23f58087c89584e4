#!/bin/sh
# The map's per-pixel fit path of two builds, A/B in one JVM (same load for both): CPU-s per pass and B/A ratio.
#
# Usage: bench/fit-path-ab.sh JAR_A JAR_B [PAIRS] [JVM options...]
#   JAR_A, JAR_B  two CLI jars (e.g. main's and a branch's target/ceus-perfusion-cli-0.1.0.jar)
#   PAIRS         alternated measured pairs after 6 warm-up pairs (default 8)
#   JVM options   e.g. -XX:TieredStopAtLevel=1 (what ./ceus map passes) or nothing (C2)
set -eu
A=$1; B=$2; PAIRS=${3:-8}; shift 2
if [ $# -gt 0 ]; then shift; fi
DIR=$(mktemp -d)
javac -d "$DIR" -cp "$B" "$(dirname "$0")/FitPathAB.java"
java -XX:+UseSerialGC "$@" -cp "$DIR:$B" FitPathAB "$A" "$B" "$DIR" "$PAIRS"
rm -rf "$DIR"
