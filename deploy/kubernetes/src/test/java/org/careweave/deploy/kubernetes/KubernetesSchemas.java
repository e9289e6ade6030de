package org.careweave.deploy.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParser;

/**
 * Checks built-in Kubernetes objects against the API types of the official Java client
 * ({@code io.kubernetes:client-java-api}, generated from the Kubernetes 1.32 OpenAPI document): each
 * generated model rejects fields its type does not have, missing required fields and values of the wrong
 * JSON type, recursively.
 */
final class KubernetesSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private KubernetesSchemas() {
    }

    static boolean isBuiltIn(JsonNode object) {
        String group = group(object.path("apiVersion").asText());
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    /** The violation, if any, of {@code object}'s API type. */
    static Optional<String> violation(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String type = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + object.path("kind").asText();
        Method validate;
        try {
            validate = Class.forName(type).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.of("no Kubernetes 1.32 API type for " + apiVersion + " " + object.path("kind").asText());
        }
        try {
            validate.invoke(null, JsonParser.parseString(object.toString()));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
