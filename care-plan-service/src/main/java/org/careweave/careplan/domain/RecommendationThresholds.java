package org.careweave.careplan.domain;

import io.smallrye.config.ConfigMapping;

/** Where the treatment rules draw their lines (careweave.recommendation.* in application.properties). */
@ConfigMapping(prefix = "careweave.recommendation")
public interface RecommendationThresholds {

    /** PHQ-9 total from which depression counts as moderately severe and combined care is advised. */
    int combinedPhq9Threshold();

    /** Sessions a month of a regular (weekly) therapy plan. */
    int standardSessionsPerMonth();

    /** Fewer sessions a month than this is not regular therapy. */
    int minSessionsPerMonth();
}
