package org.careweave.gateway.streams;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.careweave.gateway.testing.StandInServices.MAX_CONNECTIONS;
import static org.careweave.gateway.testing.StandInServices.MAX_STREAMS_PER_ROUTE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.careweave.gateway.testing.StandInServices;
import org.careweave.gateway.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;

/**
 * Open feeds (server-sent events) run on a pool of their own: more feeds than plain requests have connections leave
 * plain reads answering; each provider may hold 10 (the 11th is 429 until one closes), each route its budget (503).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class StreamBudgetTest {

    static final String FEED = "/api/providers/me/feed";
    static final int PER_USER = 10;

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    StreamBudget budget;

    private final List<Answer> open = new ArrayList<>();

    @AfterEach
    void closeEveryStream() {
        open.forEach(Answer::close);
        open.clear();
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.openBy("feed-a") + budget.openBy("feed-b")
                + budget.openBy("feed-c") + budget.openBy("feed-d") == 0);
    }

    @Test
    void plainReadsAnswerWhileMoreFeedsAreOpenThanThePoolHasConnections() throws Exception {
        for (String provider : List.of("feed-a", "feed-b")) {
            for (int i = 0; i < PER_USER; i++) {
                Answer feed = feed(provider, true);
                assertEquals(200, feed.status, feed.head);
                assertTrue(feed.header("content-type").startsWith("text/event-stream"), feed.head);
            }
        }
        assertTrue(2 * PER_USER > MAX_CONNECTIONS);
        for (int i = 0; i < 2 * MAX_CONNECTIONS; i++) {
            given().auth().oauth2(Tokens.valid()).get("/api/care-plans/mine")
                    .then().statusCode(200).body("service", equalTo("care-plan"));
        }
    }

    @Test
    void theEleventhFeedOfOneProviderIs429UntilOneCloses() throws Exception {
        List<Answer> feeds = new ArrayList<>();
        for (int i = 0; i < PER_USER; i++) {
            // Known feed paths count without the Accept header too.
            feeds.add(feed("feed-a", i % 2 == 0));
            assertEquals(200, feeds.get(i).status, feeds.get(i).head);
        }
        Answer refused = feed("feed-a", true);
        assertEquals(429, refused.status, refused.head);
        assertTrue(refused.header("content-type").startsWith("application/problem+json"), refused.head);
        assertEquals("5", refused.header("retry-after"));
        assertTrue(refused.body.contains("\"status\":429"), refused.body);
        // Another provider is not affected.
        assertEquals(200, feed("feed-b", true).status);

        feeds.get(3).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.openBy("feed-a") == PER_USER - 1);
        assertEquals(200, feed("feed-a", true).status);
        assertEquals(429, feed("feed-a", true).status);
    }

    @Test
    void aRouteHoldsAtMostItsBudgetOfStreams() throws Exception {
        int opened = 0;
        for (String provider : List.of("feed-a", "feed-b", "feed-c")) {
            for (int i = 0; i < PER_USER && opened < MAX_STREAMS_PER_ROUTE; i++, opened++) {
                assertEquals(200, feed(provider, true).status);
            }
        }
        Answer refused = feed("feed-d", true);
        assertEquals(503, refused.status, refused.head);
        assertTrue(refused.header("content-type").startsWith("application/problem+json"), refused.head);
        assertEquals(0, budget.openBy("feed-d"), "a refused stream takes no place of its caller");
    }

    private Answer feed(String provider, boolean accept) throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        socket.setSoTimeout(10_000);
        String request = "GET " + FEED + " HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nAuthorization: Bearer "
                + Tokens.of(provider, "therapist") + "\r\n" + (accept ? "Accept: text/event-stream\r\n" : "") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        Answer answer = Answer.read(socket);
        open.add(answer);
        return answer;
    }

    /** The head (and a refusal's body) of an answer on a raw connection, which stays open until closed. */
    record Answer(Socket socket, int status, String head, String body) {

        static Answer read(Socket socket) throws IOException {
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
            int status = Integer.parseInt(text.substring(9, 12));
            String body = "";
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    body = new String(in.readNBytes(Integer.parseInt(line.substring(15).strip())),
                            StandardCharsets.UTF_8);
                }
            }
            return new Answer(socket, status, text, body);
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
