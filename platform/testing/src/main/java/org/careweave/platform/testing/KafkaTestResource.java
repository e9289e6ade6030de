package org.careweave.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test at the Kafka broker of this JVM ({@link KafkaBroker#shared()}). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The broker, for tests that stop and start it. */
    public static KafkaBroker broker() {
        return KafkaBroker.shared();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker serves every test of this JVM and stops with it.
    }
}
