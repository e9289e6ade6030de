package org.careweave.chat.domain;

/** What a message is; everything but TEXT comes from automated support. */
public enum MessageKind {
    TEXT,
    SELF_HELP,
    CRISIS_RESOURCES
}
