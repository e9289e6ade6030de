package org.careweave.chat.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A conversation about one patient. Its members are not stored: they follow the care team (see ConversationAccess). */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConversationKind kind;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Conversation> of(String patientId, ConversationKind kind) {
        return find("patientId = ?1 and kind = ?2", patientId, kind).firstResultOptional();
    }

    /** Locks the conversation for the rest of the transaction, so its messages are stored one at a time, in order. */
    public static Optional<Conversation> lockForPosting(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
