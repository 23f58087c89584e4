#!/bin/sh
# Build-time class-data-sharing archive for `./ceus map`; Maven runs it in the package phase, after the CLI
# jar is made. It never fails the build: on any error it leaves no archive, and ./ceus then keeps its own
# per-user archive as before.
#
# Usage: sh src/build/map-cds-archive.sh JAR LOOP OUTDIR
#
# Runs `map` once on LOOP with the launcher's JVM options for `map`, recording the classes it loads
# (-XX:DumpLoadedClassList), and dumps those classes into OUTDIR/map.jsa (-Xshare:dump). Unlike the dynamic
# archive ./ceus writes on a command's first call, a static archive also holds picocli's Java 5 class files
# (mapped, already verified, instead of read from the jar and checked by the old verifier on every run).
# The archive is checked with -Xshare:on; then OUTDIR/map.key gets the jar's path and the jar's and the
# java binary's size and time stamp, as ./ceus computes them, and ./ceus map uses the archive only while
# its own key is the same (this jar, this java). The JVM's dump messages go to OUTDIR/map-cds.log.
set -u
jar=$1
loop=$2
out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" 2>/dev/null
mkdir -p "$out" 2>/dev/null || exit 0
java_bin=$(command -v java 2>/dev/null) || exit 0
java_real=$(readlink -f "$java_bin" 2>/dev/null || echo "$java_bin")
key=$(stat -c '%s-%Y' "$jar" "$java_real" 2>/dev/null | tr '\n' '-') || exit 0
[ -n "$key" ] || exit 0
launcher_opt() {   # the value of the first NAME="..." in ./ceus (later lines only append to it)
    sed -n "s/^$1=\"\\(.*\\)\"\$/\\1/p" "$root/ceus" | head -n 1
}
opts="$(launcher_opt default_opts) $(launcher_opt map_opts)"
log=$out/map-cds.log
# shellcheck disable=SC2086
if java $opts -XX:DumpLoadedClassList="$out/map.classlist" -jar "$jar" map "$loop" --quiet --out "$out/run" \
        >"$log" 2>&1 \
    && java $opts -Xshare:dump -XX:SharedClassListFile="$out/map.classlist" -XX:SharedArchiveFile="$out/map.jsa" \
        -cp "$jar" >>"$log" 2>&1 \
    && java $opts -Xshare:on -XX:SharedArchiveFile="$out/map.jsa" -cp "$jar" -version >>"$log" 2>&1; then
    printf '%s %s\n' "$jar" "${key%-}" >"$out/map.key"
else
    rm -f "$out/map.jsa" "$out/map.key"
fi
rm -rf "$out/run" "$out/map.classlist"
exit 0
