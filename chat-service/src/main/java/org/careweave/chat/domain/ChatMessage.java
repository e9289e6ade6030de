package org.careweave.chat.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** A stored message. {@code seq} orders a conversation; {@code id} is the public identifier and paging cursor. */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends PanacheEntityBase {

    /** Author role of messages written by automated support. */
    public static final String AUTOMATED_ROLE = "automated";

    private static final String INSERT_UNLESS_RETRIED = "insert into chat_message (id, conversation_id, author_id, "
            + "author_role, kind, automated, body, idempotency_key, reply_to, sent_at, crisis_severity) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id, author_id, idempotency_key) "
            + "where idempotency_key is not null do nothing returning seq";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    /** Null for automated support. */
    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Column(nullable = false)
    public boolean automated;

    @Column(nullable = false)
    public String body;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** For automated replies: the message they answer. */
    @Column(name = "reply_to")
    public UUID replyTo;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** For crisis replies: the severity of the hit, which orders the resources listed with the reply. */
    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_severity")
    public RiskSeverity crisisSeverity;

    /**
     * Stores this message, unless its author already stored one with its idempotency key in the conversation: then
     * nothing is stored and the answer is false. The unique index decides, so the usual case needs no lookup first.
     */
    public boolean insertUnlessRetried() {
        Long stored = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_UNLESS_RETRIED)) {
                statement.setObject(1, id);
                statement.setObject(2, conversationId);
                statement.setString(3, authorId);
                statement.setString(4, authorRole);
                statement.setString(5, kind.name());
                statement.setBoolean(6, automated);
                statement.setString(7, body);
                statement.setString(8, idempotencyKey);
                statement.setObject(9, replyTo, Types.OTHER);
                statement.setObject(10, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
                statement.setString(11, crisisSeverity == null ? null : crisisSeverity.name());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : null;
                }
            }
        });
        seq = stored;
        return stored != null;
    }

    public static Optional<ChatMessage> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public static Optional<ChatMessage> retried(UUID conversationId, String authorId, String idempotencyKey) {
        return find("conversationId = ?1 and authorId = ?2 and idempotencyKey = ?3",
                conversationId, authorId, idempotencyKey).firstResultOptional();
    }

    /** Newest first, strictly older than {@code beforeSeq} when given. */
    public static List<ChatMessage> pageBefore(UUID conversationId, Long beforeSeq, int limit) {
        Sort newestFirst = Sort.descending("seq");
        return (beforeSeq == null
                ? find("conversationId", newestFirst, conversationId)
                : find("conversationId = ?1 and seq < ?2", newestFirst, conversationId, beforeSeq))
                .page(Page.ofSize(limit)).list();
    }

    /** Oldest first, strictly newer than {@code afterSeq}. */
    public static List<ChatMessage> after(UUID conversationId, long afterSeq, int limit) {
        return find("conversationId = ?1 and seq > ?2", Sort.ascending("seq"), conversationId, afterSeq)
                .page(Page.ofSize(limit)).list();
    }

    public static List<ChatMessage> repliesTo(UUID messageId) {
        return list("replyTo", Sort.ascending("seq"), messageId);
    }

    public static Optional<Instant> oldestSentBySince(String authorId, Instant since) {
        return ChatMessage.<ChatMessage> find("authorId = ?1 and sentAt > ?2", Sort.ascending("sentAt"), authorId, since)
                .firstResultOptional().map(message -> message.sentAt);
    }

    public static boolean automatedReplySince(UUID conversationId, MessageKind kind, Instant since) {
        return count("conversationId = ?1 and kind = ?2 and sentAt > ?3", conversationId, kind, since) > 0;
    }
}
