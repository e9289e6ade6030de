package org.careweave.chat.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A crisis hit on a message; points at the message instead of copying its text. */
@Entity
@Table(name = "chat_risk_flag")
public class RiskFlag extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskSeverity severity;

    /** Empty on flags raised before categories were recorded. */
    @Enumerated(EnumType.STRING)
    public RiskCategory category;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
}
