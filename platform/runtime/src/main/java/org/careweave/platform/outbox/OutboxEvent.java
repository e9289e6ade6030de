package org.careweave.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event waiting to be (or already) relayed to Kafka; per message key, the row id gives the send order. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    public enum Status {
        PENDING,
        SENT,
        /** Kafka kept rejecting it; the relay no longer tries, and the key's later events go on without it. */
        PARKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** W3C traceparent of the writing transaction's span; null when it was not traced. */
    @Column(updatable = false)
    public String traceparent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Every failed send, outages included. */
    public int attempts;

    /** Failed sends that were this row's own problem (see OutboxRelay); PARKED when it reaches the limit. */
    public int rejections;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "parked_at")
    public Instant parkedAt;
}
