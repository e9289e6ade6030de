package org.careweave.platform.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Listens on PostgreSQL notification channels (LISTEN/NOTIFY), which is how replicas of a service wake each other.
 * Each channel gets a connection of its own, outside the pool (it is held for good), and a daemon thread that hands
 * every payload to the handler and reconnects when the connection is lost. Notifications sent while a listener
 * was reconnecting are lost: {@code onListening} runs after each (re)connect so the caller can catch up.
 */
@ApplicationScoped
public class NotificationChannels {

    private static final Logger LOG = Logger.getLogger(NotificationChannels.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Throws at startup on a channel name that would need quoting: it is spliced into the LISTEN statement. */
    public static String requireChannelName(String channel, String property) {
        if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalStateException(property + " must be a plain identifier");
        }
        return channel;
    }

    /**
     * Starts listening on {@code channel}; {@code onNotification} runs on the listener's thread, so it must be quick
     * and must not throw.
     */
    public void listen(String channel, Consumer<String> onNotification, Runnable onListening) {
        Listener listener = new Listener(requireChannelName(channel, "The notification channel"), onNotification,
                onListening);
        listeners.add(listener);
        listener.thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        listeners.forEach(Listener::stop);
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        username.ifPresent(user -> credentials.setProperty("user", user));
        password.ifPresent(secret -> credentials.setProperty("password", secret));
        return new Driver().connect(jdbcUrl, credentials);
    }

    private final class Listener {

        private final String channel;
        private final Consumer<String> onNotification;
        private final Runnable onListening;
        private final Thread thread;
        private volatile boolean running = true;

        Listener(String channel, Consumer<String> onNotification, Runnable onListening) {
            this.channel = channel;
            this.onNotification = onNotification;
            this.onListening = onListening;
            this.thread = new Thread(this::run, "listen-" + channel);
            thread.setDaemon(true);
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        private void run() {
            while (running) {
                try (Connection connection = connect()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN " + channel);
                    }
                    onListening.run();
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] received = notifications.getNotifications(1000);
                        if (received != null) {
                            for (PGNotification notification : received) {
                                onNotification.accept(notification.getParameter());
                            }
                        }
                    }
                } catch (SQLException e) {
                    if (running) {
                        LOG.warnf("Listener on %s lost its connection (%s); reconnecting", channel, e.getSQLState());
                        pause();
                    }
                } catch (RuntimeException e) {
                    LOG.errorf("Listener on %s: handler failed (%s); reconnecting", channel,
                            e.getClass().getSimpleName());
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
