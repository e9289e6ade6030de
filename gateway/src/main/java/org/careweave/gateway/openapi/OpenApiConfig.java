package org.careweave.gateway.openapi;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The merged API description at {@code /api/openapi}: {@code careweave.gateway.openapi.*}. */
@ConfigMapping(prefix = "careweave.gateway.openapi")
public interface OpenApiConfig {

    /** Where each service publishes its own document (JSON is asked for). */
    @WithDefault("/q/openapi")
    String documentPath();

    /** How long a merged document is served before the services are asked again. */
    @WithDefault("30s")
    Duration cacheTtl();

    /** How long to wait for one service's document before leaving it out. */
    @WithDefault("3s")
    Duration fetchTimeout();

    @WithDefault("Careweave API")
    String title();

    @WithDefault("1")
    String version();

    /** The public (https) address clients call, named in the document's {@code servers}. */
    @WithDefault("https://api.careweave.example")
    String serverUrl();

    /** Which environment {@link #serverUrl()} is (production, staging, local ...). */
    @WithDefault("production")
    String serverDescription();

    /** The Kafka address {@code /api/asyncapi} names as its server. */
    @WithDefault("localhost:19092")
    String kafkaHost();
}
