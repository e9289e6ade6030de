package org.careweave.prescription.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.audit.AuditTrail.Outcome;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.access.PrescriptionAccess;
import org.careweave.prescription.domain.Prescription;
import org.careweave.prescription.domain.RefillRequest;
import org.careweave.prescription.domain.RefillService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/refill-requests/{id}")
@Tag(name = "Refill requests", description = "The prescriber's decisions on a patient's refill requests")
@RolesAllowed(Roles.PSYCHIATRIST)
public class RefillRequestResource {

    private static final String REFILL_REQUEST = "refill-request";
    private static final String DECIDE = "DECIDE_REFILL";

    @Inject
    Caller caller;

    @Inject
    PrescriptionAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    RefillService refills;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("approve")
    @Operation(summary = "Approve a pending refill request (the prescriber on the care team)",
            description = "409 when all refills allowed have been approved, the prescription is discontinued or the "
                    + "request was already decided. The body with a reason is optional.")
    public RefillRequestResponse approveRefill(@PathParam("id") UUID id, @Valid ApprovalRequest request) {
        return decide(id, true, request == null ? null : request.reason());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("deny")
    @Operation(summary = "Deny a pending refill request (the prescriber on the care team); a reason is required")
    public RefillRequestResponse denyRefill(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return decide(id, false, request.reason());
    }

    private RefillRequestResponse decide(UUID id, boolean approve, String reason) {
        RefillRequest request = RefillRequest.findById(id);
        if (request == null) {
            throw ProblemException.notFound(REFILL_REQUEST);
        }
        Prescription p = access.visible(request.prescriptionId, DECIDE);
        access.requirePrescriber(DECIDE, REFILL_REQUEST, id.toString(), p.patientId);
        RefillRequest decided = refills.decide(p.id, id, approve, reason, caller.id());
        audit.record(DECIDE, REFILL_REQUEST, id.toString(), p.patientId, Outcome.SUCCESS);
        return RefillRequestResponse.of(decided);
    }
}
