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
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -B -q -pl bench -am package -DskipTests
fi
mkdir -p bench/target
log="${BENCH_LOG:-bench/target/e2e-bench.log}"
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
exec "${BENCH_JAVA:-java}" ${BENCH_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} \
    -Dlogback.configurationFile=bench/e2e-logback.xml -Dbench.log="$log" \
    -cp bench/target/classes:streams-app/target/complaint-monitor.jar \
    io.complaintmonitor.bench.e2e.EndToEndBenchmark "$@"
