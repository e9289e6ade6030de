package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Open live feeds have a budget of their own at the gateway: one provider may hold 10 (more tabs get 429
 * problem+json with Retry-After until one closes), and neither another provider's feed nor a patient's plain read is
 * held up by them.
 */
@ExtendWith(Stack.class)
class StreamCapIT {

    static final String FEED = "/api/providers/me/feed";
    static final int PER_USER = 10;

    @Test
    void theEleventhFeedOfOneProviderIs429AndEveryoneElseCarriesOn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        RealmAdmin.user("stream-cap-a-" + run, "therapist");
        RealmAdmin.user("stream-cap-b-" + run, "therapist");
        RealmAdmin.user("stream-cap-patient-" + run, "patient");
        String providerA = Tokens.of("stream-cap-a-" + run);
        String providerB = Tokens.of("stream-cap-b-" + run);
        String patient = Tokens.of("stream-cap-patient-" + run);
        given().auth().oauth2(patient).contentType(ContentType.JSON)
                .body(Map.of("concerns", List.of("ANXIETY"), "gad7Answers", List.of(1, 1, 1, 1, 0, 0, 0),
                        "openToMedication", false, "prefersTalkTherapy", true, "sessionsPerMonthAvailable", 4))
                .post(Stack.GATEWAY + "/api/intakes").then().statusCode(201);

        List<Answer> feeds = new ArrayList<>();
        try {
            for (int i = 0; i < PER_USER; i++) {
                long asked = System.nanoTime();
                Answer feed = Answer.feed(providerA);
                feeds.add(feed);
                assertThat(feed.status).as(feed.head).isEqualTo(200);
                assertThat(feed.header("content-type")).startsWith("text/event-stream");
                // The head comes at once, not with the first heartbeat (15 s on the stack): the dashboard is live.
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
            }
            Answer refused = Answer.feed(providerA);
            feeds.add(refused);
            assertThat(refused.status).as(refused.head).isEqualTo(429);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.header("retry-after")).isNotBlank();
            assertThat(refused.body).contains("\"status\":429");

            Answer other = Answer.feed(providerB);
            feeds.add(other);
            assertThat(other.status).as(other.head).isEqualTo(200);
            given().auth().oauth2(patient).get(Stack.GATEWAY + "/api/care-plans/mine").then().statusCode(200);

            // Closing a tab frees its place (as soon as the gateway sees the connection go).
            feeds.get(0).close();
            Answer reopened = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                reopened = Answer.feed(providerA);
                feeds.add(reopened);
                if (reopened.status == 200) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(reopened.status).as(reopened.head).isEqualTo(200);
        } finally {
            feeds.forEach(Answer::close);
        }
    }

    /** The head (and a refusal's body) of an answer on a raw connection, which stays open until closed. */
    record Answer(Socket socket, int status, String head, String body) {

        static Answer feed(String token) throws IOException {
            URI gateway = URI.create(Stack.GATEWAY);
            Socket socket = new Socket(gateway.getHost(), gateway.getPort());
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET " + FEED + " HTTP/1.1\r\nHost: " + gateway.getAuthority()
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("Closed before the head ended: " + head);
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            String body = "";
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    body = new String(in.readNBytes(Integer.parseInt(line.substring(15).strip())),
                            StandardCharsets.UTF_8);
                }
            }
            return new Answer(socket, Integer.parseInt(text.substring(9, 12)), text, body);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return "";
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
