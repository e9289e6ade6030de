package org.careweave.chat.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.domain.ChatMessage;
import org.careweave.chat.domain.MessageKind;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class MessageResourceTest {

    @Inject
    ChatFixture fixture;

    @Test
    void retriedSendWithTheSameIdempotencyKeyIsStoredOnce() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);

        String id = send(therapist, conversation, "See you Tuesday at 10", "key-1").statusCode(201)
                .body("message.text", equalTo("See you Tuesday at 10"))
                .body("message.automated", equalTo(false))
                .extract().path("message.id");
        send(therapist, conversation, "See you Tuesday at 10", "key-1").statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("message.id", equalTo(id));
        send(therapist, conversation, "Something else", "key-1").statusCode(422)
                .contentType("application/problem+json");

        List<String> stored = page(patient, conversation, null, 50).statusCode(200)
                .extract().jsonPath().getList("messages.text", String.class);
        assertThat(stored).containsExactly("See you Tuesday at 10");
    }

    @Test
    void textMustBeOneTo4000Characters() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        send(patient, conversation, "x".repeat(4001), null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("text")));
        send(patient, conversation, "", null).statusCode(400).body("errors.field", equalTo(List.of("text")));
        send(patient, conversation, "  ", null).statusCode(400);
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON).body("{\"text\": 12")
                .post("/api/chat/conversations/" + conversation + "/messages").then()
                .statusCode(400).contentType("application/problem+json");
        send(patient, conversation, "y".repeat(4000), "long-key".repeat(13)).statusCode(400)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
        send(patient, conversation, "y".repeat(4000), null).statusCode(201)
                .body("message.text.length()", equalTo(4000));
    }

    @Test
    void sendingFasterThanTheLimitAnswers429WithRetryAfter() {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);
        // The test profile allows 12 messages a minute.
        for (int i = 1; i <= 12; i++) {
            send(patient, conversation, "message " + i, "k" + i).statusCode(201);
        }
        send(patient, conversation, "one too many", null).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("status", equalTo(429))
                .body("detail", containsString("12 messages per 60 seconds"));
        // A retry of a stored message is not a new message, so the limit does not refuse it.
        send(patient, conversation, "message 1", "k1").statusCode(200).header("Idempotent-Replayed", "true");
    }

    @Test
    void pagesGoBackInTimeNewestFirstWithACappedLimit() {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);
        storeDirectly(conversation, therapist, 105);

        ValidatableResponse first = page(patient, conversation, null, 3).statusCode(200);
        assertThat(first.extract().jsonPath().getList("messages.text", String.class))
                .containsExactly("note 105", "note 104", "note 103");
        String cursor = first.extract().path("nextBefore");
        assertThat(page(patient, conversation, cursor, 3).extract().jsonPath().getList("messages.text", String.class))
                .containsExactly("note 102", "note 101", "note 100");

        // Above the cap is refused (issue 13: 400 over the cap), the cap itself is served.
        page(patient, conversation, null, 1000).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("limit")));
        ValidatableResponse capped = page(patient, conversation, null, 100).statusCode(200);
        assertThat(capped.extract().jsonPath().getList("messages")).hasSize(100);
        String last = capped.extract().path("nextBefore");
        page(patient, conversation, last, 100).statusCode(200)
                .body("messages.text", equalTo(List.of("note 5", "note 4", "note 3", "note 2", "note 1")))
                .body("nextBefore", nullValue());

        page(patient, conversation, "nonsense", 10).statusCode(400).body("errors.field", equalTo(List.of("before")));
        page(patient, conversation, UUID.randomUUID().toString(), 10).statusCode(400);
        page(patient, conversation, null, 0).statusCode(400).contentType("application/problem+json");
    }

    private static void storeDirectly(String conversation, Person author, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<ChatMessage> messages = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ChatMessage message = new ChatMessage();
                message.id = UUID.randomUUID();
                message.conversationId = UUID.fromString(conversation);
                message.authorId = author.id();
                message.authorRole = author.role();
                message.kind = MessageKind.TEXT;
                message.body = "note " + i;
                message.sentAt = Instant.now().minusSeconds(3600);
                messages.add(message);
            }
            ChatMessage.persist(messages);
        });
    }

    static ValidatableResponse send(Person person, String conversation, String text, String idempotencyKey) {
        var request = given().auth().oauth2(person.token()).contentType(ContentType.JSON).body(Map.of("text", text));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/chat/conversations/" + conversation + "/messages").then();
    }

    private static ValidatableResponse page(Person person, String conversation, String before, int limit) {
        var request = given().auth().oauth2(person.token()).queryParam("limit", limit);
        if (before != null) {
            request.queryParam("before", before);
        }
        return request.get("/api/chat/conversations/" + conversation + "/messages").then();
    }
}
