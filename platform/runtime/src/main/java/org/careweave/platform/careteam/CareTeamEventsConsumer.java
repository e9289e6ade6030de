package org.careweave.platform.careteam;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.events.CloudEvent;
import org.careweave.platform.events.EventCatalog;
import org.careweave.platform.events.careplan.CareTeamChanged;
import org.careweave.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps this service's care-team directory in step with the care plan's events. */
@ApplicationScoped
public class CareTeamEventsConsumer {

    static final String CONSUMER = "care-team-directory";

    @Inject
    Inbox inbox;

    @Inject
    CareTeamDirectory directory;

    @Inject
    ObjectMapper mapper;

    @Incoming("care-team-events")
    @Blocking
    public CompletionStage<Void> onEvent(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private void apply(CloudEvent event) {
        if (EventCatalog.CARE_TEAM_CHANGED.type().equals(event.type())) {
            directory.apply(event.dataAs(CareTeamChanged.class, mapper), event.time());
        }
    }
}
