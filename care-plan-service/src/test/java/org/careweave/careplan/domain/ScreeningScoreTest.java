package org.careweave.careplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScreeningScoreTest {

    @Test
    void phq9BandsFollowThePublishedCutOffs() {
        assertThat(ScreeningScore.band(Instrument.PHQ9, 4)).isEqualTo("MINIMAL");
        assertThat(ScreeningScore.band(Instrument.PHQ9, 5)).isEqualTo("MILD");
        assertThat(ScreeningScore.band(Instrument.PHQ9, 10)).isEqualTo("MODERATE");
        assertThat(ScreeningScore.band(Instrument.PHQ9, 15)).isEqualTo("MODERATELY_SEVERE");
        assertThat(ScreeningScore.band(Instrument.PHQ9, 20)).isEqualTo("SEVERE");
    }

    @Test
    void gad7HasNoModeratelySevereBand() {
        assertThat(ScreeningScore.band(Instrument.GAD7, 14)).isEqualTo("MODERATE");
        assertThat(ScreeningScore.band(Instrument.GAD7, 15)).isEqualTo("SEVERE");
    }

    @Test
    void item9AboveZeroIsSelfHarmRiskWhateverTheTotal() {
        assertThat(ScreeningScore.selfHarmRisk(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1))).isTrue();
        assertThat(ScreeningScore.selfHarmRisk(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0))).isFalse();
        assertThat(ScreeningScore.selfHarmRisk(null)).isFalse();
    }

    @Test
    void responseIsAHalvingAndRemissionIsBelowFive() {
        assertThat(new Measurement(Instrument.PHQ9, 16, 12, 8).response()).isTrue();
        assertThat(new Measurement(Instrument.PHQ9, 16, 12, 9).response()).isFalse();
        assertThat(new Measurement(Instrument.PHQ9, 16, 12, 9).changeFromBaselinePercent()).isEqualTo(-44);
        assertThat(new Measurement(Instrument.PHQ9, 16, 12, 9).trend()).isEqualTo(Measurement.Trend.IMPROVING);
        assertThat(new Measurement(Instrument.PHQ9, 6, 6, 4).remission()).isTrue();
    }
}
