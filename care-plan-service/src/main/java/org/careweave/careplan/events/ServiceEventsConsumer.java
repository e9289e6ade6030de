package org.careweave.careplan.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Feeds the care timeline from the therapy, prescription and chat services' events, each applied once. Each poll's
 * records are applied in one transaction: a timeline append holds the append lock until commit, so one commit per
 * batch instead of one per event is what lets the timeline keep up with a busy producer.
 */
@ApplicationScoped
public class ServiceEventsConsumer {

    static final String CONSUMER = "care-timeline";

    @Inject
    Inbox inbox;

    @Inject
    CareProgressProjector projector;

    @Incoming("therapy-events")
    @Blocking
    public CompletionStage<Void> onTherapy(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, projector::apply);
    }

    @Incoming("prescription-events")
    @Blocking
    public CompletionStage<Void> onPrescription(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, projector::apply);
    }

    @Incoming("chat-events")
    @Blocking
    public CompletionStage<Void> onChat(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, projector::apply);
    }
}
