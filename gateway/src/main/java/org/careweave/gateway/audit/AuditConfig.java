package org.careweave.gateway.audit;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The merged audit trail at {@code /api/audit-entries}: {@code careweave.gateway.audit.*}. */
@ConfigMapping(prefix = "careweave.gateway.audit")
public interface AuditConfig {

    /** The routes whose services keep an audit trail (platform/runtime's AuditResource). */
    List<String> services();

    /** Longest wait for one service's page. */
    Duration timeout();
}
