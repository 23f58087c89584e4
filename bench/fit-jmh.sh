#!/bin/sh
# JMH: fits per second of our LM vs Commons Math 3's LM (same analytic Jacobian), 200 and 1000 samples.
# Usage: bench/fit-jmh.sh [JMH options, e.g. -p model=lognormal,gamma -wi 2 -i 3]
# Needs the `bench` Maven profile (jmh-core 1.37 + annotation processor); `mvn verify` never runs it.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests test-compile
mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -cp "$CP" org.openjdk.jmh.Main 'org.ceusperfusion.maps.FitBenchmark' "$@"
