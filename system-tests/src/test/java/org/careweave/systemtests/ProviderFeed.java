package org.careweave.systemtests;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A provider dashboard's view of the live feed: a Server-Sent Events stream read through the gateway. */
public final class ProviderFeed implements AutoCloseable {

    /** One SSE event: its id, name and data line. */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public ProviderFeed(String token) {
        this(token, null);
    }

    /** A feed that resumes after {@code lastEventId} (null: from now on). */
    public ProviderFeed(String token, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/providers/me/feed"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // Reading blocks until the stream ends, so it gets a thread of its own (never the test's).
        Thread reader = new Thread(() -> read(response.join().body()), "provider-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        try {
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    current[2] = line.substring(5).strip();
                } else if (line.isEmpty() && current[2] != null) {
                    events.add(new Event(current[0], current[1], current[2]));
                    current[0] = current[1] = current[2] = null;
                }
            });
        } catch (UncheckedIOException closed) {
            // The feed was closed: the stream ends here.
        }
    }

    /** The first event matching, waiting at most {@code timeout}. */
    public Event await(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event next = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("No matching feed event within " + timeout);
            }
            if (matching.test(next)) {
                return next;
            }
        }
    }

    /** Every event matching that arrives within {@code period}. */
    public List<Event> drain(Predicate<Event> matching, Duration period) throws InterruptedException {
        List<Event> matched = new ArrayList<>();
        long deadline = System.nanoTime() + period.toNanos();
        for (long left = period.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event next = events.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && matching.test(next)) {
                matched.add(next);
            }
        }
        return matched;
    }

    /** Blocks until the stream is open (200 with headers), so events that follow are not missed. */
    public ProviderFeed open(Duration timeout) throws Exception {
        int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        if (status != 200) {
            throw new AssertionError("Feed answered " + status);
        }
        return this;
    }

    /** Closing waits for the reader to let go of the stream (at the next heartbeat), so it happens aside. */
    @Override
    public void close() {
        Thread closer = new Thread(() -> response.thenAccept(r -> r.body().close()), "provider-feed-close");
        closer.setDaemon(true);
        closer.start();
    }
}
