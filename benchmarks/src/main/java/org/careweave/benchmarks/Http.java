package org.careweave.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Blocking JSON calls for setting the scene (users, plans, conversations); the load itself uses Vert.x and wrk. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private Http() {
    }

    static Response call(String method, String url, String token, Object body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return send(builder.build());
        } catch (IOException e) {
            return failed(e);
        }
    }

    static Response form(String url, Map<String, String> fields, String token) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    /** A request that could not be made at all is a response with status -1 and the reason as its body. */
    private static Response send(HttpRequest request) {
        try {
            return parse(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response failed(IOException e) {
        return new Response(-1, JSON.getNodeFactory().textNode(String.valueOf(e)));
    }

    /** Nanoseconds one GET takes; -1 when it failed or did not answer 2xx. */
    static long timedGet(String url, String token) {
        long start = System.nanoTime();
        Response r = call("GET", url, token, null);
        return r.ok() ? System.nanoTime() - start : -1;
    }

    private static Response parse(HttpResponse<String> response) throws IOException {
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? null
                : text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : JSON.getNodeFactory().textNode(text);
        return new Response(response.statusCode(), body);
    }
}
