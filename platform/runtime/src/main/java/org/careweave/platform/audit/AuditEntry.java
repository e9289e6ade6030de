package org.careweave.platform.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String action;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "patient_id")
    public String patientId;

    @Column(nullable = false)
    public String outcome;

    static AuditEntry of(Instant occurredAt, String subject, String role, String action, String resourceType,
            String resourceId, String patientId, String outcome) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = occurredAt;
        entry.subject = subject;
        entry.role = role;
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.patientId = patientId;
        entry.outcome = outcome;
        return entry;
    }

    /** A new, unsaved entry with the same content. */
    AuditEntry copy() {
        return of(occurredAt, subject, role, action, resourceType, resourceId, patientId, outcome);
    }
}
