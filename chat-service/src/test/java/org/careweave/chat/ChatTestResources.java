package org.careweave.chat;

import org.careweave.platform.testing.KafkaTestResource;
import org.careweave.platform.testing.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real PostgreSQL and Kafka, and an OIDC server that signs test tokens, for every test of this service. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class ChatTestResources {

    private ChatTestResources() {
    }
}
