package org.careweave.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Group commit for the audit entries of requests that have no transaction of their own (reads): entries queued while
 * one batch commits go together in the next, one multi-row transaction. {@link #write} returns only once its entry is
 * committed, so no read is answered before it is audited, yet concurrent reads share one commit instead of one each.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final String INSERT = "insert into audit_entry (occurred_at, subject, role, action, resource_type,"
            + " resource_id, patient_id, outcome) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final int batchSize;
    private final Duration wait;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;

    AuditWriter(AgroalDataSource dataSource, @ConfigProperty(name = "careweave.audit.batch-size") int batchSize,
            @ConfigProperty(name = "careweave.audit.queue-capacity") int queueCapacity,
            @ConfigProperty(name = "careweave.audit.max-wait") Duration wait) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.wait = wait;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::run, "careweave-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the entry with the next batch and waits until it is committed; fails as the database write failed (a
     * database that cannot be reached answers 503), or when the writer is overloaded beyond the configured wait.
     */
    public void write(AuditEntry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw backedUp("not queued");
            }
            pending.committed().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw backedUp("not committed");
        }
    }

    /** Like a pool without a free connection: the database cannot keep up right now, so the caller retries (503). */
    private AuditWriteFailed backedUp(String what) {
        return new AuditWriteFailed(new SQLTransientConnectionException("Audit entry " + what + " within " + wait));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : batch) {
                    bind(insert, pending.entry());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            batch.forEach(pending -> pending.committed().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Audit batch of %d entries not written: %s", batch.size(), e.getMessage());
            RuntimeException failure = new AuditWriteFailed(e);
            batch.forEach(pending -> pending.committed().completeExceptionally(failure));
        }
    }

    private static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        insert.setObject(1, OffsetDateTime.ofInstant(entry.occurredAt, ZoneOffset.UTC));
        insert.setString(2, entry.subject);
        insert.setString(3, entry.role);
        insert.setString(4, entry.action);
        insert.setString(5, entry.resourceType);
        insert.setString(6, entry.resourceId);
        insert.setString(7, entry.patientId);
        insert.setString(8, entry.outcome);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(wait.toMillis());
    }

    private record Pending(AuditEntry entry, CompletableFuture<Void> committed) {
    }

    /** Carries the database's own exception, so a database that cannot be reached still maps to 503. */
    static final class AuditWriteFailed extends RuntimeException {
        AuditWriteFailed(Exception cause) {
            super("Audit entries not written", cause);
        }
    }
}
