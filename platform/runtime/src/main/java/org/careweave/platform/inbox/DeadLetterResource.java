package org.careweave.platform.inbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.careweave.platform.access.Roles;
import org.careweave.platform.audit.AuditTrail;
import org.careweave.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** Dead-lettered events for the admin: what waits and why, and a replay once the cause is fixed. */
@Path("/api/admin/dead-letters/{topic}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {

    static final String RESOURCE = "dead-letter";

    @Inject
    DeadLetters deadLetters;

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Blocking
    @Operation(summary = "Dead-lettered events not replayed yet, oldest first per partition: ids, types and reasons, "
            + "never the payload")
    public List<DeadLetters.DeadLetter> pending(@PathParam("topic") @Size(max = 200) String topic) {
        return deadLetters.pending(known(topic));
    }

    @POST
    @Path("replay")
    @RolesAllowed(Roles.ADMIN)
    @Blocking
    @Operation(summary = "Send every pending dead-lettered event of the topic back to the topic it came from; the "
            + "consumers' inboxes apply each where it was not applied before")
    public List<DeadLetters.DeadLetter> replay(@PathParam("topic") @Size(max = 200) String topic) {
        List<DeadLetters.DeadLetter> replayed = deadLetters.replay(known(topic));
        replayed.forEach(letter -> audit.record("replay", RESOURCE,
                letter.topic() + "/" + letter.partition() + "/" + letter.offset(), letter.patientId(),
                AuditTrail.Outcome.SUCCESS));
        return replayed;
    }

    private static String known(String topic) {
        if (!DeadLetters.isDeadLetterTopic(topic)) {
            throw ProblemException.notFound("Dead-letter topic");
        }
        return topic;
    }
}
