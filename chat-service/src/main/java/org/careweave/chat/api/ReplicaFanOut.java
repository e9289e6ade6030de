package org.careweave.chat.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets every replica deliver to its own connections: after a replica delivers locally it announces the
 * conversation and message ids (never text) on a PostgreSQL notification channel; the other replicas load the
 * messages from the shared database and deliver them to their members. Typing and read frames travel as they are.
 */
@ApplicationScoped
public class ReplicaFanOut {

    private static final Logger LOG = Logger.getLogger(ReplicaFanOut.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** What one replica tells the others. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Announcement(String from, UUID conversationId, List<UUID> messageIds, JsonNode frame,
            String exceptConnectionId) {
    }

    private final String replicaId = UUID.randomUUID().toString();
    private volatile boolean running;
    private Thread listener;

    @Inject
    EntityManager em;

    @Inject
    ConversationFeed feed;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "careweave.chat.fan-out.channel")
    String channel;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    public void announceMessages(UUID conversationId, List<UUID> messageIds, String exceptConnectionId) {
        announce(new Announcement(replicaId, conversationId, messageIds, null, exceptConnectionId));
    }

    public void announceFrame(UUID conversationId, Object frame, String exceptConnectionId) {
        announce(new Announcement(replicaId, conversationId, List.of(), mapper.valueToTree(frame), exceptConnectionId));
    }

    private void announce(Announcement announcement) {
        try {
            String payload = mapper.writeValueAsString(announcement);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, channel).setParameter(2, payload).getSingleResult());
        } catch (Exception e) {
            // Other replicas' members still get the messages on their next catch-up.
            LOG.warnf("Chat fan-out to other replicas failed: %s", e.getClass().getSimpleName());
        }
    }

    void start(@Observes StartupEvent startup) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalStateException("careweave.chat.fan-out.channel must be a plain identifier");
        }
        running = true;
        listener = new Thread(this::listen, "chat-replica-fan-out");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            handle(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Chat fan-out listener lost its connection (%s); reconnecting", e.getSQLState());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        username.ifPresent(user -> credentials.setProperty("user", user));
        password.ifPresent(secret -> credentials.setProperty("password", secret));
        return new Driver().connect(jdbcUrl, credentials);
    }

    private void handle(String payload) {
        try {
            Announcement announcement = mapper.readValue(payload, Announcement.class);
            if (!Objects.equals(announcement.from(), replicaId)) {
                feed.deliverAnnounced(announcement);
            }
        } catch (Exception e) {
            LOG.warnf("Chat fan-out announcement not delivered: %s", e.getClass().getSimpleName());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
