package org.careweave.therapy.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.PatientRecordAccess;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.careteam.CareTeamDirectory;
import org.careweave.platform.careteam.CareTeamRole;
import org.careweave.platform.problem.ProblemException;
import org.careweave.therapy.domain.PrivateNote;
import org.careweave.therapy.domain.TherapySession;

/**
 * Who may do what with therapy sessions and assessments, on top of the platform's patient-record access:
 * someone who may not see the patient's record gets 404 (nothing leaks); someone who may see it but not
 * do this gets 403. Every refusal is audited.
 */
@ApplicationScoped
public class SessionAccess {

    public static final String SESSION = "therapy-session";
    public static final String PRIVATE_NOTE = "session-private-note";
    public static final String ASSESSMENT = "assessment";

    @Inject
    Caller caller;

    @Inject
    PatientRecordAccess records;

    @Inject
    CareTeamDirectory directory;

    @Inject
    AuditTrail audit;

    /**
     * A coordinator books for any patient; a therapist for their own patients with themself; a patient with
     * their own assigned therapist. The session's therapist must be the patient's assigned therapist.
     */
    public void requireMayBook(String patientId, String therapistId) {
        records.require("SCHEDULE", SESSION, null, patientId);
        boolean allowed = caller.hasRole(Roles.CARE_COORDINATOR)
                || caller.isPatient(patientId)
                || (caller.hasRole(Roles.THERAPIST) && caller.id().equals(therapistId));
        if (!allowed) {
            deny("SCHEDULE", SESSION, null, patientId, "Only the patient, their therapist or a coordinator may book");
        }
        if (!directory.hasRole(therapistId, patientId, CareTeamRole.THERAPIST)) {
            audit.record("SCHEDULE", SESSION, null, patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.unprocessable("The therapist is not assigned to this patient");
        }
    }

    public void requireMayRead(TherapySession session, String action) {
        records.require(action, SESSION, session.id.toString(), session.patientId);
    }

    /** Rescheduling and cancelling: the session's therapist, the patient, or a coordinator. */
    public void requireMayChange(TherapySession session, String action) {
        requireMayRead(session, action);
        boolean allowed = caller.hasRole(Roles.CARE_COORDINATOR)
                || caller.isPatient(session.patientId)
                || isSessionTherapist(session);
        if (!allowed) {
            deny(action, SESSION, session.id.toString(), session.patientId,
                    "Only the patient, their therapist or a coordinator may change this session");
        }
    }

    /** Recording what happened (completed, no-show) is the session's therapist's alone. */
    public void requireSessionTherapist(TherapySession session, String action) {
        requireMayRead(session, action);
        if (!isSessionTherapist(session)) {
            deny(action, SESSION, session.id.toString(), session.patientId,
                    "Only the session's therapist may record its outcome");
        }
    }

    /** The author and nobody else; to anyone else the note does not exist. */
    public void requireAuthor(PrivateNote note, TherapySession session) {
        if (note == null || !caller.hasRole(Roles.THERAPIST) || !note.authorId.equals(caller.id())) {
            audit.record("READ", PRIVATE_NOTE, session.id.toString(), session.patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound("Private note");
        }
    }

    /** The patient themself or their therapist. */
    public void requireMayRecordAssessment(String patientId) {
        records.require("RECORD", ASSESSMENT, null, patientId);
        boolean allowed = caller.isPatient(patientId)
                || (caller.hasRole(Roles.THERAPIST)
                        && directory.hasRole(caller.id(), patientId, CareTeamRole.THERAPIST));
        if (!allowed) {
            deny("RECORD", ASSESSMENT, null, patientId, "Only the patient or their therapist may record an assessment");
        }
    }

    public void requireMayReadRecords(String patientId, String resourceType) {
        records.require("READ", resourceType, null, patientId);
    }

    private boolean isSessionTherapist(TherapySession session) {
        return caller.hasRole(Roles.THERAPIST) && caller.id().equals(session.therapistId)
                && directory.hasRole(session.therapistId, session.patientId, CareTeamRole.THERAPIST);
    }

    private void deny(String action, String resourceType, String resourceId, String patientId, String detail) {
        audit.record(action, resourceType, resourceId, patientId, AuditTrail.Outcome.DENIED);
        throw ProblemException.forbidden(detail);
    }
}
