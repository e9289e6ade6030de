package org.careweave.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The Grafana dashboard: valid JSON, valid PromQL in every panel (checked by promtool), the metrics ops watch. */
class GrafanaDashboardTest {

    private static final Path WORK = Path.of("target", "promtool");

    @Test
    void everyPanelQueryIsValidPromqlAndTheWatchedMetricsAreShown() throws Exception {
        JsonNode dashboard = new ObjectMapper()
                .readTree(PrometheusRulesTest.MONITORING.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        assertThat(queries).isNotEmpty().doesNotContain("");

        // Grafana's variables replaced by what they stand for, then each query as a recording rule for promtool.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode file = yaml.createObjectNode();
        ArrayNode rules = file.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        for (int i = 0; i < queries.size(); i++) {
            rules.addObject().put("record", "dashboard:query_" + i)
                    .put("expr", queries.get(i).replace("$__rate_interval", "5m").replace("$job", ".*"));
        }
        Files.createDirectories(WORK);
        Path asRules = WORK.resolve("dashboard-queries.yaml");
        yaml.writeValue(asRules.toFile(), file);
        Promtool.Result check = Promtool.findOrInstall().run("check", "rules", asRules.toString());
        assertThat(check.exit()).as(check.output()).isZero();

        String all = String.join("\n", queries);
        assertThat(all).contains("careweave_outbox_unsent_events", "careweave_outbox_oldest_unsent_age_seconds",
                "careweave_events_dead_lettered_total", "kafka_consumer_fetch_manager_records_lag_max",
                "careweave_feed_subscribers", "careweave_urgent_flags_raised_total",
                "careweave_crisis_to_flag_seconds_bucket", "up{");
    }
}
