package org.careweave.chat.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.domain.CareTeamAvailability;
import org.careweave.chat.domain.Conversation;
import org.careweave.chat.domain.MessageHistory;
import org.careweave.chat.domain.MessagePipeline;
import org.careweave.chat.domain.ReadReceipts;
import org.careweave.chat.domain.SendRateExceeded;
import org.careweave.platform.access.Roles;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.platform.tracing.EventTraces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;

/**
 * The 24/7 chat socket. The HTTP upgrade needs a valid bearer token (401 otherwise): in the
 * {@code Authorization} header, or, from a browser, in {@code Sec-WebSocket-Protocol} as
 * {@code bearer-token-carrier, quarkus-http-upgrade#Authorization#Bearer%20<token>}. Frames are described in
 * {@link ClientFrame} and {@link ServerFrame}. A connection sees every conversation its user is a member of.
 * When the token expires the server sends {@code {"type":"token-expired"}} and closes with code 4001; the client
 * reconnects with a fresh token. Typing, read and catch-up frames are limited per connection
 * ({@code careweave.chat.socket.*}); over the limit they answer a RATE_LIMITED error frame.
 */
@WebSocket(path = "/api/chat/ws")
@RolesAllowed({ Roles.PATIENT, Roles.THERAPIST, Roles.PSYCHIATRIST, Roles.CARE_COORDINATOR })
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    private static final Set<String> CONTROL_FRAME_TYPES = Set.of("typing", "read", "catch-up");
    private static final UserData.TypedKey<FrameRateLimit> CONTROL_FRAMES = new UserData.TypedKey<>("control-frames");
    private static final UserData.TypedKey<Long> EXPIRY_TIMER = new UserData.TypedKey<>("token-expiry-timer");
    private static final UserData.TypedKey<String> TRACEPARENT = new UserData.TypedKey<>("traceparent");
    /** Application close code (4000-4999): the client reconnects with a fresh token. */
    private static final CloseReason TOKEN_EXPIRED = new CloseReason(4001, "token expired");

    @Inject
    ConversationAccess access;

    @Inject
    MessagePipeline pipeline;

    @Inject
    MessageHistory history;

    @Inject
    ReadReceipts receipts;

    @Inject
    CareTeamAvailability availability;

    @Inject
    ConversationFeed feed;

    @Inject
    MessageViews views;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @Inject
    Vertx vertx;

    @Inject
    EventTraces traces;

    @ConfigProperty(name = "careweave.chat.socket.max-control-frames")
    int maxControlFrames;

    @ConfigProperty(name = "careweave.chat.socket.control-frame-window")
    Duration controlFrameWindow;

    @ConfigProperty(name = "careweave.chat.socket.expiry-notice")
    Duration expiryNotice;

    @OnOpen
    void open(WebSocketConnection connection) {
        ChatUser user = access.currentUser();
        connection.userData().put(ConversationFeed.USER, user);
        feed.connected(connection, user);
        connection.userData().put(CONTROL_FRAMES, new FrameRateLimit(maxControlFrames, controlFrameWindow));
        // Frames have no headers of their own: each send continues the trace the socket was opened under.
        String traceparent = connection.handshakeRequest().header(EventTraces.TRACEPARENT);
        if (traceparent != null) {
            connection.userData().put(TRACEPARENT, traceparent);
        }
        closeAtTokenExpiry(connection);
        if (user.isProvider()) {
            availability.seen(List.of(user.id()));
        }
    }

    /** The token's expiry ends the socket too: the client is told in a frame, then the socket closes. */
    private void closeAtTokenExpiry(WebSocketConnection connection) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        Instant expiry = Instant.ofEpochSecond(token.getExpirationTime());
        // Ahead of Quarkus' own close at the expiry instant, which would not say why.
        long delay = Math.max(1, Duration.between(Instant.now(), expiry.minus(expiryNotice)).toMillis());
        long timer = vertx.setTimer(delay, id -> {
            if (connection.isOpen()) {
                connection.sendText(feed.json(new ServerFrame.TokenExpired(expiry)))
                        .onItemOrFailure().transformToUni((ok, failure) -> connection.close(TOKEN_EXPIRED))
                        .subscribe().with(ok -> {
                        }, failure -> LOG.debugf("Socket already gone at token expiry: %s", failure));
            }
        });
        connection.userData().put(EXPIRY_TIMER, timer);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Long timer = connection.userData().get(EXPIRY_TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
        ChatUser user = connection.userData().get(ConversationFeed.USER);
        if (user != null) {
            feed.disconnected(connection, user);
        }
        if (user != null && user.isProvider()) {
            availability.seen(List.of(user.id()));
        }
    }

    @OnTextMessage
    void onFrame(String raw, WebSocketConnection connection) {
        ChatUser user = connection.userData().get(ConversationFeed.USER);
        ClientFrame frame;
        try {
            frame = mapper.readValue(raw, ClientFrame.class);
        } catch (Exception e) {
            // The parser's message may quote the frame, which may hold message text: say nothing specific.
            reply(connection, new ServerFrame.Error("BAD_FRAME", 400, "The frame is not valid JSON for this socket",
                    null, null, List.of()));
            return;
        }
        String clientMessageId = frame.clientMessageId();
        if (frame.type() != null && CONTROL_FRAME_TYPES.contains(frame.type())) {
            long retryAfter = connection.userData().get(CONTROL_FRAMES).take();
            if (retryAfter > 0) {
                reply(connection, new ServerFrame.Error("RATE_LIMITED", 429,
                        "Too many typing, read and catch-up frames; slow down", clientMessageId, retryAfter,
                        List.of()));
                return;
            }
        }
        try {
            switch (frame.type() == null ? "" : frame.type()) {
                case "send" -> send(user, frame, connection);
                case "typing" -> {
                    Conversation conversation = access.require(user, frame.conversationId(), "typing");
                    feed.deliver(conversation, new ServerFrame.Typing(conversation.id, user.id()), connection.id());
                }
                case "read" -> {
                    ReadReceipts.Marked marked = receipts.markRead(user, frame.conversationId(), frame.messageId());
                    feed.deliver(marked.conversation(), new ServerFrame.Read(marked.conversation().id, user.id(),
                            marked.receipt().messageId, marked.receipt().readAt), null);
                }
                case "catch-up" -> {
                    MessageHistory.CatchUp missed = history.since(user, frame.conversationId(), frame.lastSeenMessageId());
                    views.of(missed.messages()).forEach(message -> reply(connection, new ServerFrame.Message(message)));
                    reply(connection, new ServerFrame.CaughtUp(missed.conversation().id, missed.messages().size(),
                            missed.more()));
                }
                default -> reply(connection, new ServerFrame.Error("BAD_FRAME", 400,
                        "Unknown frame type; use send, typing, read or catch-up", clientMessageId, null, List.of()));
            }
        } catch (SendRateExceeded e) {
            reply(connection, new ServerFrame.Error("RATE_LIMITED", 429, e.getMessage(), clientMessageId,
                    e.retryAfterSeconds(), List.of()));
        } catch (ProblemException e) {
            reply(connection, new ServerFrame.Error(codeOf(e.status()), e.status(), e.getMessage(), clientMessageId,
                    null, e.errors()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Chat frame of type %s failed", frame.type());
            reply(connection, new ServerFrame.Error("INTERNAL", 500,
                    "The frame could not be processed; try again", clientMessageId, null, List.of()));
        }
    }

    private void send(ChatUser user, ClientFrame frame, WebSocketConnection connection) {
        if (frame.conversationId() == null) {
            throw ProblemException.badRequest("The frame names no conversation",
                    List.of(new Problem.FieldError("conversationId", "must not be null")));
        }
        MessagePipeline.Screened screened = pipeline.screen(user, frame.text(), frame.clientMessageId());
        feed.post(frame.conversationId(),
                () -> traces.inSpan("chat socket send", connection.userData().get(TRACEPARENT),
                        () -> pipeline.post(screened, frame.conversationId())),
                posted -> {
                    reply(connection, new ServerFrame.Ack(frame.clientMessageId(), posted.replayed(),
                            views.of(posted.message())));
                    if (posted.replayed()) {
                        views.of(posted.replies()).forEach(message -> reply(connection, new ServerFrame.Message(message)));
                    }
                },
                connection.id());
    }

    /** Not awaited: a worker thread must not wait for the event loop while it holds a conversation's lock. Frames to
     * one connection still go out in the order sent. */
    private void reply(WebSocketConnection connection, Object frame) {
        connection.sendText(feed.json(frame)).subscribe().with(sent -> {
        }, failure -> LOG.debugf("Frame not delivered to connection %s: %s", connection.id(),
                failure.getClass().getSimpleName()));
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "INVALID";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409, 422 -> "CONFLICT";
            default -> "ERROR";
        };
    }
}
