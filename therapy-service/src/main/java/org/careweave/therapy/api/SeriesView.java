package org.careweave.therapy.api;

import java.util.List;
import java.util.UUID;

public record SeriesView(UUID seriesId, List<SessionView> sessions) {
}
