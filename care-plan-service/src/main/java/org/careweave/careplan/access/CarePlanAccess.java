package org.careweave.careplan.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.careplan.domain.CarePlan;
import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.ProblemException;

/**
 * The design's access model, answered from this service's own care teams (it owns them) rather than the
 * event-fed directory, so a provider can use a plan the moment they are assigned to it.
 */
@ApplicationScoped
public class CarePlanAccess {

    public static final String RESOURCE = "care-plan";

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The patient themself, any care coordinator, or a therapist or psychiatrist on the patient's team. */
    public boolean mayAccess(String patientId) {
        if (caller.isPatient(patientId) || caller.hasRole(Roles.CARE_COORDINATOR)) {
            return true;
        }
        boolean provider = caller.hasRole(Roles.THERAPIST) || caller.hasRole(Roles.PSYCHIATRIST);
        return provider && isOnTeam(caller.id(), patientId);
    }

    public boolean isOnTeam(String providerId, String patientId) {
        return CarePlan.count("patientId = ?1 and (therapistId = ?2 or prescriberId = ?2 or coordinatorId = ?2)",
                patientId, providerId) > 0;
    }

    /** Throws 404 (audited) unless the plan exists and the caller may access its patient. */
    public CarePlan require(String action, String planId, boolean forUpdate) {
        UUID id = parse(planId);
        CarePlan plan = id == null ? null : forUpdate ? CarePlan.findForUpdate(id).orElse(null) : CarePlan.findById(id);
        if (plan == null || !mayAccess(plan.patientId)) {
            audit.record(action, RESOURCE, planId, plan == null ? null : plan.patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound("Care plan");
        }
        return plan;
    }

    /** Throws 404 (audited) unless the caller may access the patient's records. */
    public void requirePatient(String action, String resourceType, String patientId) {
        if (!mayAccess(patientId)) {
            audit.record(action, resourceType, null, patientId, AuditTrail.Outcome.DENIED);
            throw ProblemException.notFound("Patient");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
