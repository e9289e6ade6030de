package org.careweave.prescription.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.PatientRecordAccess;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.careteam.CareTeamRole;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.domain.Prescription;

/**
 * Who may do what with a prescription. Someone who may not see the patient's record gets 404 (no existence
 * leak); someone who may see it but not make this change gets 403. Both refusals are audited.
 */
@ApplicationScoped
public class PrescriptionAccess {

    public static final String PRESCRIPTION = "prescription";

    @Inject
    Caller caller;

    @Inject
    PatientRecordAccess records;

    @Inject
    CareTeamDirectory directory;

    @Inject
    AuditTrail audit;

    /** The prescription, if it exists and the caller may see the patient's record; 404 otherwise. */
    public Prescription visible(UUID id, String action) {
        Prescription prescription = Prescription.findById(id);
        if (prescription == null) {
            throw ProblemException.notFound(PRESCRIPTION);
        }
        records.require(action, PRESCRIPTION, id.toString(), prescription.patientId);
        return prescription;
    }

    /** Only a psychiatrist who is the prescriber on the patient's care team may prescribe or change a prescription. */
    public boolean mayPrescribeFor(String patientId) {
        return caller.hasRole(Roles.PSYCHIATRIST)
                && directory.hasRole(caller.id(), patientId, CareTeamRole.PRESCRIBER);
    }

    public void requirePrescriber(String action, String resourceType, String resourceId, String patientId) {
        if (!mayPrescribeFor(patientId)) {
            audit.record(action, resourceType, resourceId, patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.forbidden("Only the prescriber on the patient's care team may do this");
        }
    }

    /** Check-ins, side effects and refill requests come from the patient themself. */
    public void requirePatientThemself(String action, String resourceType, Prescription prescription) {
        if (!caller.isPatient(prescription.patientId)) {
            audit.record(action, resourceType, prescription.id.toString(), prescription.patientId,
                    AuditTrail.Outcome.DENIED);
            throw ProblemException.forbidden("Only the patient may report this");
        }
    }
}
