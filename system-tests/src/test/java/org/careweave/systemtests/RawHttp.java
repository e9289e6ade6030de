package org.careweave.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Requests through the gateway exactly as given (raw path, bytes, any content type), over kept-alive HTTP/1.1
 * connections. Only the status, content type and the start of the body are read: a stream such as the provider
 * feed answers with its headers and is then closed.
 */
final class RawHttp {

    private static final int BODY_PEEK = 4096;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final Duration timeout;

    RawHttp(Duration timeout) {
        this.timeout = timeout;
    }

    record Answer(int status, String contentType, String body) {
    }

    /**
     * @param rawPathAndQuery already encoded as it should go on the wire
     * @param contentType null: no Content-Type header
     * @param body null: no body
     */
    Answer send(String method, String rawPathAndQuery, String token, String contentType, byte[] body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + rawPathAndQuery))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            String peek = type.startsWith("text/event-stream") ? ""
                    : new String(in.readNBytes(BODY_PEEK), StandardCharsets.UTF_8);
            if (!type.startsWith("text/event-stream")) {
                // Drained so the connection can be reused.
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new Answer(response.statusCode(), type, peek);
        }
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
