package io.complaintmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.complaintmonitor.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} and the {@code Dockerfile} cannot be run here (no Docker engine, in
 * CI or on the development machines), so this checks everything that can be checked without one:
 * the YAML parses, images are pinned, start-up order is gated on health checks, every mounted
 * file exists, and the monitor is configured only through the variables it documents.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    private static final Path DOCKERIGNORE = ROOT.resolve(".dockerignore");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> HEALTH_CONDITIONS = Set.of("service_healthy", "service_completed_successfully");
    private static final String MONITOR = "monitor";
    private static final String JAR = "streams-app/target/complaint-monitor.jar";

    @Test
    void shouldParseWithEveryServiceOfTheStack() throws IOException {
        assertThat(fieldNames(services()))
                .containsExactlyInAnyOrder("kafka", "schema-registry", MONITOR, "simulator", "prometheus", "alertmanager",
                        "grafana");
    }

    @Test
    void shouldPinEveryImageToAVersionTag() throws IOException {
        services().fields().forEachRemaining(service -> {
            JsonNode image = service.getValue().get("image");
            if (image == null) {
                assertThat(service.getValue().has("build")).as(service.getKey() + " has neither image nor build").isTrue();
                return;
            }
            String reference = image.asText();
            if (reference.contains("@sha256:")) {
                return;
            }
            String lastPart = reference.substring(reference.lastIndexOf('/') + 1);
            assertThat(lastPart).as(service.getKey() + " image " + reference + " has a tag").contains(":");
            String tag = lastPart.substring(lastPart.indexOf(':') + 1);
            assertThat(tag).as(service.getKey() + " image " + reference + " is pinned").isNotBlank().isNotEqualTo("latest");
        });
    }

    @Test
    void shouldGiveEveryServiceAHealthcheck() throws IOException {
        services().fields().forEachRemaining(service ->
                assertThat(hasHealthcheck(service.getValue())).as(service.getKey() + " has a healthcheck").isTrue());
    }

    @Test
    void shouldGateEveryDependsOnOnAHealthConditionOfAServiceWithAHealthcheck() throws IOException {
        JsonNode services = services();
        int dependencies = 0;
        for (Map.Entry<String, JsonNode> service : entries(services)) {
            JsonNode dependsOn = service.getValue().get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            assertThat(dependsOn.isObject())
                    .as(service.getKey() + ": depends_on as a list starts services without waiting for health")
                    .isTrue();
            for (Map.Entry<String, JsonNode> dependency : entries(dependsOn)) {
                String what = service.getKey() + " -> " + dependency.getKey();
                assertThat(dependency.getValue().path("condition").asText()).as(what).isIn(HEALTH_CONDITIONS);
                JsonNode target = services.get(dependency.getKey());
                assertThat(target).as(what + ": no such service").isNotNull();
                if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                    assertThat(hasHealthcheck(target)).as(what + ": service_healthy needs a healthcheck").isTrue();
                }
                dependencies++;
            }
        }
        assertThat(dependencies).as("depends_on edges").isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldMountOnlyHostPathsThatExistAndVolumesThatAreDeclared() throws IOException {
        JsonNode compose = compose();
        Set<String> declaredVolumes = compose.has("volumes") ? fieldNames(compose.get("volumes")) : Set.of();
        Map<String, String> binds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> service : entries(compose.get("services"))) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String[] parts = volume.asText().split(":");
                assertThat(parts.length).as(service.getKey() + " volume " + volume).isBetween(2, 3);
                String source = parts[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(ROOT.resolve(source)).as(service.getKey() + " mounts " + source).exists();
                    binds.put(source, parts[1]);
                } else {
                    assertThat(declaredVolumes).as(service.getKey() + " named volume " + source).contains(source);
                }
            }
        }
        assertThat(binds).containsEntry("./grafana/provisioning", "/etc/grafana/provisioning")
                .containsEntry("./grafana/dashboards", "/var/lib/grafana/dashboards")
                .containsEntry("./prometheus/prometheus-compose.yml", "/etc/prometheus/prometheus.yml")
                .containsEntry("./prometheus/rules", "/etc/prometheus/rules")
                .containsEntry("./prometheus/alertmanager.yml", "/etc/alertmanager/alertmanager.yml");
    }

    @Test
    void shouldConfigureTheMonitorOnlyWithDocumentedVariables() throws IOException {
        Map<String, String> environment = monitorEnvironment();
        Set<String> documented = Arrays.stream(ConfigKey.values()).map(ConfigKey::envVar).collect(Collectors.toSet());
        assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
        environment.keySet().forEach(name -> assertThat(documented.contains(name) || name.startsWith(ConfigKey.KAFKA_ENV_PREFIX))
                .as(name + " is one of ConfigKey's variables or a KAFKA_* client setting")
                .isTrue());
    }

    @Test
    void shouldRunTheSimulatorWithOptionsTheSimulateCommandAccepts() throws IOException {
        JsonNode simulator = services().get("simulator");
        List<String> command = new ArrayList<>();
        simulator.get("command").forEach(part -> command.add(part.asText()));
        assertThat(command).first().isEqualTo("simulate");
        // Parsed (not run) by the real command line: a misspelt or removed option fails here.
        var parsed = io.complaintmonitor.cli.Main.commandLine().parseArgs(command.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("simulate");
        assertThat(simulator.get("environment").get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
        assertThat(simulator.get("depends_on").get(MONITOR).get("condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void shouldServeTheMonitorOnTheDefaultHttpPort() throws IOException {
        String port = ConfigKey.HTTP_PORT.defaultValue();
        JsonNode monitor = services().get(MONITOR);
        assertThat(monitorEnvironment().getOrDefault(ConfigKey.HTTP_PORT.envVar(), port)).isEqualTo(port);
        List<String> containerPorts = new ArrayList<>();
        monitor.path("ports").forEach(mapping -> {
            String text = mapping.asText();
            containerPorts.add(text.substring(text.lastIndexOf(':') + 1));
        });
        assertThat(containerPorts).containsExactly(port);
        assertThat(monitor.path("healthcheck").path("test").toString()).contains(":" + port + "/health/ready");
        assertThat(dockerfile()).containsPattern("(?m)^EXPOSE " + port + "$");
    }

    @Test
    void shouldScrapeTheMonitorAndAlertThroughAlertmanagerInsideTheComposeNetwork() throws IOException {
        JsonNode local = YAML.readTree(ROOT.resolve("prometheus/prometheus.yml").toFile());
        JsonNode inCompose = YAML.readTree(ROOT.resolve("prometheus/prometheus-compose.yml").toFile());
        assertThat(inCompose.get("rule_files")).as("same rules as prometheus.yml").isEqualTo(local.get("rule_files"));
        assertThat(inCompose.get("global")).isEqualTo(local.get("global"));
        assertThat(jobNames(inCompose)).isEqualTo(jobNames(local));
        assertThat(inCompose.findValues("targets").toString())
                .contains("\"monitor:" + ConfigKey.HTTP_PORT.defaultValue() + "\"")
                .contains("\"alertmanager:9093\"")
                .doesNotContain("localhost:8080", "localhost:9093");
    }

    @Test
    void shouldPointGrafanaAtThePrometheusServiceWhenTheDatasourceIsProvisioned() throws IOException {
        Path datasources = ROOT.resolve("grafana/provisioning/datasources/prometheus.yml");
        if (!Files.exists(datasources)) {
            return; // provided by the Grafana work on another branch; checked once merged
        }
        for (JsonNode url : YAML.readTree(datasources.toFile()).findValues("url")) {
            assertThat(url.asText()).as(datasources + " url, as seen from the grafana container")
                    .satisfiesAnyOf(u -> assertThat(u).isEqualTo("http://prometheus:9090"),
                            u -> assertThat(u).contains("${"));
        }
    }

    @Test
    void shouldBuildTheShadedJarAndRunItFromWhereItWasCopied() throws IOException {
        String dockerfile = dockerfile();
        assertThat(Files.readString(ROOT.resolve("streams-app/pom.xml")))
                .as("the shade plugin names the jar the Dockerfile copies")
                .contains("<finalName>complaint-monitor</finalName>");
        assertThat(dockerfile).contains("./mvnw -B -q package -DskipTests");

        Matcher buildStage = Pattern.compile("(?m)^FROM (\\S+) AS build$").matcher(dockerfile);
        assertThat(buildStage.find()).as("a build stage").isTrue();
        Matcher workdir = Pattern.compile("(?m)^WORKDIR (\\S+)$").matcher(dockerfile);
        assertThat(workdir.find()).isTrue();
        String buildDir = workdir.group(1);

        Matcher copy = Pattern.compile("(?m)^COPY --from=build (?:--chown=\\S+ )?(\\S+) (\\S+)$").matcher(dockerfile);
        assertThat(copy.find()).as("the runtime stage copies the jar from the build stage").isTrue();
        assertThat(copy.group(1)).isEqualTo(buildDir + "/" + JAR);
        String jarInImage = copy.group(2);

        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[\"java\", (?:\"-XX:\\S+\", )*\"-jar\", \"(\\S+)\"]$")
                .matcher(dockerfile);
        assertThat(entrypoint.find()).as("exec-form ENTRYPOINT running the jar").isTrue();
        assertThat(entrypoint.group(1)).isEqualTo(jarInImage);
        assertThat(dockerfile).containsPattern("(?m)^CMD \\[\"run\"]$");
    }

    @Test
    void shouldTrainTheAheadOfTimeCacheTheEntrypointUsesAsTheBenchmarkDoes() throws IOException {
        String dockerfile = dockerfile().replace("\\\n", " ").replaceAll(" +", " ");
        Matcher training = Pattern.compile("(?m)^RUN java (?:-\\S+ )*-XX:AOTCacheOutput=(\\S+) -jar (\\S+) (demo [^|&;]*?) (?:\\|\\||&&|;)")
                .matcher(dockerfile);
        assertThat(training.find()).as("a training run writing the cache").isTrue();
        String cache = training.group(1);
        String jar = training.group(2);
        String demo = training.group(3).trim();
        assertThat(demo).as("the demo, stopped on its own").contains("--stop-after ").contains("--kafka-port 0");

        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        assertThat(entrypoint.group(1)).as("the cache given to the jar it was trained on")
                .contains("\"-XX:AOTCache=" + cache + "\", \"-jar\", \"" + jar + "\"");

        String benchTraining = Files.readString(ROOT.resolve("bench/aot-train.sh")).replace("\\\n", " ")
                .replaceAll(" +", " ");
        assertThat(benchTraining).as("the benchmark trains its cache the image's way")
                .contains(demo.replace("/tmp/aot-training", "\"$dir/training-data\""));
    }

    @Test
    void shouldSizeTheHeapAndChooseTheCollectorTheBenchmarkMeasured() throws IOException {
        Matcher options = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"$").matcher(dockerfile());
        assertThat(options.find()).as("JVM options the JVM reads without a shell: JAVA_TOOL_OPTIONS").isTrue();
        List<String> flags = List.of(options.group(1).split(" "));
        assertThat(flags).as("a deliberate heap, as the memory benchmark runs the monitor")
                .anyMatch(flag -> flag.matches("-Xmx\\d+[mg]"));
        assertThat(flags).as("the collector the throughput benchmark measured").contains("-XX:+UseParallelGC");
        assertThat(Files.readString(ROOT.resolve("bench/run.sh"))).contains("-XX:+UseParallelGC");
    }

    @Test
    void shouldRunAsANonRootUserWithAHealthcheckItsImageCanExecute() throws IOException {
        String dockerfile = dockerfile();
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        while (from.find()) {
            assertThat(from.group(1)).as("base image pinned").contains(":").doesNotEndWith(":latest");
        }
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertThat(user.find()).as("a USER instruction").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(dockerfile).contains("HEALTHCHECK").contains("/health/ready");
        assertThat(dockerfile).as("the HEALTHCHECK uses curl, so the runtime stage installs it")
                .containsPattern("apt-get install [^\\n]*curl");
    }

    @Test
    void shouldNotIgnoreAnythingTheBuildStageCopies() throws IOException {
        List<String> ignored = Files.readAllLines(DOCKERIGNORE).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(DockerComposeTest::withoutTrailingSlash).toList();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) \\S+$").matcher(dockerfile());
        int sources = 0;
        while (copy.find()) {
            for (String source : copy.group(1).trim().split("\\s+")) {
                String path = withoutTrailingSlash(source);
                assertThat(ROOT.resolve(path)).as("COPY source " + path).exists();
                assertThat(ignored).as(".dockerignore hides COPY source " + path)
                        .noneMatch(pattern -> path.equals(pattern) || path.startsWith(pattern + "/"));
                sources++;
            }
        }
        assertThat(sources).isGreaterThanOrEqualTo(5);
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(COMPOSE.toFile());
    }

    private static JsonNode services() throws IOException {
        JsonNode services = compose().get("services");
        assertThat(services).as("services in " + COMPOSE).isNotNull();
        return services;
    }

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKERFILE);
    }

    private static Map<String, String> monitorEnvironment() throws IOException {
        JsonNode environment = services().get(MONITOR).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            entries(environment).forEach(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        }
        return variables;
    }

    private static boolean hasHealthcheck(JsonNode service) {
        JsonNode healthcheck = service.get("healthcheck");
        if (healthcheck == null || healthcheck.path("disable").asBoolean(false)) {
            return false;
        }
        JsonNode test = healthcheck.path("test");
        return test.isTextual() ? !test.asText().isBlank() : test.size() > 1 && !"NONE".equals(test.get(0).asText());
    }

    private static List<String> jobNames(JsonNode prometheusConfig) {
        List<String> names = new ArrayList<>();
        prometheusConfig.path("scrape_configs").forEach(job -> names.add(job.path("job_name").asText()));
        return names;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static Set<String> fieldNames(JsonNode object) {
        return entries(object).stream().map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
