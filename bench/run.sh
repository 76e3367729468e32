#!/usr/bin/env bash
# Issue 6's end-to-end benchmark in one command: builds the app and this module, then runs
# io.complaintmonitor.bench.e2e.EndToEndBenchmark on the app's shaded jar. Options go to the
# benchmark (bench/run.sh --help lists them); see bench/README.md.
#   BENCH_JAVA_OPTS  JVM options of the benchmark process (broker + in-process phases), default
#                    -Xmx3g -XX:+UseParallelGC (the monitor's collector, as the Dockerfile runs it)
#   BENCH_LOG        its log file (default bench/target/e2e-bench.log)
#   BENCH_SKIP_BUILD set to 1 to run what is already built
#   BENCH_JAVA       the java that runs it (default: java on the PATH); the Docker image runs the
#                    monitor on Java 25, so BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#                    measures it as deployed (the memory phase's monitor runs on the same java)
#   BENCH_AOT        on a java with an ahead-of-time cache (25 and later), 1 (the default) runs the
#                    benchmark with one, as the Docker image runs the monitor: trained the image's way
#                    (the demo, stopped by --stop-after; bench/aot-train.sh), once per jar and java, in
#                    bench/target/aot/. 0 runs without
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -pl bench -am package -DskipTests
fi
mkdir -p bench/target
log="${BENCH_LOG:-bench/target/e2e-bench.log}"
java="${BENCH_JAVA:-java}"
app=streams-app/target/complaint-monitor.jar
aot=()
if [[ "${BENCH_AOT:-1}" == 1 && " $* " != *" --help "* ]] \
        && "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    cache=$(bench/aot-train.sh "$java" "$app" bench/target/aot)
    # AOTMode=on: fail rather than run without the cache the results will name.
    aot=(-XX:AOTCache="$cache" -XX:AOTMode=on)
fi
# The app's jar first, as in the cache's training run (a cache needs that class path as a prefix);
# the benchmark's classes in their jar after it (a cache refuses a directory on the class path).
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
exec "$java" ${BENCH_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} "${aot[@]}" \
    -Dlogback.configurationFile=bench/e2e-logback.xml -Dbench.log="$log" \
    -cp "$app:$(ls bench/target/complaint-monitor-bench-*.jar | head -1)" \
    io.complaintmonitor.bench.e2e.EndToEndBenchmark "$@"
