package org.careweave.chat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether anyone from a patient's care team has been connected lately; if not, automated support answers. */
@ApplicationScoped
public class CareTeamAvailability {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "careweave.chat.automated-support.provider-absence")
    Duration absence;

    /** When this replica last marked each provider present. */
    private final Map<String, Instant> markedAt = new ConcurrentHashMap<>();

    /**
     * Marks the providers present now, in one statement and in a fixed order: the heartbeat marks every connected
     * provider at once, and row by row it held their presence rows for seconds under load, stalling their messages.
     */
    @Transactional
    public void seen(Collection<String> providerIds) {
        List<String> ids = providerIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String values = IntStream.range(0, ids.size()).mapToObj(i -> "(?" + (2 * i + 1) + ", ?" + (2 * i + 2) + ")")
                .collect(Collectors.joining(", "));
        Query upsert = em.createNativeQuery("insert into chat_presence (user_id, last_seen_at) values " + values
                + " on conflict (user_id) do update set last_seen_at = excluded.last_seen_at");
        for (int i = 0; i < ids.size(); i++) {
            upsert.setParameter(2 * i + 1, ids.get(i));
            upsert.setParameter(2 * i + 2, now);
        }
        upsert.executeUpdate();
        ids.forEach(id -> markedAt.put(id, now));
    }

    /**
     * A provider's message marks them present unless this replica did so within a tenth of the absence window:
     * presence is judged in minutes, and an upsert per message locked the provider's row for the whole message.
     */
    @Transactional
    public void sending(String providerId) {
        Instant marked = markedAt.get(providerId);
        if (marked == null || marked.isBefore(Instant.now().minus(absence.dividedBy(10)))) {
            seen(List.of(providerId));
        }
    }

    /** Whether any of the care team's providers was connected within the absence window. */
    public boolean anyoneOnline(Collection<String> team) {
        return !team.isEmpty()
                && Presence.count("userId in ?1 and lastSeenAt > ?2", team, Instant.now().minus(absence)) > 0;
    }

    public Duration absence() {
        return absence;
    }
}
