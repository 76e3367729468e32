#!/usr/bin/env bash
# Makes (or reuses) an ahead-of-time cache for the monitor's jar, as the Docker image does: a
# training run of the demo (broker, registry, monitor and a year of a simulated landlord's history
# in one JVM), stopped cleanly by --stop-after, writes the cache as the JVM exits (Java 25,
# JEPs 483 and 515: classes loaded and linked, and method profiles). Prints the cache's path.
#   bench/aot-train.sh JAVA APP_JAR DIR
# The cache is kept in DIR and made again when the jar or the java changes, or when the JVM itself
# refuses it: it also checks the jar's timestamp, so a rebuild that leaves the jar's bytes as they
# were (the build is reproducible) still needs a new cache. A JVM given a cache it cannot use would
# otherwise log it and run without one, and a run would claim a cache it did not have.
set -euo pipefail
java=$1 app=$2 dir=$3
mkdir -p "$dir"
cache="$dir/complaint-monitor.aot"
stamp="$dir/complaint-monitor.aot.made-by"
made_by="$("$java" -version 2>&1 | tr '\n' ' ') $(cksum < "$app")"
usable() { "$java" -XX:AOTCache="$cache" -XX:AOTMode=on -cp "$app" -version > /dev/null 2>&1; }
if [[ -f "$cache" && -f "$stamp" && "$(cat "$stamp")" == "$made_by" ]] && usable; then
    echo "$cache"
    exit 0
fi
rm -f "$cache" "$stamp"
echo "training an AOT cache for $app (about a minute; log $dir/training.log)" >&2
# The image's training command (Dockerfile), with any free ports and a data directory of its own.
"$java" -Xmx1g -XX:+UseParallelGC -XX:AOTCacheOutput="$cache" -jar "$app" demo --fresh \
    --data-dir "$dir/training-data" --kafka-port 0 --http-port 0 --homes 300000 --stop-after 20 \
    > "$dir/training.log" 2>&1
rm -rf "$dir/training-data"
[[ -s "$cache" ]] || { echo "no AOT cache was written; see $dir/training.log" >&2; exit 1; }
usable || {
    echo "the JVM refuses the AOT cache it has just written, $cache; its reason:" >&2
    "$java" -XX:AOTCache="$cache" -XX:AOTMode=on -cp "$app" -version >&2 || true
    exit 1
}
echo "$made_by" > "$stamp"
echo "$cache"
