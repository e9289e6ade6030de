package org.careweave.therapy.domain;

import java.time.Duration;
import java.time.Instant;

/** What a booking asks for: who meets, when, for how long, and how. */
public record SessionSlot(String patientId, String therapistId, Instant startsAt, int durationMinutes,
        Modality modality, SessionFormat format) {

    public SessionSlot plusWeeks(int weeks) {
        return new SessionSlot(patientId, therapistId, startsAt.plus(Duration.ofDays(7L * weeks)),
                durationMinutes, modality, format);
    }
}
