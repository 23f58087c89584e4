#!/bin/sh
# Coverage of the 95 % intervals through the command line (issue 12), as a user meets them: realistic
# baseline/follow-up pairs written as DICOM with their truth (org.ceusperfusion.synth.CoverageSurvey write),
# analysed and compared by `ceus batch --threads 2`, then scored against the truth (CoverageSurvey score):
# the share of single-exam and change intervals of PE, AUC, TTP and mTT that contain the truth, and their
# median half-widths. Not a timing: run it on any machine.
#
# Usage: bench/coverage-cli.sh [WORKDIR] [PAIRS] [SEED]
#   WORKDIR  where loops and outputs go (default: a new temporary folder); needs ~12 MB per exam
#   PAIRS    baseline/follow-up pairs per case (default 40)
#   SEED     first seed (default 71000); the control uses SEED + 500000
# Cases: bubble speckle decorrelating over 1 s (realistic defaults: multiplicative noise, 5 % gain drift over 5 s),
# the control (speckle independent in every frame, nothing else), and the realistic case on a tumour whose pixels
# start spread over ±4 s (onset-spread; SEED + 250000).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d)}
PAIRS=${2:-40}
SEED=${3:-71000}
JAR=${JAR:-"$ROOT/target/ceus-perfusion-cli-0.1.0.jar"}
if [ ! -f "$JAR" ]; then
    (cd "$ROOT" && mvn -q -B -DskipTests package)
fi
for case in "realistic 1.0 $SEED standard" "control 0 $((SEED + 500000)) standard" \
        "onset-spread 1.0 $((SEED + 250000)) onset-spread"; do
    set -- $case
    dir="$WORK/$1"
    rm -rf "$dir"
    java -cp "$JAR" org.ceusperfusion.synth.CoverageSurvey write "$dir" "$PAIRS" "$3" "$2" "$4"
    echo "== $1"
    (cd "$dir" && java -Xmx1g -jar "$JAR" batch manifest.csv --threads 2 --out out --quiet >batch.log 2>&1) || true
    java -cp "$JAR" org.ceusperfusion.synth.CoverageSurvey score "$dir"
done
