package org.careweave.chat.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.domain.CareTeamAvailability;

import io.quarkus.scheduler.Scheduled;

/** Providers with an open socket count as online, however long they stay quiet. */
@ApplicationScoped
public class ProviderHeartbeat {

    @Inject
    ConversationFeed feed;

    @Inject
    CareTeamAvailability availability;

    @Scheduled(every = "${careweave.chat.presence.heartbeat}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        List<String> providers = feed.connectedUsers().stream().filter(ChatUser::isProvider).map(ChatUser::id)
                .distinct().toList();
        if (!providers.isEmpty()) {
            availability.seen(providers);
        }
    }
}
