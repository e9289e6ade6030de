package org.careweave.chat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.careweave.chat.access.ChatUser;
import org.careweave.chat.access.ConversationAccess;
import org.careweave.chat.domain.ChatMessage;
import org.careweave.chat.domain.Conversation;
import org.careweave.chat.domain.MessagePipeline;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Pushes frames to the connected members of a conversation, in the order messages were stored. Members are
 * worked out per frame from the care team, so a provider removed from the team stops receiving at once; their
 * connections are found by user id, so a frame costs the members' connections, not every open one.
 * Connections on other replicas are reached through {@link ReplicaFanOut}.
 */
@ApplicationScoped
public class ConversationFeed {

    static final UserData.TypedKey<ChatUser> USER = new UserData.TypedKey<>("careweave.chat.user");
    private static final Logger LOG = Logger.getLogger(ConversationFeed.class);
    private static final int MAX_ANNOUNCED_CONVERSATIONS = 50_000;

    // Posting and delivering under one lock per conversation keeps delivery in storage order; enough stripes that
    // busy conversations seldom wait for each other.
    private final Object[] stripes = new Object[1024];
    private final Map<String, Set<WebSocketConnection>> byUser = new ConcurrentHashMap<>();
    /** Conversations other replicas announced; their rows never change once opened. Cleared when large. */
    private final Map<UUID, Conversation> announcedConversations = new ConcurrentHashMap<>();

    @Inject
    OpenConnections connections;

    @Inject
    ConversationAccess access;

    @Inject
    MessageViews views;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReplicaFanOut fanOut;

    public ConversationFeed() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    void connected(WebSocketConnection connection, ChatUser user) {
        byUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void disconnected(WebSocketConnection connection, ChatUser user) {
        byUser.computeIfPresent(user.id(), (id, open) -> {
            open.remove(connection);
            return open.isEmpty() ? null : open;
        });
    }

    /** Runs {@code post} (which must commit before returning) and its delivery without interleaving others. */
    private <T> T inOrder(UUID conversationId, Supplier<T> post) {
        synchronized (stripes[Math.floorMod(conversationId.hashCode(), stripes.length)]) {
            return post.get();
        }
    }

    /**
     * Stores a message with {@code post} and delivers it and its automated replies, without interleaving other
     * messages of the conversation. The announcement to other replicas goes out in the storing transaction:
     * PostgreSQL sends a notification at commit, so only for stored messages and in commit order. {@code acknowledge}
     * runs after the commit and before delivery; the sending connection (if any) then only gets the replies.
     */
    public MessagePipeline.Posted post(UUID conversationId, Supplier<MessagePipeline.Posted> post,
            Consumer<MessagePipeline.Posted> acknowledge, String senderConnectionId) {
        return inOrder(conversationId, () -> {
            MessagePipeline.Posted posted = QuarkusTransaction.requiringNew().call(() -> {
                MessagePipeline.Posted stored = post.get();
                if (!stored.replayed()) {
                    fanOut.announceMessages(stored.conversation().id,
                            messagesOf(stored).stream().map(message -> message.id).toList(), stored.team().version(),
                            senderConnectionId);
                }
                return stored;
            });
            acknowledge.accept(posted);
            if (!posted.replayed()) {
                deliverLocally(posted.conversation(), access.memberIds(posted.conversation(), posted.team()),
                        messagesOf(posted), senderConnectionId);
            }
            return posted;
        });
    }

    private static List<ChatMessage> messagesOf(MessagePipeline.Posted posted) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(posted.message());
        messages.addAll(posted.replies());
        return messages;
    }

    public void deliver(Conversation conversation, Object frame, String exceptConnectionId) {
        send(conversation, access.memberIds(conversation), json(frame), exceptConnectionId);
        fanOut.announceFrame(conversation.id, frame, exceptConnectionId);
    }

    /**
     * Another replica stored or received something for this conversation: tell the members connected here. Runs on the
     * conversation's announcement stripe (see ReplicaFanOut), not under the posting lock: the other replica's commit
     * order is kept by the stripe, and waiting for local posters would hold up every conversation of the stripe.
     */
    void deliverAnnounced(ReplicaFanOut.Announcement announcement) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = announcedConversation(announcement.conversationId());
            if (conversation == null) {
                return;
            }
            Set<String> members = access.memberIds(conversation, access.team(conversation, announcement.teamVersion()));
            if (announcement.frame() != null) {
                send(conversation, members, json(announcement.frame()), announcement.exceptConnectionId());
            }
            if (announcement.messageIds() != null && !announcement.messageIds().isEmpty()) {
                deliverLocally(conversation, members, ChatMessage.list("id in ?1", Sort.ascending("seq"),
                        announcement.messageIds()), announcement.exceptConnectionId());
            }
        });
    }

    private Conversation announcedConversation(UUID id) {
        Conversation known = announcedConversations.get(id);
        if (known != null) {
            return known;
        }
        Conversation conversation = Conversation.findById(id);
        if (conversation != null) {
            if (announcedConversations.size() >= MAX_ANNOUNCED_CONVERSATIONS) {
                announcedConversations.clear();
            }
            announcedConversations.put(id, conversation);
        }
        return conversation;
    }

    private void deliverLocally(Conversation conversation, Set<String> members, List<ChatMessage> messages,
            String senderConnectionId) {
        for (int i = 0; i < messages.size(); i++) {
            // Only the sender's own message skips the sending connection, which got an ack; replies go to everyone.
            send(conversation, members, json(new ServerFrame.Message(views.of(messages.get(i)))),
                    i == 0 ? senderConnectionId : null);
        }
    }

    public List<ChatUser> connectedUsers() {
        return connections.stream().map(connection -> connection.userData().get(USER))
                .filter(user -> user != null).distinct().toList();
    }

    private void send(Conversation conversation, Set<String> members, String json, String exceptConnectionId) {
        for (String member : members) {
            for (WebSocketConnection connection : byUser.getOrDefault(member, Set.of())) {
                if (!connection.id().equals(exceptConnectionId) && belongs(connection, conversation, members)
                        && connection.isOpen()) {
                    connection.sendText(json).subscribe().with(
                            sent -> {
                            },
                            failure -> LOG.debugf("Frame not delivered to connection %s: %s", connection.id(),
                                    failure.getClass().getSimpleName()));
                }
            }
        }
    }

    private static boolean belongs(WebSocketConnection connection, Conversation conversation, Set<String> members) {
        ChatUser user = connection.userData().get(USER);
        if (user == null || !members.contains(user.id())) {
            return false;
        }
        return user.id().equals(conversation.patientId) ? user.isPatient() : user.isProvider();
    }

    String json(Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frame cannot be serialized: " + frame.getClass().getSimpleName(), e);
        }
    }
}
