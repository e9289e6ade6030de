package org.careweave.platform.careteam;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.careweave.platform.events.careplan.CareTeamChanged;

/** Answers "is provider P on patient X's care team, and as what", from the care plan's care-team events. */
@ApplicationScoped
public class CareTeamDirectory {

    /** Replaces the patient's team with the event's full member list (events carry the whole team, not a delta). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CareTeamChanged change, Instant changedAt) {
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
