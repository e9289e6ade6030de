package org.careweave.careplan.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    public void onTherapy(String json) {
        inbox.consume(CONSUMER, json, projector::apply);
    }

    @Incoming("prescription-events")
    @Blocking
    public void onPrescription(String json) {
        inbox.consume(CONSUMER, json, projector::apply);
    }

    @Incoming("chat-events")
    @Blocking
    public void onChat(String json) {
        inbox.consume(CONSUMER, json, projector::apply);
    }
}
