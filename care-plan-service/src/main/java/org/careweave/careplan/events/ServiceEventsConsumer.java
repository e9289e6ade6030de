package org.careweave.careplan.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Feeds the care timeline from the therapy, prescription and chat services' events, each applied once. */
@ApplicationScoped
public class ServiceEventsConsumer {

    static final String CONSUMER = "care-timeline";

    @Inject
    Inbox inbox;

    @Inject
    CareProgressProjector projector;

    @Incoming("therapy-events")
    @Blocking
    public CompletionStage<Void> onTherapy(Message<String> message) {
        return inbox.consume(CONSUMER, message, projector::apply);
    }

    @Incoming("prescription-events")
    @Blocking
    public CompletionStage<Void> onPrescription(Message<String> message) {
        return inbox.consume(CONSUMER, message, projector::apply);
    }

    @Incoming("chat-events")
    @Blocking
    public CompletionStage<Void> onChat(Message<String> message) {
        return inbox.consume(CONSUMER, message, projector::apply);
    }
}
