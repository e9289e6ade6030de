package org.careweave.chat.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

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

    /**
     * A conversation locked for posting, and what posting needs to know, read by the locking statement.
     *
     * @param teamVersion          the version of the patient's care team (see CareTeams); "none" before it has one
     * @param authorMessagesSince  messages the author stored since the rate limit's window start
     */
    public record Locked(Conversation conversation, String teamVersion, long authorMessagesSince) {
    }

    /**
     * Locks the conversation for the rest of the transaction, so its messages are stored one at a time, in order. The
     * same round trip reads the team version and the author's message count. Empty when there is no such conversation.
     */
    public static Optional<Locked> lockForPosting(UUID id, String authorId, Instant windowStart) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select c.patient_id, c.kind, c.opened_by, c.created_at,
                           coalesce((select v.xmin::text from care_team_version v where v.patient_id = c.patient_id),
                                    'none'),
                           (select count(*) from chat_message m where m.author_id = ? and m.sent_at > ?)
                    from conversation c where c.id = ? for update of c""")) {
                statement.setString(1, authorId);
                statement.setObject(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
                statement.setObject(3, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Conversation conversation = new Conversation();
                    conversation.id = id;
                    conversation.patientId = row.getString(1);
                    conversation.kind = ConversationKind.valueOf(row.getString(2));
                    conversation.openedBy = row.getString(3);
                    conversation.createdAt = row.getObject(4, OffsetDateTime.class).toInstant();
                    return Optional.of(new Locked(conversation, row.getString(5), row.getLong(6)));
                }
            }
        });
    }
}
