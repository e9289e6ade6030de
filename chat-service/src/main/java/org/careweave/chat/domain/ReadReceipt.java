package org.careweave.chat.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How far a member has read a conversation; only ever moves forward. */
@Entity
@Table(name = "chat_read_receipt")
@IdClass(ReadReceipt.Key.class)
public class ReadReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;

    @Id
    @Column(name = "reader_id")
    public String readerId;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "message_seq", nullable = false)
    public long messageSeq;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    public record Key(UUID conversationId, String readerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
