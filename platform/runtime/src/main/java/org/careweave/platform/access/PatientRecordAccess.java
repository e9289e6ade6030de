package org.careweave.platform.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.problem.ProblemException;

/**
 * The design's access model for a patient's records: the patient themself, a provider while on the
 * patient's care team, or a care coordinator. Anyone else learns nothing, not even that the record
 * exists: they get 404, and the refusal is audited.
 */
@ApplicationScoped
public class PatientRecordAccess {

    @Inject
    Caller caller;

    @Inject
    CareTeamDirectory directory;

    @Inject
    AuditTrail audit;

    public boolean mayAccess(String patientId) {
        if (caller.isPatient(patientId) || caller.hasRole(Roles.CARE_COORDINATOR)) {
            return true;
        }
        boolean provider = caller.hasRole(Roles.THERAPIST) || caller.hasRole(Roles.PSYCHIATRIST);
        return provider && directory.isMember(caller.id(), patientId);
    }

    /** Throws 404 problem (and audits the refusal) unless the caller may access the patient's record. */
    public void require(String action, String resourceType, String resourceId, String patientId) {
        if (!mayAccess(patientId)) {
            audit.record(action, resourceType, resourceId, patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound(resourceType);
        }
    }
}
