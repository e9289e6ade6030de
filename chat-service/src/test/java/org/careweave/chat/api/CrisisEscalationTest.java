package org.careweave.chat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.SocketClient;
import org.careweave.chat.domain.ChatMessage;
import org.careweave.chat.domain.RiskFlag;
import org.careweave.platform.events.Topics;
import org.careweave.platform.outbox.OutboxEvent;
import org.careweave.platform.testing.TestKafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** A message that suggests risk is answered at once with crisis resources and raises a flag for the care team. */
@QuarkusTest
class CrisisEscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RISK_TYPE = "careweave.chat.risk-flag.raised.v1";

    @Inject
    ChatFixture fixture;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void crisisMessageGetsResourcesAtOnceAndAFlagOnKafkaWithoutTheText() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);
        String text = "I can't stop thinking about killing myself tonight";

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.CHAT);
                SocketClient patientSocket = SocketClient.connect(vertx, base, patient.token());
                SocketClient therapistSocket = SocketClient.connect(vertx, base, therapist.token())) {
            // Join the consumer group before the clock starts, so the figure is the pipeline's, not the group join's.
            consumer.awaitRecords(Topics.CHAT, record -> record.value().contains(conversation), WAIT);

            Instant sent = Instant.now();
            long sentNanos = System.nanoTime();
            patientSocket.send(conversation, text, "crisis-1");

            JsonObject ack = patientSocket.await("ack", WAIT);
            JsonObject reply = patientSocket.await(frame -> "message".equals(frame.getString("type"))
                    && "CRISIS_RESOURCES".equals(frame.getJsonObject("message").getString("kind")), WAIT)
                    .getJsonObject("message");
            long replyMillis = Duration.ofNanos(System.nanoTime() - sentNanos).toMillis();
            ConsumerRecord<String, String> flag = consumer.awaitRecords(Topics.CHAT,
                    record -> record.value().contains(RISK_TYPE) && record.value().contains(conversation), WAIT).get(0);
            long flagMillis = Duration.ofNanos(System.nanoTime() - sentNanos).toMillis();
            long brokerMillis = flag.timestamp() - sent.toEpochMilli();
            System.out.printf("Crisis message -> crisis reply on the socket: %d ms%n", replyMillis);
            System.out.printf("Crisis message -> RiskFlagRaised consumed from Kafka: %d ms (broker timestamp %d ms after send)%n",
                    flagMillis, brokerMillis);

            assertThat(reply.getBoolean("automated")).isTrue();
            assertThat(reply.getString("authorName")).isEqualTo("Careweave support (automated)");
            assertThat(reply.getString("text")).contains("call or text 988").contains("911");
            assertThat(reply.getJsonArray("resources").getJsonObject(0).getString("contact")).isEqualTo("988");
            assertThat(reply.getString("replyTo")).isEqualTo(ack.getJsonObject("message").getString("id"));
            // The care team sees the message and the crisis reply in the conversation.
            therapistSocket.awaitMessage(text, WAIT);
            therapistSocket.await(frame -> "message".equals(frame.getString("type"))
                    && "CRISIS_RESOURCES".equals(frame.getJsonObject("message").getString("kind")), WAIT);

            JsonObject event = new JsonObject(flag.value());
            assertThat(flag.key()).isEqualTo(patient.id());
            assertThat(event.getString("subject")).isEqualTo(patient.id());
            JsonObject data = event.getJsonObject("data");
            assertThat(data.fieldNames()).containsExactlyInAnyOrder("patientId", "conversationId", "severity", "category",
                    "raisedAt");
            assertThat(data.getString("severity")).isEqualTo("HIGH");
            assertThat(data.getString("category")).isEqualTo("ACTIVE_THOUGHTS");
            assertThat(data.getString("conversationId")).isEqualTo(conversation);
            assertThat(flag.value()).doesNotContain("killing").doesNotContain("myself").doesNotContain("tonight");
            assertThat(flagMillis).as("flag on Kafka within seconds").isLessThan(5_000);

            // Once the path is warm, the same again: the figure a patient at 3 a.m. would see.
            long warmNanos = System.nanoTime();
            // A different severity than the first flag, so the wait is for this message's flag.
            patientSocket.send(conversation, "i wish i was dead", "crisis-2");
            consumer.awaitRecords(Topics.CHAT, record -> record.value().contains(RISK_TYPE)
                    && record.value().contains(conversation) && record.value().contains("\"ELEVATED\""), WAIT);
            long warmMillis = Duration.ofNanos(System.nanoTime() - warmNanos).toMillis();
            System.out.printf("Crisis message -> RiskFlagRaised consumed from Kafka (warm): %d ms%n", warmMillis);
            assertThat(warmMillis).isLessThan(5_000);
        }
    }

    @Test
    void aPatientOverTheLimitIsStillScreenedAndACrisisMessageIsNeverRefused() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);
        // The test profile allows 12 messages a minute.
        for (int i = 1; i <= 12; i++) {
            MessageResourceTest.send(patient, conversation, "rough day, message " + i, "busy-" + i).statusCode(201);
        }

        MessageResourceTest.send(patient, conversation, "still here, just venting", null).statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("988")).body("detail", containsString("911"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChatMessage.count(
                "conversationId = ?1 and body = ?2", UUID.fromString(conversation), "still here, just venting")))
                .isZero();

        try (TestKafkaConsumer consumer = new TestKafkaConsumer(bootstrap, Topics.CHAT)) {
            MessageResourceTest.send(patient, conversation, "i took all my pills just now", null).statusCode(201)
                    .body("replies[0].kind", equalTo("CRISIS_RESOURCES"))
                    .body("replies[0].text", containsString("911"));
            JsonObject data = new JsonObject(consumer.awaitRecords(Topics.CHAT, record -> record.value().contains(RISK_TYPE)
                    && record.value().contains(conversation), WAIT).get(0).value()).getJsonObject("data");
            assertThat(data.getString("severity")).isEqualTo("IMMINENT");
            assertThat(data.getString("category")).isEqualTo("ATTEMPT");
        }
        assertThat(flagsIn(conversation)).isEqualTo(1);
    }

    @Test
    void imminentDangerPutsTheEmergencyNumberBeforeTheLifeline() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        String imminent = MessageResourceTest.send(patient, conversation, "im on the bridge right now and going to jump",
                null).statusCode(201)
                .body("replies[0].resources.contact", contains("911", "988", "741741"))
                .extract().path("replies[0].text");
        assertThat(imminent.indexOf("911")).isLessThan(imminent.indexOf("988"));
        MessageResourceTest.send(patient, conversation, "i want to kill myself", null).statusCode(201)
                .body("replies[0].resources.contact", contains("988", "911", "741741"));
        String elevated = MessageResourceTest.send(patient, conversation, "everyone would be better off without me",
                null).statusCode(201)
                .body("replies[0].resources.contact", contains("988", "741741", "911"))
                .extract().path("replies[0].text");
        assertThat(elevated.indexOf("988")).isLessThan(elevated.indexOf("911"));
        assertThat(elevated).contains("automated message");
        // Read back later (history, catch-up), each reply still lists its resources in the order of its severity.
        List<String> firstContacts = given().auth().oauth2(patient.token()).get("/api/chat/conversations/" + conversation
                + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("messages.findAll { it.kind == 'CRISIS_RESOURCES' }.collect { it.resources[0].contact }", String.class);
        assertThat(firstContacts).containsExactly("988", "988", "911");
    }

    @Test
    void restFallbackAnswersWithCrisisResourcesToo() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        MessageResourceTest.send(patient, conversation, "honestly i feel sucidal", "r-1").statusCode(201)
                .body("replies.size()", equalTo(1))
                .body("replies[0].kind", equalTo("CRISIS_RESOURCES"))
                .body("replies[0].automated", equalTo(true))
                .body("replies[0].text", containsString("988"));
        // A retried send returns the same reply and raises no second flag.
        MessageResourceTest.send(patient, conversation, "honestly i feel sucidal", "r-1").statusCode(200)
                .body("replies[0].kind", equalTo("CRISIS_RESOURCES"));
        assertThat(flagsIn(conversation)).isEqualTo(1);
    }

    @Test
    void negatedPhrasesRaiseNoFlag() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        MessageResourceTest.send(patient, conversation, "I'm not suicidal, just tired of work", null).statusCode(201)
                .body("replies[0].kind", equalTo("SELF_HELP"));
        MessageResourceTest.send(patient, conversation, "I would never hurt myself", null).statusCode(201)
                .body("replies[0].kind", equalTo("SELF_HELP"));

        assertThat(flagsIn(conversation)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey = ?1 and eventType = ?2",
                patient.id(), RISK_TYPE))).isZero();
    }

    @Test
    void providersMessagesAreNotScreened() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);

        MessageResourceTest.send(therapist, conversation, "Have you had thoughts of suicide this week?", null)
                .statusCode(201).body("replies.size()", equalTo(0));
        assertThat(flagsIn(conversation)).isZero();
    }

    private static long flagsIn(String conversation) {
        return QuarkusTransaction.requiringNew().call(() -> RiskFlag.count("conversationId", UUID.fromString(conversation)));
    }
}
