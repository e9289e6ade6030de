// The chat socket (/api/chat/ws). Browsers cannot set headers on a WebSocket, so the token travels as a
// subprotocol (see chat-service/README.md). One socket serves every conversation; after a reconnect each open
// conversation asks for what it missed with a catch-up frame.
import { accessToken } from './auth.js';

const MAX_BACKOFF_MS = 15000;

export class ChatSocket {
  constructor({ onMessage, onState, onError }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.onError = onError;
    this.lastSeen = new Map();
    this.queue = [];
    this.backoff = 1000;
    this.closed = false;
    this.connect();
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat/ws`;
    const socket = new WebSocket(url, ['bearer-token-carrier',
      'quarkus-http-upgrade#Authorization#' + encodeURIComponent(`Bearer ${accessToken()}`)]);
    this.socket = socket;
    socket.onopen = () => {
      this.backoff = 1000;
      this.onState('live');
      for (const [conversationId, lastSeenMessageId] of this.lastSeen) this.catchUp(conversationId, lastSeenMessageId);
      this.queue.splice(0).forEach(frame => socket.send(JSON.stringify(frame)));
    };
    socket.onmessage = event => this.receive(JSON.parse(event.data));
    socket.onclose = () => {
      if (this.closed) return;
      this.onState('reconnecting');
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
    };
  }

  receive(frame) {
    if (frame.type === 'message' || (frame.type === 'ack' && frame.message)) {
      const message = frame.message;
      this.lastSeen.set(message.conversationId, message.id);
      this.onMessage(message);
    } else if (frame.type === 'caught-up' && frame.more) {
      this.catchUp(frame.conversationId, this.lastSeen.get(frame.conversationId));
    } else if (frame.type === 'error') {
      this.onError(frame);
    }
  }

  /** Starts following a conversation whose history up to lastSeenMessageId is already shown. */
  watch(conversationId, lastSeenMessageId) {
    this.lastSeen.set(conversationId, lastSeenMessageId || null);
    this.catchUp(conversationId, lastSeenMessageId);
  }

  unwatch(conversationId) {
    this.lastSeen.delete(conversationId);
  }

  catchUp(conversationId, lastSeenMessageId) {
    const frame = { type: 'catch-up', conversationId };
    if (lastSeenMessageId) frame.lastSeenMessageId = lastSeenMessageId;
    this.sendFrame(frame);
  }

  send(conversationId, text) {
    this.sendFrame({ type: 'send', conversationId, text, clientMessageId: crypto.randomUUID() });
  }

  sendFrame(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else this.queue.push(frame);
  }

  /** Closes the socket as a network failure would; it reconnects and catches up. */
  drop() {
    if (this.socket) this.socket.close();
  }

  close() {
    this.closed = true;
    if (this.socket) this.socket.close();
  }
}
