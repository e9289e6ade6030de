package org.careweave.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The PrometheusRule's alerts, checked and unit-tested by promtool. promtool reads plain rule files, so the test
 * writes the resource's {@code spec.groups} to one first.
 */
class PrometheusRulesTest {

    static final Path MONITORING = Path.of("..", "kubernetes", "monitoring");
    private static final Path WORK = Path.of("target", "promtool");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode resource;
    private static Promtool promtool;

    @BeforeAll
    static void extractRuleGroups() throws Exception {
        resource = YAML.readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        Files.createDirectories(WORK);
        ObjectNode rules = YAML.createObjectNode();
        rules.set("groups", resource.path("spec").path("groups"));
        YAML.writeValue(WORK.resolve("careweave-rules.yaml").toFile(), rules);
        Files.copy(Path.of("src", "test", "resources", "prometheus-rules-test.yaml"),
                WORK.resolve("prometheus-rules-test.yaml"), StandardCopyOption.REPLACE_EXISTING);
        promtool = Promtool.findOrInstall();
    }

    @Test
    void isAPrometheusRuleWithTheAlertsOpsRelyOn() {
        assertThat(resource.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(resource.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(alertNames()).contains("OutboxEventAgeHigh", "DeadLetterQueueNotEmpty", "CrisisToFlagLatencyHigh",
                "ServiceDown");
        resource.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rule -> {
            assertThat(rule.path("labels").path("severity").asText()).as(rule.path("alert").asText())
                    .isIn("critical", "warning");
            assertThat(rule.path("annotations").path("runbook").asText()).as(rule.path("alert").asText())
                    .startsWith("deploy/kubernetes/README.md#" + rule.path("alert").asText().toLowerCase());
        }));
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool.Result check = promtool.run("check", "rules", WORK.resolve("careweave-rules.yaml").toString());
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void everyAlertPassesItsPromtoolUnitTests() throws Exception {
        Promtool.Result test = promtool.run("test", "rules", WORK.resolve("prometheus-rules-test.yaml").toString());
        assertThat(test.exit()).as(test.output()).isZero();
        String tests = Files.readString(WORK.resolve("prometheus-rules-test.yaml"));
        for (String alert : alertNames()) {
            assertThat(tests).as("a promtool test of " + alert).contains("alertname: " + alert);
        }
    }

    static List<String> alertNames() {
        List<String> names = new ArrayList<>();
        resource.path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> names.add(rule.path("alert").asText())));
        return names;
    }
}
