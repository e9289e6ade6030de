package org.careweave.therapy.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A therapist's private note on a session: readable by its author only, never shared or published. */
@Entity
@Table(name = "session_private_note")
public class PrivateNote extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
}
