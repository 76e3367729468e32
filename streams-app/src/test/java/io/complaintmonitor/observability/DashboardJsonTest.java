package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards in {@code ../grafana/dashboards} follow the house conventions (STYLE.md
 * point 9, the strimzi dashboards): a fixed human-readable uid, the datasource as a template
 * variable used by every panel, query and other template variable (landlord, category, contractor:
 * {@code label_values} queries, each used by a panel), modern panel types, a unit and a
 * description on every panel, no refresh faster than 30 s and no export residue.
 * {@link DashboardQueriesIT} proves the queries against a real Prometheus.
 */
class DashboardJsonTest {

    static final Path GRAFANA = Path.of("..", "grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "table", "row", "bargauge");
    private static final Pattern UID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)+");
    private static final Pattern REFRESH = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Set<String> QUERY_VARIABLES = Set.of("__rate_interval", "__interval");
    private static final String DATASOURCE = "${datasource}";
    /** The one kind of variable query used: label_values(metric{selector}, label). */
    static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+(?:\\{[^}]*\\})?), *(\\w+)\\)");

    @Test
    void shouldHaveExactlyTheLiveOversightBreachesAndMrcQuarterlyDashboardsWithTheirFixedUids() throws Exception {
        Map<String, Path> byUid = new TreeMap<>();
        for (Path file : dashboardFiles()) {
            String uid = read(file).path("uid").asText();
            assertThat(uid).as(file + " uid").matches(UID);
            assertThat(byUid.put(uid, file)).as("uid " + uid + " used twice").isNull();
        }
        assertThat(byUid).containsOnlyKeys("complaints-live-oversight", "complaints-breaches",
                "complaints-mrc-quarterly");
    }

    @Test
    void shouldRefreshNoFasterThanThirtySecondsAndUseSchemaVersion39() throws Exception {
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = read(file);
            assertThat(dashboard.path("schemaVersion").asInt()).as(file + " schemaVersion").isEqualTo(39);
            Matcher refresh = REFRESH.matcher(dashboard.path("refresh").asText());
            assertThat(refresh.matches()).as(file + " refresh " + dashboard.path("refresh")).isTrue();
            Duration every = Duration.ofSeconds(Long.parseLong(refresh.group(1)) * switch (refresh.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> 86_400;
            });
            assertThat(every).as(file + " refresh").isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldOfferThePrometheusDatasourceAsATemplateVariable() throws Exception {
        for (Path file : dashboardFiles()) {
            List<JsonNode> variables = new ArrayList<>();
            read(file).path("templating").path("list").forEach(variables::add);
            assertThat(variables).as(file + " template variables").anySatisfy(variable -> {
                assertThat(variable.path("name").asText()).isEqualTo("datasource");
                assertThat(variable.path("type").asText()).isEqualTo("datasource");
                assertThat(variable.path("query").asText()).isEqualTo("prometheus");
            });
        }
    }

    @Test
    void shouldQueryEveryOtherTemplateVariableFromTheDatasourceVariableAndUseItInSomePanel() throws Exception {
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = read(file);
            String exprs = panels(dashboard).stream().flatMap(p -> toList(p.path("targets")).stream())
                    .map(t -> t.path("expr").asText()).reduce("", String::concat);
            for (JsonNode variable : queryVariables(dashboard)) {
                String name = file.getFileName() + " variable " + variable.path("name").asText();
                assertThat(variable.path("datasource").path("uid").asText()).as(name + " datasource")
                        .isEqualTo(DATASOURCE);
                assertThat(variableQuery(variable)).as(name + " query").matches(LABEL_VALUES);
                assertThat(variable.path("description").asText()).as(name + " description").isNotBlank();
                assertThat(variable.path("refresh").asInt()).as(name + " refreshed on load or time change")
                        .isPositive();
                if (variable.path("includeAll").asBoolean()) {
                    assertThat(variable.path("allValue").asText()).as(name + " allValue (a regex, not a list)")
                            .isEqualTo(".*");
                }
                assertThat(exprs).as(name + " used").contains("$" + variable.path("name").asText());
            }
        }
    }

    @Test
    void shouldGiveEveryPanelAStableIdAModernTypeADescriptionAUnitAndTheDatasourceVariable() throws Exception {
        for (Path file : dashboardFiles()) {
            Set<String> defined = new HashSet<>(QUERY_VARIABLES);
            queryVariables(read(file)).forEach(v -> defined.add(v.path("name").asText()));
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels(read(file))) {
                String name = file.getFileName() + " panel \"" + panel.path("title").asText() + "\"";
                assertThat(panel.path("id").isInt()).as(name + " id").isTrue();
                assertThat(ids.add(panel.path("id").asInt())).as(name + " id unique").isTrue();
                assertThat(panel.path("title").asText()).as(name + " title").isNotBlank();
                assertThat(panel.path("type").asText()).as(name + " type").isIn(PANEL_TYPES);
                assertThat(panel.path("description").asText()).as(name + " description").isNotBlank();
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as(name + " unit")
                        .isNotBlank();
                assertThat(panel.path("datasource").path("uid").asText()).as(name + " datasource")
                        .isEqualTo(DATASOURCE);
                assertThat(panel.path("targets")).as(name + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).as(name + " target datasource")
                            .isEqualTo(DATASOURCE);
                    String expr = target.path("expr").asText();
                    assertThat(expr).as(name + " expr").isNotBlank();
                    Matcher variable = VARIABLE.matcher(expr);
                    while (variable.find()) {
                        assertThat(variable.group(1)).as(name + " variable in " + expr).isIn(defined);
                    }
                }
            }
        }
    }

    @Test
    void shouldCarryNoExportResidue() throws Exception {
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = read(file);
            assertThat(dashboard.findValues("pluginVersion")).as(file + " pluginVersion").isEmpty();
            assertThat(dashboard.has("id") && !dashboard.path("id").isNull()).as(file + " instance id").isFalse();
            assertThat(dashboard.has("__inputs")).as(file + " __inputs").isFalse();
            for (JsonNode thresholds : dashboard.findValues("thresholds")) {
                assertThat(thresholds.toString()).as(file + " Grafana's default thresholds (green, red at 80)")
                        .doesNotContain("{\"color\":\"red\",\"value\":80}");
            }
        }
    }

    @Test
    void shouldProvisionThePrometheusDatasourceAndLoadTheDashboardsFolder() throws Exception {
        JsonNode datasource = YAML.readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        assertThat(datasource.path("uid").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode provider = YAML.readTree(GRAFANA.resolve("provisioning/dashboards/complaint-monitor.yml").toFile())
                .path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText()).isNotBlank();
    }

    static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("dashboards in " + DASHBOARDS).isNotEmpty();
            return json;
        }
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The dashboard's template variables of type query (the datasource variable is not one). */
    static List<JsonNode> queryVariables(JsonNode dashboard) {
        return toList(dashboard.path("templating").path("list")).stream()
                .filter(v -> v.path("type").asText().equals("query")).toList();
    }

    /** A query variable's PromQL: {@code label_values(metric{selector}, label)}. */
    static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isTextual() ? query.asText() : query.path("query").asText();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Every panel, including those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}
