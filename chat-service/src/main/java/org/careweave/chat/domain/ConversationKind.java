package org.careweave.chat.domain;

/** Who a conversation is between. */
public enum ConversationKind {
    /** The patient and their current care team. */
    CARE_TEAM,
    /** The patient's therapist and prescriber, without the patient. */
    TEAM_ONLY,
    /** The patient and automated support. */
    SUPPORT
}
