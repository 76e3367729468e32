package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules, their promtool unit tests and the Alertmanager configuration in
 * {@code ../prometheus} are code: Prometheus' own tools must accept them, and every alert must
 * carry what on-call needs (severity, summary, description, a runbook section) and be tested.
 * The tool checks skip only where promtool or amtool is not installed.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Path.of("..", "prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules");
    private static final Path TESTS = PROMETHEUS.resolve("tests");
    private static final Path RUNBOOK = Path.of("..", "docs", "runbook.md");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+");
    private static final Pattern RECORD_NAME = Pattern.compile("[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*");
    private static final Pattern RUNBOOK_URL = Pattern.compile("https://\\S+/docs/runbook\\.md#([a-z0-9-]+)");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    @Test
    void shouldPassPromtoolCheckConfig() throws Exception {
        Result result = run(tool("promtool", "prometheus"), "check", "config",
                PROMETHEUS.resolve("prometheus.yml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void shouldPassPromtoolCheckRulesForEveryRulesFile() throws Exception {
        String promtool = tool("promtool", "prometheus");
        List<Path> files = yamlFiles(RULES);
        assertThat(files).as("rule files in " + RULES).isNotEmpty();
        for (Path file : files) {
            Result result = run(promtool, "check", "rules", file.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).as(file.toString()).containsPattern("SUCCESS: \\d+ rules found");
        }
    }

    @Test
    void shouldPassEveryPromtoolRuleUnitTest() throws Exception {
        String promtool = tool("promtool", "prometheus");
        List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
        yamlFiles(TESTS).forEach(file -> command.add(file.toString()));
        assertThat(command).as("promtool test files in " + TESTS).hasSizeGreaterThan(3);
        Result result = run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void shouldPassAmtoolCheckConfig() throws Exception {
        Result result = run(tool("amtool", "prometheus-alertmanager"), "check-config",
                PROMETHEUS.resolve("alertmanager.yml").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").contains("3 receivers");
    }

    @Test
    void shouldRouteCriticalToOnCallWarningToTheTeamAndInfoToTheLowPriorityReceiver() throws Exception {
        String amtool = tool("amtool", "prometheus-alertmanager");
        String config = "--config.file=" + PROMETHEUS.resolve("alertmanager.yml");
        for (String[] route : new String[][] {
                {"critical", "oncall-pager"}, {"warning", "complaints-team"}, {"info", "low-priority"}}) {
            Result result = run(amtool, "config", "routes", "test", config, "--verify.receivers=" + route[1],
                    "severity=" + route[0], "alertname=ComplaintMonitorDown");
            assertThat(result.exitCode()).as(route[0] + ": " + result.output()).isZero();
            assertThat(result.output()).contains(route[1]);
        }
    }

    @Test
    void shouldGiveEveryAlertASeveritySummaryDescriptionAndARunbookSectionThatExists() throws IOException {
        Set<String> anchors = runbookAnchors();
        List<JsonNode> alerts = alertingRules();
        assertThat(alerts).isNotEmpty();
        for (JsonNode rule : alerts) {
            String name = rule.path("alert").asText();
            assertThat(name).as("alert name in PascalCase").matches(ALERT_NAME);
            assertThat(rule.path("for").asText()).as(name + " for:").isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).as(name + " severity").isIn(SEVERITIES);
            JsonNode annotations = rule.path("annotations");
            assertThat(annotations.path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(annotations.path("description").asText()).as(name + " description")
                    .contains("{{ $value");
            String url = annotations.path("runbook_url").asText();
            Matcher matcher = RUNBOOK_URL.matcher(url);
            assertThat(matcher.matches()).as(name + " runbook_url " + url).isTrue();
            assertThat(anchors).as(name + " runbook section in " + RUNBOOK).contains(matcher.group(1));
        }
    }

    @Test
    void shouldTestEveryAlertFiringAndNotFiring() throws IOException {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (Path file : yamlFiles(TESTS)) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("tests")) {
                for (JsonNode test : group.path("alert_rule_test")) {
                    String name = test.path("alertname").asText();
                    (test.path("exp_alerts").isEmpty() ? silent : firing).add(name);
                }
            }
        }
        for (JsonNode rule : alertingRules()) {
            String name = rule.path("alert").asText();
            assertThat(firing).as(name + " has a promtool case where it fires").contains(name);
            assertThat(silent).as(name + " has a promtool case where it does not fire").contains(name);
        }
    }

    @Test
    void shouldNameAndTestEveryRecordingRuleAsLevelMetricOperations() throws IOException {
        StringBuilder testedExpressions = new StringBuilder();
        for (Path file : yamlFiles(TESTS)) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("tests")) {
                group.path("promql_expr_test").forEach(test -> testedExpressions.append(test.path("expr").asText()).append('\n'));
            }
        }
        List<String> records = new ArrayList<>();
        for (JsonNode rule : rules()) {
            if (rule.has("record")) {
                records.add(rule.path("record").asText());
            }
        }
        assertThat(records).isNotEmpty();
        for (String record : records) {
            assertThat(record).matches(RECORD_NAME);
            assertThat(testedExpressions.toString()).as(record + " has a promql_expr_test").contains(record);
        }
    }

    private static List<JsonNode> alertingRules() throws IOException {
        return rules().stream().filter(rule -> rule.has("alert")).toList();
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        for (Path file : yamlFiles(RULES)) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                group.path("rules").forEach(rules::add);
            }
        }
        return rules;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> runbookAnchors() throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(RUNBOOK, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** The tool's path, or a skipped test naming the Debian package that provides it. */
    private static String tool(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        assumeTrue(false, name + " not found on PATH: install the Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ", as .ci/run does)");
        return name;
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), String.join(" ", command) + "\n"
                + new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
