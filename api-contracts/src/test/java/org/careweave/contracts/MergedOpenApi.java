package org.careweave.contracts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.careweave.gateway.openapi.GatewayContract;
import org.careweave.gateway.openapi.GatewayPaths;
import org.careweave.gateway.openapi.OpenApiMerger;
import org.careweave.gateway.openapi.ServiceDocument;

import io.vertx.core.json.JsonObject;

/**
 * The document the gateway serves at /api/openapi, built without running anything: each service's document as its
 * build wrote it (target/openapi/openapi.json, the same SmallRye generates for /q/openapi), merged by the gateway's
 * own merger with the gateway's routes and defaults from its application.properties.
 */
final class MergedOpenApi {

    static final Path ROOT = Path.of(System.getProperty("careweave.root", "..")).toAbsolutePath().normalize();

    private MergedOpenApi() {
    }

    static JsonObject build() throws IOException {
        Properties gateway = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("gateway/src/main/resources/application.properties"))) {
            gateway.load(in);
        }
        Map<String, List<String>> prefixes = new LinkedHashMap<>();
        for (String key : gateway.stringPropertyNames()) {
            if (key.startsWith("careweave.gateway.routes.") && key.endsWith(".prefixes")) {
                String service = key.substring("careweave.gateway.routes.".length(), key.length() - ".prefixes".length());
                prefixes.put(service, Arrays.asList(gateway.getProperty(key).split(",")));
            }
        }
        List<ServiceDocument> documents = new ArrayList<>();
        for (String service : prefixes.keySet()) {
            Path file = ROOT.resolve(service + "-service/target/openapi/openapi.json");
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: build " + service + "-service first");
            }
            documents.add(ServiceDocument.of(service, new JsonObject(Files.readString(file))));
        }
        String issuer = value(gateway, "quarkus.oidc.auth-server-url");
        OpenApiMerger merger = new OpenApiMerger(value(gateway, "careweave.gateway.openapi.title"), "1",
                (path, service) -> prefixes.getOrDefault(service, List.of()).stream()
                        .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")),
                new GatewayContract(value(gateway, "careweave.gateway.openapi.server-url"),
                        value(gateway, "careweave.gateway.openapi.server-description"),
                        issuer + "/.well-known/openid-configuration"));
        return merger.merge(documents, GatewayPaths.document());
    }

    /** A property's value, or the default of an {@code ${ENV:default}} expression. */
    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set in the gateway's application.properties");
        }
        return value.startsWith("${") && value.contains(":") ? value.substring(value.indexOf(':') + 1, value.length() - 1)
                : value;
    }
}
