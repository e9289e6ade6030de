package org.careweave.chat.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** When a provider was last connected to the chat. */
@Entity
@Table(name = "chat_presence")
public class Presence extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
