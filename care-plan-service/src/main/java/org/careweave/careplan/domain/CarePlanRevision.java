package org.careweave.careplan.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One kept revision of a plan's content; revision 1 is the plan as proposed at intake. */
@Entity
@Table(name = "care_plan_revision")
@IdClass(CarePlanRevision.Key.class)
public class CarePlanRevision extends PanacheEntityBase {

    @Id
    @Column(name = "care_plan_id")
    public UUID carePlanId;

    @Id
    public int revision;

    @Enumerated(EnumType.STRING)
    public Modality modality;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Goal> goals;

    @JdbcTypeCode(SqlTypes.JSON)
    public Preferences preferences;

    public String reason;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "revised_at")
    public Instant revisedAt;

    public static List<CarePlanRevision> of(UUID carePlanId) {
        return list("carePlanId = ?1 order by revision", carePlanId);
    }

    public static CarePlanRevision snapshot(CarePlan plan, String reason, String revisedBy, Instant at) {
        CarePlanRevision row = new CarePlanRevision();
        row.carePlanId = plan.id;
        row.revision = plan.revision;
        row.modality = plan.modality;
        row.goals = plan.goals;
        row.preferences = plan.preferences;
        row.reason = reason;
        row.revisedBy = revisedBy;
        row.revisedAt = at;
        return row;
    }

    public record Key(UUID carePlanId, int revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
