package org.careweave.careplan.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.careweave.careplan.access.CarePlanAccess;
import org.careweave.careplan.access.RealmUsers;
import org.careweave.careplan.domain.CarePlan;
import org.careweave.careplan.domain.CarePlanLifecycle;
import org.careweave.careplan.domain.CarePlanRevision;
import org.careweave.careplan.domain.PriceTable;
import org.careweave.careplan.domain.TimelineEntry;
import org.careweave.careplan.domain.UrgentFlag;
import org.careweave.careplan.domain.UrgentFlags;
import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.paging.Page;
import org.careweave.platform.paging.PageRequest;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/care-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care plans")
public class CarePlanResource {

    private static final String TIMELINE = "care-timeline";

    @Inject
    Caller caller;

    @Inject
    CarePlanAccess access;

    @Inject
    CarePlanLifecycle lifecycle;

    @Inject
    UrgentFlags flags;

    @Inject
    RealmUsers realmUsers;

    @Inject
    AuditTrail audit;

    @Inject
    PriceTable prices;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A care plan: the patient's own, one of a care-team patient's, or any for a coordinator")
    public CarePlanView get(@PathParam("id") @Size(max = 36) String id) {
        CarePlan plan = access.require("read", id, false);
        audit.record("read", CarePlanAccess.RESOURCE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return view(plan);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "The calling patient's current care plan")
    public CarePlanView mine() {
        CarePlan plan = CarePlan.currentOf(caller.id()).orElseThrow(() -> ProblemException.notFound("Care plan"));
        audit.record("read", CarePlanAccess.RESOURCE, plan.id.toString(), plan.patientId, AuditTrail.Outcome.SUCCESS);
        return view(plan);
    }

    @GET
    @RolesAllowed({ Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A patient's care plans, newest first (care coordinators and the patient's care team)")
    public List<CarePlanView> ofPatient(@QueryParam("patientId") @NotBlank @Size(max = 100) String patientId) {
        access.requirePatient("list", CarePlanAccess.RESOURCE, patientId);
        List<CarePlanView> plans = CarePlan.ofPatient(patientId).stream().map(this::view).toList();
        audit.record("list", CarePlanAccess.RESOURCE, null, patientId, AuditTrail.Outcome.SUCCESS);
        return plans;
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Roles.CARE_COORDINATOR)
    @Transactional
    @Operation(summary = "Activate a proposed care plan")
    public CarePlanView activate(@PathParam("id") @Size(max = 36) String id) {
        CarePlan plan = access.require("activate", id, true);
        lifecycle.activate(plan);
        audit.record("activate", CarePlanAccess.RESOURCE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return view(plan);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Transactional
    @Operation(summary = "Revise modality, goals and preferences; the revision you edited must still be current")
    public CarePlanView revise(@PathParam("id") @Size(max = 36) String id, @Valid @NotNull RevisionRequest request) {
        CarePlan plan = access.require("revise", id, true);
        lifecycle.revise(plan, request.revision(), request.modality(),
                request.goals().stream().map(GoalInput::toGoal).toList(), request.preferences().toPreferences(),
                request.reason(), caller.id());
        audit.record("revise", CarePlanAccess.RESOURCE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return view(plan);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Every revision of a care plan, oldest first")
    public List<RevisionView> revisions(@PathParam("id") @Size(max = 36) String id) {
        CarePlan plan = access.require("read-revisions", id, false);
        audit.record("read-revisions", CarePlanAccess.RESOURCE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return CarePlanRevision.of(plan.id).stream().map(RevisionView::of).toList();
    }

    @PUT
    @Path("/{id}/care-team")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARE_COORDINATOR)
    @Transactional
    @Operation(summary = "Assign the therapist and prescriber; every service's care-team directory follows")
    public CarePlanView assignCareTeam(@PathParam("id") @Size(max = 36) String id, @Valid @NotNull CareTeamRequest request) {
        CarePlan plan = access.require("assign-care-team", id, true);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.therapistId() == null && request.prescriberId() == null) {
            errors.add(new Problem.FieldError("therapistId", "a therapist or a prescriber is required"));
        }
        requireRealmRole(request.therapistId(), Roles.THERAPIST, "therapistId", errors);
        requireRealmRole(request.prescriberId(), Roles.PSYCHIATRIST, "prescriberId", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The care team is not valid", errors);
        }
        lifecycle.assignTeam(plan, request.therapistId(), request.prescriberId(), caller.id());
        audit.record("assign-care-team", CarePlanAccess.RESOURCE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return view(plan);
    }

    @GET
    @Path("/without-care-team")
    @RolesAllowed(Roles.CARE_COORDINATOR)
    @Operation(summary = "Current care plans that have neither a therapist nor a prescriber yet, oldest first")
    public List<CarePlanView> withoutCareTeam() {
        List<CarePlan> plans = CarePlan.currentWithoutCareTeam();
        plans.forEach(plan -> audit.record("list", CarePlanAccess.RESOURCE, plan.id.toString(), plan.patientId,
                AuditTrail.Outcome.SUCCESS));
        return plans.stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}/patient")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Who the plan's patient is (name from the realm), for the people allowed to see the plan")
    public PatientView patient(@PathParam("id") @Size(max = 36) String id) {
        CarePlan plan = access.require("read", id, false);
        String name = realmUsers.displayNameOf(plan.patientId).orElse(null);
        audit.record("read", "patient-profile", id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return new PatientView(plan.patientId, name);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "The patient's progress from every service, in time order")
    public RestResponse<List<TimelineEntryView>> timeline(@PathParam("id") @Size(max = 36) String id,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(limit, page);
        CarePlan plan = access.require("read", id, false);
        audit.record("read", TIMELINE, id, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return Page.of(TimelineEntry.ofPatient(plan.patientId, request), request, TimelineEntryView::of, uri);
    }

    @POST
    @Path("/{id}/flags/{flagId}/acknowledge")
    @RolesAllowed({ Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Transactional
    @Operation(summary = "Acknowledge an urgent flag of a care-team patient")
    public CaseloadEntry.Flag acknowledge(@PathParam("id") @Size(max = 36) String id, @PathParam("flagId") @Size(max = 36) String flagId) {
        CarePlan plan = access.require("acknowledge-flag", id, false);
        UUID flagUuid = parse(flagId);
        // Locked so two team members acknowledging at once cannot both succeed.
        UrgentFlag flag = flagUuid == null ? null : UrgentFlag.findById(flagUuid, LockModeType.PESSIMISTIC_WRITE);
        if (flag == null || !flag.patientId.equals(plan.patientId)) {
            throw ProblemException.notFound("Urgent flag");
        }
        if (flag.acknowledgedAt != null) {
            throw ProblemException.conflict("The flag was already acknowledged");
        }
        flags.acknowledge(flag, caller.id(), Instant.now());
        audit.record("acknowledge-flag", "urgent-flag", flagId, plan.patientId, AuditTrail.Outcome.SUCCESS);
        return new CaseloadEntry.Flag(flag.id.toString(), flag.source.name(), flag.severity, flag.raisedAt);
    }

    private void requireRealmRole(String userId, String role, String field, List<Problem.FieldError> errors) {
        if (userId != null && !realmUsers.realmRolesOf(userId).map(roles -> roles.contains(role)).orElse(false)) {
            errors.add(new Problem.FieldError(field, "is not a user with the " + role + " role"));
        }
    }

    private CarePlanView view(CarePlan plan) {
        return CarePlanView.of(plan, prices.currency());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
