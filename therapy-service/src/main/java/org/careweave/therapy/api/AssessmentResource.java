package org.careweave.therapy.api;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.therapy.access.SessionAccess;
import org.careweave.therapy.domain.Assessment;
import org.careweave.therapy.domain.AssessmentRecorder;
import org.careweave.therapy.domain.AssessmentTrend;
import org.careweave.therapy.domain.Instrument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/therapy/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AssessmentResource {

    @Inject
    AssessmentRecorder recorder;

    @Inject
    SessionAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST })
    @Operation(summary = "Submit a PHQ-9 or GAD-7; the server scores it (total, severity band, PHQ-9 self-harm risk)")
    public Response recordAssessment(@Valid @NotNull AssessmentRequest request) {
        String patientId = patientOf(request);
        access.requireMayRecordAssessment(patientId);
        Assessment scored = recorder.record(patientId, request.instrument(), request.answers(),
                request.sessionId(), caller.id());
        audit.record("RECORD", SessionAccess.ASSESSMENT, scored.id.toString(), scored.patientId,
                AuditTrail.Outcome.SUCCESS);
        AssessmentTrend.Point point = AssessmentTrend.of(Assessment.ofPatient(scored.patientId, scored.instrument))
                .stream().filter(p -> p.assessment().id.equals(scored.id)).findFirst().orElseThrow();
        return Response.status(Response.Status.CREATED).entity(AssessmentView.of(point)).build();
    }

    /** The named patient, or the calling patient when none is named. */
    private String patientOf(AssessmentRequest request) {
        if (request.patientId() != null && !request.patientId().isBlank()) {
            return request.patientId();
        }
        if (caller.hasRole(Roles.PATIENT)) {
            return caller.id();
        }
        throw ProblemException.badRequest("The request has invalid fields",
                List.of(new Problem.FieldError("patientId", "is required unless patients record their own")));
    }

    @GET
    // The patient-record roles: anyone else (an admin) lacks the role, 403, before any record is looked up.
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A patient's assessments, oldest first, each with its trend against the previous and the baseline score")
    public List<AssessmentView> listAssessments(@QueryParam("patientId") @NotBlank @Size(max = 100) String patientId,
            @QueryParam("instrument") @Schema(enumeration = { "PHQ9", "GAD7" }) String instrument) {
        Instrument only = instrumentOf(instrument);
        access.requireMayReadRecords(patientId, SessionAccess.ASSESSMENT);
        audit.record("READ", SessionAccess.ASSESSMENT, null, patientId, AuditTrail.Outcome.SUCCESS);
        return AssessmentTrend.of(Assessment.ofPatient(patientId, only)).stream().map(AssessmentView::of)
                .toList();
    }

    /** Parsed here so an unknown instrument answers 400, not the 404 of a failed parameter conversion. */
    private static Instrument instrumentOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(Instrument.values()).filter(i -> i.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("The request has invalid fields",
                        List.of(new Problem.FieldError("instrument", "must be one of PHQ9, GAD7"))));
    }
}
