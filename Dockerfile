# complaint-monitor: build the shaded jar, then run it on a JRE as a non-root user.
#   docker build -t complaint-monitor .
#   docker run -p 8080:8080 -e KAFKA_BOOTSTRAP_SERVERS=... -e SCHEMA_REGISTRY_URL=... complaint-monitor
# Not built by CI (no Docker engine there); DockerComposeTest checks what it can without one.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
# The wrapper and poms first, so the dependency download is cached apart from source changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY streams-app/pom.xml streams-app/pom.xml
COPY bench/pom.xml bench/pom.xml
COPY schemas/ schemas/
COPY streams-app/src/ streams-app/src/
COPY bench/src/ bench/src/
RUN chmod +x mvnw && ./mvnw -B -q package -DskipTests \
    && test -f streams-app/target/complaint-monitor.jar

# Built for Java 17 (the build stage above), run on Java 25: in the end-to-end benchmark the same
# jar's stream thread spent 10 to 26 % less CPU an event on Temurin 25 than on OpenJDK 17 (the
# README's "Java version").
FROM eclipse-temurin:25-jre
# curl for the HEALTHCHECK below; installed explicitly rather than relying on the base image's packages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 monitor \
    && useradd --system --uid 10001 --gid monitor --home-dir /app --shell /usr/sbin/nologin monitor \
    && mkdir -p /app /var/lib/complaint-monitor/streams \
    && chown -R monitor:monitor /app /var/lib/complaint-monitor
WORKDIR /app
COPY --from=build --chown=monitor:monitor /src/streams-app/target/complaint-monitor.jar /app/complaint-monitor.jar
# The heap sized deliberately (1,000,000 tracked complaints used at most 319 MiB of it; RocksDB's
# memory is bounded apart, by rocksdb.memory.mb) and the throughput collector: the parallel
# collector passed 7 to 20 % more events a second than G1 in the benchmark. RocksDB loads its
# native library: allowed outright, so Java 25 does not warn about it. Override with -e.
ENV JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED"
# RocksDB state outside the working directory, so a volume can keep it across restarts.
ENV MONITOR_STATE_DIR=/var/lib/complaint-monitor/streams
USER monitor
# Java 25's ahead-of-time cache (JEPs 483 and 515): the classes loaded and linked, and the methods'
# profiles, of a training run, so a started or restarted monitor runs compiled code sooner (the
# README's "Performance"). The training run is the demo on its embedded broker, stopped cleanly by
# --stop-after; bench/aot-train.sh trains the benchmark's cache with the same command. A JVM whose
# cache is missing or does not match its jar or java logs an error and runs without one, so a
# failed training costs the image its head start, not its build.
RUN java -Xmx1g -XX:AOTCacheOutput=/app/complaint-monitor.aot -jar /app/complaint-monitor.jar demo --fresh \
        --data-dir /tmp/aot-training --kafka-port 0 --http-port 0 --homes 300000 --stop-after 20 \
        || echo "AOT training failed: the monitor will start without its ahead-of-time cache"; \
    rm -rf /tmp/aot-training
EXPOSE 8080
# Ready = Kafka Streams RUNNING (503 otherwise). Follows MONITOR_HTTP_PORT when it is changed.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD curl -fsS "http://localhost:${MONITOR_HTTP_PORT:-8080}/health/ready" > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/complaint-monitor.aot", "-jar", "/app/complaint-monitor.jar"]
CMD ["run"]
