package org.careweave.gateway.routing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.careweave.gateway.limits.LimitedBody;
import org.careweave.gateway.problem.Problem;
import org.careweave.gateway.resilience.ServiceBreakers;
import org.careweave.gateway.resilience.ServiceBreakers.Verdict;
import org.careweave.gateway.tracing.TraceContext;
import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.ReadStream;

/**
 * One request on its way to a service and its answer on the way back: what the gateway changes going out and coming
 * back, and the problem it answers with when the service cannot be reached or its breaker is open (503), is too slow
 * (504), breaks the exchange (502), or a streamed body turns out too large (413).
 * <p>
 * Written on the HTTP client directly rather than through Vert.x' {@code HttpProxy}: each header is copied once,
 * straight into the outgoing message (the proxy copied both ways twice and parsed and re-formatted the {@code Date}
 * of every answer), which was a good part of the gateway's time per request.
 */
final class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);
    // Answers up to this size are read whole and sent in one write; larger ones (and those without a length) stream.
    private static final long WHOLE_BODY_MAX = 64 * 1024;

    private final HttpServerRequest client;
    private final ServiceRoute route;
    private final String uri;
    private final ServiceBreakers breakers;
    private final long bodyLimit;
    private final Runnable ended;
    private LimitedBody limited;

    /** @param ended run once the answer has been sent or has failed on its way (a stream frees its place then) */
    UpstreamExchange(HttpServerRequest client, ServiceRoute route, String uri, ServiceBreakers breakers, long bodyLimit,
            Runnable ended) {
        this.client = client;
        this.route = route;
        this.uri = uri;
        this.breakers = breakers;
        this.bodyLimit = bodyLimit;
        this.ended = ended;
    }

    /** Sends the request over a connection from {@code connect} and the service's answer (or a problem) back. */
    void run(Supplier<Future<HttpClientRequest>> connect) {
        Boolean chunked = chunked(client.headers());
        if (chunked == null) {
            answer(problem(400, "The request's Transfer-Encoding is not supported; send chunked or a Content-Length"));
            return;
        }
        breakers.<Answer> call(route.name(), () -> connect.get().compose(request -> send(request, chunked))
                .map(Answer::of)
                .recover(failure -> limited != null && limited.exceeded()
                        // The client's fault, not the service's: answered inside the breaker so it counts as a success.
                        ? Future.succeededFuture(problem(413, "The request body is larger than " + bodyLimit + " bytes",
                                failure))
                        : Future.failedFuture(failure)),
                this::verdict)
                .recover(failure -> Future.succeededFuture(problem(failure)))
                .onSuccess(this::answer);
    }

    private Future<HttpClientResponse> send(HttpClientRequest request, boolean chunked) {
        // The client hung up: reset the exchange with the service ("Stream reset").
        client.response().exceptionHandler(failure -> request.reset(0L, failure));
        Future<HttpClientResponse> response = request.response().map(answer -> {
            answer.pause(); // until its body is piped to the client
            return answer;
        });
        request.setMethod(client.method()).setURI(uri);
        copyRequestHeaders(request.headers());
        // Authorization and X-Request-Id travel as they are: services validate the token again and log the id.
        String length = client.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            pipe(client, request);
        } else if (chunked) {
            // A chunked body has no declared length to check up front, so it is counted on its way.
            limited = new LimitedBody(client, bodyLimit);
            request.setChunked(true);
            pipe(limited, request);
        } else {
            client.resume();
            request.end();
        }
        return response;
    }

    private static void pipe(ReadStream<Buffer> body, HttpClientRequest request) {
        Pipe<Buffer> pipe = body.pipe();
        pipe.endOnComplete(true);
        pipe.endOnFailure(false);
        pipe.to(request, result -> {
            if (result.failed()) {
                request.reset();
            }
        });
    }

    /**
     * The client's headers minus those of its connection (hop-by-hop), its claims about forwarding (replaced, never
     * trusted) and {@code Host} (the service's own), then the gateway's forwarding and trace headers.
     */
    private void copyRequestHeaders(MultiMap out) {
        MultiMap in = client.headers();
        Set<String> named = HopByHopHeaders.namedBy(in.get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey();
            if (!HopByHopHeaders.isHopByHop(name, named) && !ForwardedHeaders.isForwarding(name)
                    && !HttpHeaders.HOST.toString().equalsIgnoreCase(name)) {
                out.add(name, header.getValue());
            }
        }
        ForwardedHeaders.add(out, client);
        TraceContext.ensure(out);
    }

    /** Only the service's failures count; an exchange the client broke off by hanging up says nothing about it. */
    private Verdict verdict(AsyncResult<Answer> result) {
        if (result.failed()) {
            return clientLeft() ? Verdict.NO_VERDICT : Verdict.FAILED;
        }
        return Verdict.of(result.result().status());
    }

    /** The client's connection is gone. */
    private boolean clientLeft() {
        return client.response().closed();
    }

    private void answer(Answer answer) {
        HttpServerResponse out = client.response();
        if (answer.upstream() == null) {
            writeProblem(out, answer);
            return;
        }
        HttpClientResponse upstream = answer.upstream();
        out.setStatusCode(upstream.statusCode());
        if (upstream.statusMessage() != null) {
            out.setStatusMessage(upstream.statusMessage());
        }
        MultiMap in = upstream.headers();
        Set<String> named = HopByHopHeaders.namedBy(in.get(HttpHeaders.CONNECTION));
        MultiMap headers = out.headers();
        for (Map.Entry<String, String> header : in) {
            if (!HopByHopHeaders.isHopByHop(header.getKey(), named)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        if (!in.contains(HttpHeaders.DATE)) {
            headers.set(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        // Without a declared length the body streams on in chunks; an HTTP/1.0 client gets it until the connection closes.
        if (!in.contains(HttpHeaders.CONTENT_LENGTH) && client.version() != HttpVersion.HTTP_1_0) {
            out.setChunked(true);
        }
        long length = declaredLength(in);
        if (length >= 0 && length <= WHOLE_BODY_MAX) {
            // Headers and body in one write and one flush: a pipe writes the body and its end apart, two system calls
            // and two passes through the encoder for every answer.
            Future<Buffer> body = upstream.body();
            upstream.resume();
            body.onComplete(read -> {
                if (read.succeeded()) {
                    out.end(read.result()).onComplete(ignored -> ended.run());
                } else {
                    upstream.request().reset();
                    out.reset();
                    ended.run();
                }
            });
            return;
        }
        Pipe<Buffer> pipe = upstream.pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        pipe.to(out, result -> {
            if (result.failed()) {
                upstream.request().reset();
                out.reset();
            }
            ended.run();
        });
    }

    private void writeProblem(HttpServerResponse out, Answer answer) {
        if (limited == null || !limited.exceeded()) {
            // Drain an unread body so the connection can be reused (a body over the limit is not read on).
            client.resume();
        }
        if (out.closed() || out.ended()) {
            ended.run();
            return;
        }
        Buffer body = answer.problem().toJson();
        out.setStatusCode(answer.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .end(body)
                .onComplete(ignored -> ended.run());
    }

    private Answer problem(Throwable failure) {
        if (failure instanceof ServiceBreakers.OpenException) {
            return problem(503, "The " + route.name()
                    + " service is failing; the gateway is not calling it for a moment, try again shortly", failure);
        }
        if (failure instanceof ServiceUnreachableException) {
            return problem(503, "The " + route.name() + " service is not reachable; try again shortly", failure);
        }
        if (failure instanceof TimeoutException) {
            return problem(504,
                    "The " + route.name() + " service did not answer within " + route.timeout().toMillis() + " ms",
                    failure);
        }
        return problem(502, "The " + route.name() + " service broke off the exchange", failure);
    }

    private Answer problem(int status, String detail, Throwable failure) {
        Answer answer = problem(status, detail);
        if (clientLeft()) {
            // Nobody to answer: not an upstream failure, and no warning.
            LOG.debugf("Client left before %s answered %s %s (request %s)", route.name(), client.method(),
                    client.path(), answer.problem().requestId());
        } else {
            LOG.warnf("%d for %s %s (request %s): %s", status, client.method(), client.path(),
                    answer.problem().requestId(), failure.getMessage());
        }
        return answer;
    }

    private Answer problem(int status, String detail) {
        return new Answer(null, Problem.of(client, status, detail));
    }

    /** The answer's {@code Content-Length}, or -1 when it has none (or not one the gateway can read). */
    private static long declaredLength(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length == null || headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@code Transfer-Encoding} as RFC 9112 allows it here: absent (false), exactly {@code chunked} (true), anything
     * else (null, refused).
     */
    private static Boolean chunked(MultiMap headers) {
        String encoding = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (encoding == null) {
            return false;
        }
        return headers.getAll(HttpHeaders.TRANSFER_ENCODING).size() == 1
                && encoding.strip().equalsIgnoreCase("chunked") ? true : null;
    }

    /** The service's answer, or the problem the gateway answers instead. */
    private record Answer(HttpClientResponse upstream, Problem problem) {

        static Answer of(HttpClientResponse upstream) {
            return new Answer(upstream, null);
        }

        int status() {
            return upstream != null ? upstream.statusCode() : problem.status();
        }
    }
}
