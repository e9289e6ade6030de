package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careweave.platform.events.AsyncApiDocument;
import org.careweave.platform.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The published contracts against the running stack: every event on Kafka is described by /api/asyncapi and
 * validates against its message there; admins read the merged audit trail; a patient's record exports as FHIR.
 */
@ExtendWith(Stack.class)
class ContractsIT {

    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    /** Alice has a care plan (created here on a fresh stack, kept from an earlier run otherwise). */
    @BeforeAll
    static void alicesPlan() {
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .body(Map.of("concerns", List.of("DEPRESSION"), "phq9Answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0),
                        "openToMedication", true, "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4))
                .post("/api/intakes").then().statusCode(anyOf(equalTo(201), equalTo(409)));
    }

    @Test
    void everyEventOnKafkaValidatesAgainstTheServedAsyncApiDocument() {
        JsonNode asyncApi = PublishedEvents.json(given().get(Stack.GATEWAY + "/api/asyncapi").then().statusCode(200)
                .contentType("application/json").body("asyncapi", equalTo("3.0.0")).extract().asString());
        // Events of this run on three topics, whatever ran before.
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .body(Map.of("patientId", ALICE, "instrument", "GAD7", "answers", List.of(1, 1, 1, 0, 0, 0, 0)))
                .post("/api/therapy/assessments").then().statusCode(201);
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .body(Map.of("kind", "SUPPORT")).post("/api/chat/conversations").then().statusCode(
                        anyOf(equalTo(200), equalTo(201)));
        given().auth().oauth2(Tokens.of("ben")).contentType(ContentType.JSON).baseUri(Stack.GATEWAY)
                .body(Map.of("concerns", List.of("ANXIETY"), "gad7Answers", List.of(1, 1, 1, 1, 0, 0, 0),
                        "openToMedication", false, "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4))
                .post("/api/intakes").then().statusCode(anyOf(equalTo(201), equalTo(409)));

        Map<String, Integer> validated = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        AsyncApiDocument.topics().forEach(topic -> {
            topics.add(topic);
            topics.add(Topics.dlq(topic));
        });
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (ConsumerRecord<String, String> record : readAll(consumer, topics)) {
                JsonNode message = messageFor(asyncApi, record, problems);
                if (message == null) {
                    continue;
                }
                if (record.topic().endsWith(".dlq")) {
                    Header reason = record.headers().lastHeader(AsyncApiDocument.DEAD_LETTER_REASON);
                    if (reason == null || new String(reason.value(), StandardCharsets.UTF_8).isBlank()) {
                        problems.add(record.topic() + "@" + record.offset() + " has no dead-letter reason");
                    }
                } else {
                    JsonNode event = PublishedEvents.json(record.value());
                    Set<ValidationMessage> violations = SCHEMAS.getSchema(message.get("payload"), STRICT).validate(event);
                    violations.forEach(v -> problems.add(record.topic() + "@" + record.offset() + " " + v.getMessage()));
                    if (!event.path("subject").asText().equals(record.key())) {
                        problems.add(record.topic() + "@" + record.offset() + " key is not the subject (patient id)");
                    }
                }
                validated.merge(record.topic(), 1, Integer::sum);
            }
        }
        System.out.println("FIGURE records read from Kafka and checked against /api/asyncapi: " + validated);
        assertThat(problems).isEmpty();
        assertThat(validated).containsKeys(Topics.CAREPLAN, Topics.THERAPY, Topics.CHAT);
    }

    @Test
    void adminsReadTheMergedAuditTrailOthersGet403() {
        JsonPath page = given().auth().oauth2(Tokens.of("adam")).baseUri(Stack.GATEWAY)
                .queryParam("patientId", ALICE).queryParam("limit", 20).get("/api/audit-entries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("entries")).isNotEmpty();
        assertThat(page.getList("entries.patientId", String.class)).containsOnly(ALICE);
        List<String> times = page.getList("entries.occurredAt", String.class);
        assertThat(times.stream().map(Instant::parse).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        String ndjson = given().auth().oauth2(Tokens.of("adam")).baseUri(Stack.GATEWAY)
                .accept("application/x-ndjson").queryParam("patientId", ALICE).get("/api/audit-entries").then()
                .statusCode(200).extract().asString();
        assertThat(ndjson.lines().count()).isGreaterThanOrEqualTo(page.getList("entries").size());
        given().auth().oauth2(Tokens.of("cora")).baseUri(Stack.GATEWAY).get("/api/audit-entries").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPatientsRecordExportsAsFhirToThemAndNotToOthers() {
        String body = given().auth().oauth2(Tokens.of("alice")).baseUri(Stack.GATEWAY)
                .get("/api/patients/{id}/fhir", ALICE).then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .extract().asString();
        assertThat(JsonPath.from(body).getList("entry.resource.resourceType", String.class))
                .contains("Patient", "CarePlan", "CareTeam");
        given().auth().oauth2(Tokens.of("ben")).baseUri(Stack.GATEWAY).get("/api/patients/{id}/fhir", ALICE)
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The message of the record's channel whose type matches (dead letters: the channel's only message). */
    private static JsonNode messageFor(JsonNode asyncApi, ConsumerRecord<String, String> record, List<String> problems) {
        for (JsonNode channel : asyncApi.get("channels")) {
            if (!channel.get("address").asText().equals(record.topic())) {
                continue;
            }
            String type = record.topic().endsWith(".dlq") ? null : PublishedEvents.json(record.value()).path("type")
                    .asText();
            for (JsonNode reference : channel.get("messages")) {
                JsonNode message = asyncApi.at(reference.get("$ref").asText().substring(1));
                if (type == null || type.equals(message.at("/payload/properties/type/const").asText())) {
                    return message;
                }
            }
            problems.add(record.topic() + "@" + record.offset() + ": type " + type + " is not described");
            return null;
        }
        problems.add(record.topic() + " has no channel");
        return null;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "system-tests-contracts-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Every record on the topics that exist, up to their end when reading began (plus what the calls above wrote). */
    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer,
            List<String> topics) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics();
        List<TopicPartition> partitions = new ArrayList<>();
        topics.stream().filter(existing::containsKey)
                .forEach(t -> existing.get(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        // The calls above are published through the outbox right after commit; give them a moment.
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
