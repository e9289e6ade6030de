package org.careweave.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RouteTable table = new RouteTable(List.of(
            route("therapy", "http://localhost:8082", "/api/therapy"),
            route("care-plan", "http://localhost:8081", "/api/care-plans/", "/api/intakes"),
            route("therapy-notes", "https://notes.internal", "/api/therapy/notes")));

    @Test
    void matchesWholeSegmentsOnly() {
        assertEquals("therapy", matched("/api/therapy"));
        assertEquals("therapy", matched("/api/therapy/"));
        assertEquals("therapy", matched("/api/therapy/sessions/1"));
        assertTrue(table.match("/api/therapyX").isEmpty());
        assertTrue(table.match("/api/therap").isEmpty());
        assertTrue(table.match("/api").isEmpty());
    }

    @Test
    void aTrailingSlashInThePrefixIsIgnored() {
        assertEquals("care-plan", matched("/api/care-plans"));
        assertEquals("care-plan", matched("/api/care-plans/cp-1"));
    }

    @Test
    void theLongestPrefixWins() {
        assertEquals("therapy-notes", matched("/api/therapy/notes/n-1"));
        assertEquals("/api/therapy/notes", table.match("/api/therapy/notes/n-1").orElseThrow().prefix());
        assertEquals("therapy", matched("/api/therapy/notesX"));
    }

    @Test
    void theUrlGivesHostPortAndScheme() {
        ServiceRoute notes = table.match("/api/therapy/notes").orElseThrow().route();
        ServiceRoute.Upstream upstream = notes.upstreams().get(0);
        assertEquals("notes.internal", upstream.host());
        assertEquals(443, upstream.port());
        assertTrue(upstream.ssl());
    }

    @Test
    void severalUrlsAreTakenInTurn() {
        ServiceRoute replicated = ServiceRoute.of("care-plan",
                List.of(URI.create("http://localhost:8081"), URI.create("http://localhost:8085")),
                List.of("/api/care-plans"), TIMEOUT);
        List<Integer> ports = java.util.stream.IntStream.range(0, 4).mapToObj(i -> replicated.next().port()).toList();
        assertEquals(List.of(8081, 8085, 8081, 8085), ports);
        assertThrows(IllegalStateException.class, () -> ServiceRoute.of("a", List.of(), List.of("/api/x"), TIMEOUT));
    }

    @Test
    void aPrefixRoutedTwiceIsRefused() {
        assertThrows(IllegalStateException.class, () -> new RouteTable(List.of(
                route("a", "http://localhost:1", "/api/x"), route("b", "http://localhost:2", "/api/x/"))));
    }

    @Test
    void badRoutesAreRefused() {
        assertThrows(IllegalStateException.class, () -> route("a", "http://localhost:1/base", "/api/x"));
        assertThrows(IllegalStateException.class, () -> route("a", "ftp://localhost:1", "/api/x"));
        assertThrows(IllegalStateException.class, () -> route("a", "http://localhost:1", "/other/x"));
        assertThrows(IllegalStateException.class, () -> route("a", "http://localhost:1"));
    }

    private String matched(String path) {
        return table.match(path).orElseThrow().route().name();
    }

    private static ServiceRoute route(String name, String url, String... prefixes) {
        return ServiceRoute.of(name, URI.create(url), List.of(prefixes), TIMEOUT);
    }
}
