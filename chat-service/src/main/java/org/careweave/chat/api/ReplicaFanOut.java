package org.careweave.chat.api;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.careweave.platform.notify.NotificationChannels;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets every replica deliver to its own connections: a replica announces the conversation and message ids (never
 * text) of what it stores on a PostgreSQL notification channel, in the storing transaction; the other replicas load the
 * messages from the shared database and deliver them to their members. Typing and read frames travel as they are.
 * The listener thread only hands each announcement to its conversation's stripe, a single thread that delivers the
 * stripe's announcements in the order they were sent (each conversation's commit order) while the other stripes go on.
 */
@ApplicationScoped
public class ReplicaFanOut {

    private static final Logger LOG = Logger.getLogger(ReplicaFanOut.class);

    /**
     * What one replica tells the others.
     *
     * @param teamVersion the care team's version the messages were stored under, so receivers can use their cached
     *                    team (see CareTeams); absent for frames
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Announcement(String from, UUID conversationId, List<UUID> messageIds, JsonNode frame,
            String exceptConnectionId, String teamVersion) {
    }

    /** Enough that a slow conversation seldom holds up others; each delivery holds a pooled connection briefly. */
    private static final int STRIPES = 8;

    private final String replicaId = UUID.randomUUID().toString();
    private final ExecutorService[] stripes = new ExecutorService[STRIPES];

    @Inject
    EntityManager em;

    @Inject
    ConversationFeed feed;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "careweave.chat.fan-out.channel")
    String channel;

    @Inject
    NotificationChannels channels;

    public void announceMessages(UUID conversationId, List<UUID> messageIds, String teamVersion,
            String exceptConnectionId) {
        announce(new Announcement(replicaId, conversationId, messageIds, null, exceptConnectionId, teamVersion));
    }

    public void announceFrame(UUID conversationId, Object frame, String exceptConnectionId) {
        announce(new Announcement(replicaId, conversationId, List.of(), mapper.valueToTree(frame), exceptConnectionId,
                null));
    }

    private void announce(Announcement announcement) {
        try {
            String payload = mapper.writeValueAsString(announcement);
            // In the caller's transaction when there is one (a message's announcement goes out at its commit).
            QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, channel).setParameter(2, payload).getSingleResult());
        } catch (Exception e) {
            // Typing and read frames: other replicas' members miss them. A message's announcement failed inside its
            // storing transaction, which then cannot commit: the sender is told it was not stored and sends it again.
            LOG.warnf("Chat fan-out to other replicas failed: %s", e.getClass().getSimpleName());
        }
    }

    void start(@Observes StartupEvent startup) {
        for (int i = 0; i < STRIPES; i++) {
            String name = "chat-fan-out-" + i;
            stripes[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        // Missed announcements (listener reconnecting) reach members on their next catch-up.
        channels.listen(NotificationChannels.requireChannelName(channel, "careweave.chat.fan-out.channel"),
                this::handle, () -> {
                });
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        for (ExecutorService stripe : stripes) {
            if (stripe != null) {
                stripe.shutdown();
                stripe.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private void handle(String payload) {
        Announcement announcement;
        try {
            announcement = mapper.readValue(payload, Announcement.class);
        } catch (Exception e) {
            LOG.warnf("Chat fan-out announcement not readable: %s", e.getClass().getSimpleName());
            return;
        }
        if (Objects.equals(announcement.from(), replicaId) || announcement.conversationId() == null) {
            return;
        }
        stripes[Math.floorMod(announcement.conversationId().hashCode(), STRIPES)].execute(() -> {
            try {
                feed.deliverAnnounced(announcement);
            } catch (Exception e) {
                LOG.warnf("Chat fan-out announcement not delivered: %s", e.getClass().getSimpleName());
            }
        });
    }
}
