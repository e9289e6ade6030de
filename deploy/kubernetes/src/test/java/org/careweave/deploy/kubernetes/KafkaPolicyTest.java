package org.careweave.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.careweave.platform.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Topics follow the code's Topics, and each service's Kafka user may do exactly what its configuration does. */
class KafkaPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfTheCodeAndItsDeadLetterTopicIsDeclaredAndNothingElse(String overlay) {
        Set<String> expected = new TreeSet<>();
        for (String topic : codeTopics()) {
            expected.add(topic);
            expected.add(Topics.dlq(topic));
        }
        Set<String> declared = Manifests.of(overlay).ofKind("KafkaTopic").stream()
                .map(t -> t.path("spec").path("topicName").asText(Manifests.name(t)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void productionTopicsSurviveABrokerLoss() {
        for (JsonNode topic : Manifests.of("prod").ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            assertThat(spec.path("replicas").asInt()).as(Manifests.id(topic) + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(Manifests.id(topic) + " min ISR").isEqualTo(2);
            assertThat(spec.path("config").path("retention.ms").asLong()).as(Manifests.id(topic) + " retention").isPositive();
        }
        JsonNode brokers = Manifests.of("prod").get("KafkaNodePool", "dual-role");
        assertThat(brokers.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(brokers.path("spec").path("roles").toString()).contains("broker", "controller");
        JsonNode kafka = Manifests.of("prod").get("Kafka", "careweave-kafka").path("spec").path("kafka");
        assertThat(kafka.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @Test
    void devRunsOneBroker() {
        Manifests dev = Manifests.of("dev");
        assertThat(dev.get("KafkaNodePool", "dual-role").path("spec").path("replicas").asInt()).isEqualTo(1);
        dev.ofKind("KafkaTopic").forEach(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(1));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceUserMayDoExactlyWhatItsChannelsDo(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<ServiceModules.ServiceModule> services = ServiceModules.eventDriven();
        assertThat(services).hasSize(4);
        for (ServiceModules.ServiceModule service : services) {
            KafkaAccess access = KafkaAccess.of(service);
            JsonNode user = manifests.get("KafkaUser", service.name());
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Map<String, Set<String>> granted = grants(user);

            Map<String, Set<String>> expected = new TreeMap<>();
            access.writes().forEach(t -> add(expected, "topic:" + t, "Write", "Describe"));
            access.reads().forEach(t -> add(expected, "topic:" + t, "Read", "Describe"));
            access.groups().forEach(g -> add(expected, "group:" + g, "Read"));
            assertThat(granted).as(service.name() + " ACLs, derived from its configuration: " + access).isEqualTo(expected);
        }
        assertThat(manifests.ofKind("KafkaUser")).hasSameSizeAs(services);
    }

    @Test
    void theDerivationReadsTheServicesRealChannels() {
        KafkaAccess therapy = KafkaAccess.of(service("therapy-service"));
        assertThat(therapy.writes()).contains(Topics.THERAPY, Topics.dlq(Topics.CAREPLAN));
        assertThat(therapy.writes()).doesNotContain(Topics.CAREPLAN, Topics.CHAT, "careweave.outbox");
        assertThat(therapy.groups()).doesNotContain(Topics.DEAD_LETTER_REPLAY_GROUP);

        KafkaAccess carePlan = KafkaAccess.of(service("care-plan-service"));
        assertThat(carePlan.writes()).contains(Topics.CAREPLAN, Topics.dlq(Topics.THERAPY));
        assertThat(carePlan.reads()).contains(Topics.CAREPLAN, Topics.THERAPY, Topics.PRESCRIPTION, Topics.CHAT);
        assertThat(carePlan.groups()).contains("care-plan-service.care-team-directory", "care-plan-service.care-timeline");
    }

    @Test
    void theServiceThatAnswersDeadLetterRequestsMayReplayEveryTopic() {
        KafkaAccess carePlan = KafkaAccess.of(service("care-plan-service"));
        for (String topic : Topics.ALL) {
            assertThat(carePlan.reads()).contains(Topics.dlq(topic));
            assertThat(carePlan.writes()).contains(topic);
        }
        assertThat(carePlan.groups()).contains(Topics.DEAD_LETTER_REPLAY_GROUP);
    }

    private static ServiceModules.ServiceModule service(String name) {
        return ServiceModules.eventDriven().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Set<String>> grants(JsonNode user) {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText("literal")).as("no prefix grants").isEqualTo("literal");
            String key = resource.path("type").asText() + ":" + resource.path("name").asText();
            acl.path("operations").forEach(op -> add(granted, key, op.asText()));
        }
        return granted;
    }

    private static void add(Map<String, Set<String>> map, String key, String... operations) {
        map.computeIfAbsent(key, k -> new TreeSet<>()).addAll(List.of(operations));
    }

    static Set<String> codeTopics() {
        assertThat(Topics.ALL).isNotEmpty();
        return new TreeSet<>(Topics.ALL);
    }
}
