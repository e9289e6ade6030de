package org.careweave.platform.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Refusal entries of this request whose transaction rolled back, to be written once it has ended. */
@RequestScoped
public class RefusalsAfterRollback {

    private final List<AuditEntry> pending = new ArrayList<>();

    void add(AuditEntry entry) {
        pending.add(entry);
    }

    /** Writes what is pending in a transaction of its own; call only when no transaction is active. */
    void flush() {
        if (!pending.isEmpty()) {
            List<AuditEntry> entries = List.copyOf(pending);
            pending.clear();
            write(entries);
        }
    }

    /** A request that ended without passing the response filter (a WebSocket frame) still writes them. */
    @PreDestroy
    void flushAtEnd() {
        if (pending.isEmpty()) {
            return;
        }
        List<AuditEntry> entries = List.copyOf(pending);
        pending.clear();
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(entries);
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> write(entries));
        }
    }

    static void write(List<AuditEntry> entries) {
        QuarkusTransaction.requiringNew().run(() -> entries.forEach(entry -> entry.persist()));
    }
}
