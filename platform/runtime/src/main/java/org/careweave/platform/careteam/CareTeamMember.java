package org.careweave.platform.careteam;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "care_team_member")
@IdClass(CareTeamMember.Key.class)
public class CareTeamMember extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public String patientId;

    @Id
    @Column(name = "provider_id")
    public String providerId;

    @Id
    @Enumerated(EnumType.STRING)
    public CareTeamRole role;

    @Column(name = "care_plan_id", nullable = false)
    public String carePlanId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public record Key(String patientId, String providerId, CareTeamRole role) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
