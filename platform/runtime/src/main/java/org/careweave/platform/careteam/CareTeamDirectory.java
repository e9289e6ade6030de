package org.careweave.platform.careteam;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.careweave.platform.events.careplan.CareTeamChanged;

/** Answers "is provider P on patient X's care team, and as what", from the care plan's care-team events. */
@ApplicationScoped
public class CareTeamDirectory {

    @Inject
    EntityManager em;

    /**
     * Replaces the patient's team with the event's full member list (events carry the whole team, not a delta),
     * unless a newer change is already applied: an older event arriving late changes nothing.
     *
     * @return whether the change was applied
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(CareTeamChanged change, Instant changedAt) {
        // Takes the patient's row lock too, so two changes of one team are applied one after the other.
        int newer = em.createNativeQuery("insert into care_team_version (patient_id, changed_at) values (?1, ?2) "
                + "on conflict (patient_id) do update set changed_at = excluded.changed_at "
                + "where care_team_version.changed_at <= excluded.changed_at")
                .setParameter(1, change.patientId())
                .setParameter(2, changedAt)
                .executeUpdate();
        if (newer == 0) {
            return false;
        }
        CareTeamMember.delete("patientId", change.patientId());
        for (CareTeamChanged.Member member : change.members()) {
            CareTeamMember row = new CareTeamMember();
            row.patientId = change.patientId();
            row.providerId = member.providerId();
            row.role = CareTeamRole.valueOf(member.role());
            row.carePlanId = change.carePlanId();
            row.updatedAt = changedAt;
            row.persist();
        }
        return true;
    }

    public Set<CareTeamRole> rolesOf(String providerId, String patientId) {
        List<CareTeamMember> rows = CareTeamMember.list("providerId = ?1 and patientId = ?2", providerId, patientId);
        return rows.stream().map(m -> m.role).collect(Collectors.toSet());
    }

    public boolean isMember(String providerId, String patientId) {
        return CareTeamMember.count("providerId = ?1 and patientId = ?2", providerId, patientId) > 0;
    }

    public boolean hasRole(String providerId, String patientId, CareTeamRole role) {
        return CareTeamMember.count("providerId = ?1 and patientId = ?2 and role = ?3", providerId, patientId, role) > 0;
    }

    public List<String> patientsOf(String providerId) {
        return CareTeamMember.<CareTeamMember> list("providerId", providerId).stream()
                .map(m -> m.patientId).distinct().toList();
    }

    public List<CareTeamMember> team(String patientId) {
        return CareTeamMember.list("patientId", patientId);
    }
}
