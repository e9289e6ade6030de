package org.careweave.therapy.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.paging.Page;
import org.careweave.platform.paging.PageRequest;
import org.careweave.platform.problem.ProblemException;
import org.careweave.therapy.access.SessionAccess;
import org.careweave.therapy.domain.PrivateNote;
import org.careweave.therapy.domain.SessionScheduler;
import org.careweave.therapy.domain.TherapySession;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/therapy/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Therapy sessions")
public class SessionResource {

    @Inject
    SessionScheduler scheduler;

    @Inject
    SessionAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Book a session with the patient's assigned therapist; 409 names any overlap")
    public Response scheduleSession(@Valid @NotNull ScheduleSessionRequest request) {
        access.requireMayBook(request.patientId(), request.therapistId());
        TherapySession session = scheduler.schedule(request.slot());
        audit.record("SCHEDULE", SessionAccess.SESSION, session.id.toString(), session.patientId,
                AuditTrail.Outcome.SUCCESS);
        return Response.created(URI.create("/api/therapy/sessions/" + session.id)).entity(SessionView.of(session))
                .build();
    }

    @GET
    // The patient-record roles: anyone else (an admin) lacks the role, 403, before any record is looked up.
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "A patient's sessions starting in [from, to), oldest first")
    public RestResponse<List<SessionView>> listSessions(
            @QueryParam("patientId") @NotBlank @Size(max = 100) String patientId,
            @QueryParam("from") @Size(max = 64) @Schema(format = "date-time") String from,
            @QueryParam("to") @Size(max = 64) @Schema(format = "date-time") String to,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Context UriInfo uri) {
        TimeWindow window = TimeWindow.parse(from, to);
        PageRequest request = PageRequest.of(limit, page);
        access.requireMayReadRecords(patientId, SessionAccess.SESSION);
        audit.record("READ", SessionAccess.SESSION, null, patientId, AuditTrail.Outcome.SUCCESS);
        return Page.of(TherapySession.ofPatient(patientId, window.from(), window.to(), request), request,
                SessionView::of, uri);
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.THERAPIST)
    @Operation(summary = "The calling therapist's schedule: sessions starting in [from, to), oldest first")
    public RestResponse<List<SessionView>> mySchedule(
            @QueryParam("from") @Size(max = 64) @Schema(format = "date-time") String from,
            @QueryParam("to") @Size(max = 64) @Schema(format = "date-time") String to,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Context UriInfo uri) {
        TimeWindow window = TimeWindow.parse(from, to);
        PageRequest request = PageRequest.of(limit, page);
        List<TherapySession> sessions = TherapySession.ofTherapist(caller.id(), window.from(), window.to(), request);
        sessions.stream().limit(request.limit()).map(s -> s.patientId).distinct().forEach(patientId -> audit.record(
                "READ", SessionAccess.SESSION, null, patientId, AuditTrail.Outcome.SUCCESS));
        return Page.of(sessions, request, SessionView::of, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "One session, without its private note")
    public SessionView getSession(@PathParam("id") UUID id) {
        TherapySession session = existing(id);
        access.requireMayRead(session, "READ");
        audit.record("READ", SessionAccess.SESSION, id.toString(), session.patientId, AuditTrail.Outcome.SUCCESS);
        return SessionView.of(session);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Move a scheduled session to a new start time; 409 names any overlap")
    public SessionView rescheduleSession(@PathParam("id") UUID id, @Valid @NotNull RescheduleRequest request) {
        TherapySession session = existing(id);
        access.requireMayChange(session, "RESCHEDULE");
        TherapySession moved = scheduler.reschedule(id, request.startsAt().toInstant());
        audit.record("RESCHEDULE", SessionAccess.SESSION, id.toString(), moved.patientId, AuditTrail.Outcome.SUCCESS);
        return SessionView.of(moved);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Cancel a scheduled session; inside the notice window it is marked late")
    public SessionView cancelSession(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        TherapySession session = existing(id);
        access.requireMayChange(session, "CANCEL");
        TherapySession cancelled = scheduler.cancel(id, request.reason());
        audit.record("CANCEL", SessionAccess.SESSION, id.toString(), cancelled.patientId, AuditTrail.Outcome.SUCCESS);
        return SessionView.of(cancelled);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.THERAPIST)
    @Operation(summary = "Record that the session took place, with a summary for the care team and an optional private note")
    public SessionView completeSession(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request) {
        TherapySession session = existing(id);
        access.requireSessionTherapist(session, "COMPLETE");
        TherapySession completed = scheduler.complete(id, request.summary(), request.homework(), request.privateNote(),
                caller.id());
        audit.record("COMPLETE", SessionAccess.SESSION, id.toString(), completed.patientId, AuditTrail.Outcome.SUCCESS);
        return SessionView.of(completed);
    }

    @POST
    @Path("{id}/no-show")
    @RolesAllowed(Roles.THERAPIST)
    @Operation(summary = "Record that the patient did not attend")
    public SessionView recordNoShow(@PathParam("id") UUID id) {
        TherapySession session = existing(id);
        access.requireSessionTherapist(session, "NO_SHOW");
        TherapySession missed = scheduler.markNoShow(id);
        audit.record("NO_SHOW", SessionAccess.SESSION, id.toString(), missed.patientId, AuditTrail.Outcome.SUCCESS);
        return SessionView.of(missed);
    }

    @GET
    @Path("{id}/note")
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "The session's private note, to its author only (404 for everyone else)")
    public PrivateNoteView getPrivateNote(@PathParam("id") UUID id) {
        TherapySession session = existing(id);
        PrivateNote note = PrivateNote.findById(id);
        access.requireAuthor(note, session);
        audit.record("READ", SessionAccess.PRIVATE_NOTE, id.toString(), session.patientId, AuditTrail.Outcome.SUCCESS);
        return PrivateNoteView.of(note);
    }

    private static TherapySession existing(UUID id) {
        TherapySession session = TherapySession.findById(id);
        if (session == null) {
            throw ProblemException.notFound("Therapy session");
        }
        return session;
    }
}
