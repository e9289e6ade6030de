package org.careweave.therapy.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.therapy.access.SessionAccess;
import org.careweave.therapy.domain.SessionScheduler;
import org.careweave.therapy.domain.TherapySession;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/therapy/session-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Therapy sessions")
public class SessionSeriesResource {

    @Inject
    SessionScheduler scheduler;

    @Inject
    SessionAccess access;

    @Inject
    AuditTrail audit;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.CARE_COORDINATOR })
    @Operation(summary = "Book a weekly series, all or nothing; 409 names every clashing week")
    public Response scheduleSeries(@Valid @NotNull ScheduleSeriesRequest request) {
        access.requireMayBook(request.patientId(), request.therapistId());
        List<TherapySession> sessions = scheduler.scheduleSeries(request.firstSlot(), request.weeks());
        for (TherapySession session : sessions) {
            audit.record("SCHEDULE", SessionAccess.SESSION, session.id.toString(), session.patientId,
                    AuditTrail.Outcome.SUCCESS);
        }
        SeriesView series = new SeriesView(sessions.get(0).seriesId, sessions.stream().map(SessionView::of).toList());
        return Response.created(URI.create("/api/therapy/sessions/" + sessions.get(0).id)).entity(series).build();
    }
}
