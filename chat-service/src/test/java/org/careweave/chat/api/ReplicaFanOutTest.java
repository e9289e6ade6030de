package org.careweave.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.careweave.chat.ChatFixture;
import org.careweave.chat.ChatFixture.Person;
import org.careweave.chat.SocketClient;
import org.careweave.chat.domain.ChatMessage;
import org.careweave.chat.domain.MessageKind;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** With several replicas, members connected to another replica get the message too; only ids travel between them. */
@QuarkusTest
class ReplicaFanOutTest {

    private static final String CHANNEL = "careweave_chat";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    ChatFixture fixture;

    @Inject
    Vertx vertx;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @Test
    void messageStoredByAnotherReplicaReachesMembersConnectedHere() throws Exception {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        try (SocketClient socket = SocketClient.connect(vertx, base, patient.token())) {
            UUID stored = storeAsAnotherReplica(conversation, "written on replica two");
            notify(new JsonObject().put("from", "replica-two").put("conversationId", conversation)
                    .put("messageIds", List.of(stored.toString())).encode());

            JsonObject delivered = socket.await("message", WAIT).getJsonObject("message");
            assertThat(delivered.getString("id")).isEqualTo(stored.toString());
            assertThat(delivered.getString("text")).isEqualTo("written on replica two");
        }
    }

    @Test
    void anAnnouncementReachesTheCurrentTeamWhateverTeamVersionItNames() throws Exception {
        Person patient = fixture.person("patient");
        Person therapist = fixture.person("therapist");
        Person newTherapist = fixture.person("therapist");
        fixture.careTeam(patient, Map.of(therapist, "THERAPIST"));
        String conversation = fixture.open(patient, "CARE_TEAM", patient);

        try (SocketClient therapistSocket = SocketClient.connect(vertx, base, therapist.token());
                SocketClient newTherapistSocket = SocketClient.connect(vertx, base, newTherapist.token())) {
            UUID first = storeAsAnotherReplica(conversation, "to the first team");
            notify(new JsonObject().put("from", "replica-two").put("conversationId", conversation)
                    .put("messageIds", List.of(first.toString())).put("teamVersion", "1").encode());
            therapistSocket.awaitMessage("to the first team", WAIT);

            fixture.careTeam(patient, Map.of(newTherapist, "THERAPIST"));
            UUID second = storeAsAnotherReplica(conversation, "to the new team");
            // A version this replica has not seen (here: the one it cached before the change) means a fresh look.
            notify(new JsonObject().put("from", "replica-two").put("conversationId", conversation)
                    .put("messageIds", List.of(second.toString())).put("teamVersion", "2").encode());

            newTherapistSocket.awaitMessage("to the new team", WAIT);
            assertThat(therapistSocket.drain(Duration.ofMillis(300)))
                    .filteredOn(frame -> "message".equals(frame.getString("type")))
                    .extracting(frame -> frame.getJsonObject("message").getString("text"))
                    .containsExactly("to the first team");
        }
    }

    @Test
    void messagesStoredHereAreAnnouncedByIdWithoutText() throws Exception {
        Person patient = fixture.person("patient");
        String conversation = fixture.open(patient, "SUPPORT", patient);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            try {
                String id = MessageResourceTest.send(patient, conversation, "a very private sentence", null)
                        .statusCode(201).extract().path("message.id");

                JsonObject announcement = awaitAnnouncement(connection.unwrap(PGConnection.class), conversation);
                assertThat(announcement.getJsonArray("messageIds").getString(0)).isEqualTo(id);
                assertThat(announcement.getJsonArray("messageIds")).hasSize(2);
                // Receivers use it to find the care team they cached for that version.
                assertThat(announcement.getString("teamVersion")).isNotBlank();
                assertThat(announcement.encode()).doesNotContain("private");
            } finally {
                // The connection goes back to the pool: stop listening on it.
                statement.execute("UNLISTEN *");
            }
        }
    }

    private JsonObject awaitAnnouncement(PGConnection connection, String conversation) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            PGNotification[] notifications = connection.getNotifications(200);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    seen.add(notification.getParameter());
                    JsonObject announcement = new JsonObject(notification.getParameter());
                    if (conversation.equals(announcement.getString("conversationId"))
                            && announcement.containsKey("messageIds")) {
                        return announcement;
                    }
                }
            }
        }
        throw new AssertionError("No announcement for " + conversation + "; saw " + seen);
    }

    private void notify(String payload) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private static UUID storeAsAnotherReplica(String conversation, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChatMessage message = new ChatMessage();
            message.id = UUID.randomUUID();
            message.conversationId = UUID.fromString(conversation);
            message.authorId = "someone-on-replica-two";
            message.authorRole = "therapist";
            message.kind = MessageKind.TEXT;
            message.body = text;
            message.sentAt = Instant.now();
            message.persist();
            return message.id;
        });
    }
}
