// The live provider feed (Server-Sent Events). EventSource cannot send an Authorization header, so this reads the
// stream with fetch() and parses the SSE format itself. After a drop it reconnects with Last-Event-ID, so no entry
// is missed; heartbeats (comments) keep a quiet stream alive, and a stream silent for too long is reopened.
import { accessToken, renew } from './auth.js';

const SILENCE_LIMIT_MS = 45000;
const MAX_BACKOFF_MS = 15000;

/** Splits an SSE byte stream into events: {id, event, data}; comments are reported as heartbeats. */
export class SseParser {
  constructor(onEvent, onComment = () => {}) {
    this.onEvent = onEvent;
    this.onComment = onComment;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.id = undefined;
    this.event = 'message';
    this.data = [];
  }

  push(chunk) {
    this.buffer += chunk;
    let newline;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length) this.onEvent({ id: this.id, event: this.event, data: this.data.join('\n') });
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}

/**
 * Follows /api/providers/me/feed until stop() is called.
 * onEntry(entry) gets each timeline entry; onState('live' | 'reconnecting' | 'stopped') the connection's state.
 */
export function follow({ onEntry, onState }) {
  let lastEventId;
  let stopped = false;
  let controller;
  let backoff = 1000;

  async function once() {
    controller = new AbortController();
    let silence;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
    };
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${accessToken()}` };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    try {
      watch();
      const response = await fetch('/api/providers/me/feed', { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        await renew();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`feed answered ${response.status}`);
      onState('live');
      backoff = 1000;
      const parser = new SseParser(event => {
        if (event.id) lastEventId = event.id;
        onEntry(JSON.parse(event.data));
      }, () => {});
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watch();
        parser.push(value);
      }
    } finally {
      clearTimeout(silence);
    }
  }

  (async () => {
    while (!stopped) {
      try {
        await once();
      } catch (e) {
        // dropped, refused or silent: try again below
      }
      if (stopped) break;
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, backoff));
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
    onState('stopped');
  })();

  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
    /** Drops the connection as a network failure would (for tests and for a token change). */
    drop() {
      if (controller) controller.abort();
    },
  };
}
