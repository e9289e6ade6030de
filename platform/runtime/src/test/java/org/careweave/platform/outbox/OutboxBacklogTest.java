package org.careweave.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.careweave.platform.testing.KafkaTestResource;
import org.careweave.platform.testing.MetricsScrape;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxBacklogTest {

    private static final String UNSENT = "careweave_outbox_unsent_events";
    private static final String OLDEST_AGE = "careweave_outbox_oldest_unsent_age_seconds";

    @Test
    void backlogAndAgeOfTheOldestUnsentEventGrowWhileKafkaIsDownAndClearOnceItIsBack() {
        await().atMost(Duration.ofSeconds(20)).until(() -> MetricsScrape.now().value(UNSENT) == 0);
        assertThat(MetricsScrape.now().value(OLDEST_AGE)).isZero();

        KafkaTestResource.broker().stop();
        try {
            for (int i = 0; i < 2; i++) {
                given().post("/test/patients/{p}/no-shows", "patient-" + UUID.randomUUID()).then().statusCode(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> MetricsScrape.now().value(UNSENT) == 2);
            double age = MetricsScrape.now().value(OLDEST_AGE);
            assertThat(age).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.now().value(OLDEST_AGE) > age + 1);
        } finally {
            KafkaTestResource.broker().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> MetricsScrape.now().value(UNSENT) == 0);
        assertThat(MetricsScrape.now().value(OLDEST_AGE)).isZero();
    }
}
