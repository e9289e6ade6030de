package org.careweave.therapy.api;

import java.net.URI;

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

import org.careweave.platform.access.Caller;
import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.therapy.access.SessionAccess;
import org.careweave.therapy.domain.SessionScheduler;
import org.careweave.therapy.domain.TherapySession;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sessions documented after they took place: clinics need them for sessions held without a booking. */
@Path("/api/therapy/sessions/late-entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Therapy sessions")
public class LateEntryResource {

    @Inject
    SessionScheduler scheduler;

    @Inject
    SessionAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.THERAPIST)
    @Operation(summary = "Document a session with one's own patient that already took place: booked in the past and "
            + "completed in one step, marked as a late entry")
    public Response documentLateEntry(@Valid @NotNull LateEntryRequest request) {
        access.requireMayBook(request.patientId(), caller.id());
        TherapySession session = scheduler.documentLateEntry(request.slot(caller.id()), request.summary(),
                request.homework(), request.privateNote());
        audit.record("LATE_ENTRY", SessionAccess.SESSION, session.id.toString(), session.patientId,
                AuditTrail.Outcome.SUCCESS);
        return Response.created(URI.create("/api/therapy/sessions/" + session.id)).entity(SessionView.of(session))
                .build();
    }
}
