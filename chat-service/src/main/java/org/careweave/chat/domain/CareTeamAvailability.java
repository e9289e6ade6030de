package org.careweave.chat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.careweave.platform.careteam.CareTeamDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether anyone from a patient's care team has been connected lately; if not, automated support answers. */
@ApplicationScoped
public class CareTeamAvailability {

    @Inject
    EntityManager em;

    @Inject
    CareTeamDirectory directory;

    @ConfigProperty(name = "careweave.chat.automated-support.provider-absence")
    Duration absence;

    @Transactional
    public void seen(Collection<String> providerIds) {
        Instant now = Instant.now();
        for (String providerId : providerIds) {
            em.createNativeQuery("insert into chat_presence (user_id, last_seen_at) values (?1, ?2) "
                    + "on conflict (user_id) do update set last_seen_at = excluded.last_seen_at")
                    .setParameter(1, providerId)
                    .setParameter(2, now)
                    .executeUpdate();
        }
    }

    public boolean anyoneOnline(String patientId) {
        List<String> team = directory.team(patientId).stream().map(member -> member.providerId).distinct().toList();
        return !team.isEmpty()
                && Presence.count("userId in ?1 and lastSeenAt > ?2", team, Instant.now().minus(absence)) > 0;
    }

    public Duration absence() {
        return absence;
    }
}
