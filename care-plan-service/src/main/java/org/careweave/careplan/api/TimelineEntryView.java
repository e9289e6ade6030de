package org.careweave.careplan.api;

import java.time.Instant;
import java.util.Map;

import org.careweave.careplan.domain.TimelineEntry;

/** One timeline entry; {@code seq} is also the feed's event id. */
public record TimelineEntryView(long seq, String patientId, String kind, Instant occurredAt, String summary,
        Map<String, Object> details) {

    static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.seq, e.patientId, e.kind.name(), e.occurredAt, e.summary, e.details);
    }
}
