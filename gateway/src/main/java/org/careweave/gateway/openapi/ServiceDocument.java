package org.careweave.gateway.openapi;

import io.vertx.core.json.JsonObject;

/** One service's OpenAPI document as fetched, or why it could not be (document null). */
public record ServiceDocument(String service, JsonObject document, String failure) {

    public static ServiceDocument of(String service, JsonObject document) {
        return new ServiceDocument(service, document, null);
    }

    public static ServiceDocument missing(String service, String failure) {
        return new ServiceDocument(service, null, failure);
    }

    boolean available() {
        return document != null;
    }
}
