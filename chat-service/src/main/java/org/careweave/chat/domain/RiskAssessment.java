package org.careweave.chat.domain;

/**
 * A crisis hit: how urgent, what kind, and the vocabulary rule that fired (for review by clinicians; never the
 * message text, and never logged).
 */
public record RiskAssessment(RiskSeverity severity, RiskCategory category, String rule) {
}
