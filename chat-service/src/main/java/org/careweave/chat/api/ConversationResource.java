package org.careweave.chat.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.domain.Conversations;
import org.careweave.chat.domain.MessageHistory;
import org.careweave.chat.domain.MessagePipeline;
import org.careweave.platform.access.Roles;
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

/** Conversations and their history over REST; sending here goes through the same pipeline as the socket. */
@Path("/api/chat/conversations")
@Tag(name = "Chat", description = "24/7 chat with the care team and automated support")
@RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    ConversationAccess access;

    @Inject
    Conversations conversations;

    @Inject
    MessagePipeline pipeline;

    @Inject
    MessageHistory history;

    @Inject
    ConversationFeed feed;

    @Inject
    MessageViews views;

    @GET
    @Operation(summary = "The caller's conversations",
            description = "A patient's own care-team and support conversations; a provider's conversations about "
                    + "patients whose care team they are on.")
    public RestResponse<List<ConversationView>> mine(
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)) @QueryParam("limit") String limit,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(limit, page);
        return Page.of(conversations.mine(access.currentUser(), request), request, ConversationView::of, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a conversation",
            description = "CARE_TEAM: the patient and their care team; TEAM_ONLY: the patient's therapist and "
                    + "prescriber (opened by one of them, with patientId); SUPPORT: the patient and automated "
                    + "support. Answers 201 for a new conversation, 200 with the existing one of that kind.")
    public Response open(@Valid @NotNull OpenConversationRequest request) {
        Conversations.Opened opened = conversations.open(access.currentUser(), request.kind(), request.patientId());
        ConversationView view = ConversationView.of(opened.conversation());
        return opened.created()
                ? Response.created(URI.create("/api/chat/conversations/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{id}/messages")
    @Operation(summary = "A page of messages, newest first",
            description = "Pass the previous page's nextBefore as before for older messages; limit is at most "
                    + MessageHistory.MAX_PAGE + " (more answers 400).")
    public MessagePage messages(@PathParam("id") UUID conversationId,
            @Parameter(description = "Id of a message; only older messages are returned") @QueryParam("before")
            @Size(max = 36) @Schema(format = "uuid") String before,
            @QueryParam("limit") @DefaultValue("" + MessageHistory.DEFAULT_PAGE) @Min(1) @Max(MessageHistory.MAX_PAGE) int limit) {
        MessageHistory.Page page = history.page(access.currentUser(), conversationId, cursor(before), limit);
        return new MessagePage(views.of(page.messages()), page.nextBefore());
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message (REST fallback of the socket)",
            description = "Stored before it is acknowledged and delivered to connected members. With an "
                    + "Idempotency-Key a retried send is stored once: the retry answers 200 with the stored message "
                    + "and Idempotent-Replayed: true. Crisis resources or self-help come back in replies.")
    public Response send(@PathParam("id") UUID conversationId,
            @Parameter(description = "Client-chosen key, unique per message, 1-100 characters")
            @HeaderParam(IDEMPOTENCY_KEY) @Schema(maxLength = MessagePipeline.MAX_IDEMPOTENCY_KEY_LENGTH) String idempotencyKey,
            @Valid @NotNull SendMessageRequest request) {
        MessagePipeline.Screened screened = pipeline.screen(access.currentUser(), request.text(), idempotencyKey);
        MessagePipeline.Posted posted = feed.post(conversationId, () -> pipeline.post(screened, conversationId),
                stored -> {
                }, null);
        SendResult body = new SendResult(views.of(posted.message()), views.of(posted.replies()));
        return posted.replayed()
                ? Response.ok(body).header("Idempotent-Replayed", "true").build()
                : Response.status(Response.Status.CREATED).entity(body).build();
    }

    private static UUID cursor(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(before);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The cursor is not a message id",
                    List.of(new Problem.FieldError("before", "must be a message id")));
        }
    }
}
