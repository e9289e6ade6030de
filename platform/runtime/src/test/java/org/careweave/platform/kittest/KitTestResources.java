package org.careweave.platform.kittest;

import org.careweave.platform.testing.KafkaTestResource;
import org.careweave.platform.testing.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL and Kafka for every test of this module (one of each per test JVM). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class KitTestResources {

    private KitTestResources() {
    }
}
