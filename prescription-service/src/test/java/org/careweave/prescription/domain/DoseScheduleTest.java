package org.careweave.prescription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class DoseScheduleTest {

    static final LocalDate START = LocalDate.of(2026, 10, 5);
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    @Test
    void twiceDailySplitsTheDayAt14() {
        assertThat(slot(Frequency.TWICE_DAILY, NOV_3.atTime(13, 59))).isEqualTo(new DoseSlot(NOV_3, 0));
        assertThat(slot(Frequency.TWICE_DAILY, NOV_3.atTime(14, 0))).isEqualTo(new DoseSlot(NOV_3, 1));
    }

    @Test
    void threeTimesDailySplitsTheDayAt11And17() {
        assertThat(slot(Frequency.THREE_TIMES_DAILY, NOV_3.atTime(10, 59))).isEqualTo(new DoseSlot(NOV_3, 0));
        assertThat(slot(Frequency.THREE_TIMES_DAILY, NOV_3.atTime(11, 0))).isEqualTo(new DoseSlot(NOV_3, 1));
        assertThat(slot(Frequency.THREE_TIMES_DAILY, NOV_3.atTime(16, 59))).isEqualTo(new DoseSlot(NOV_3, 1));
        assertThat(slot(Frequency.THREE_TIMES_DAILY, NOV_3.atTime(17, 0))).isEqualTo(new DoseSlot(NOV_3, 2));
    }

    @Test
    void aBedtimeDoseAfterMidnightBelongsToTheEveningBefore() {
        assertThat(slot(Frequency.AT_BEDTIME, NOV_3.atTime(0, 30))).isEqualTo(new DoseSlot(NOV_3.minusDays(1), 0));
        assertThat(slot(Frequency.AT_BEDTIME, NOV_3.atTime(22, 30))).isEqualTo(new DoseSlot(NOV_3, 0));
        assertThat(slot(Frequency.ONCE_DAILY, NOV_3.atTime(0, 30))).isEqualTo(new DoseSlot(NOV_3, 0));
    }

    @Test
    void aWeeklyDoseAnywhereInTheWeekAnswersThatWeeksDueDate() {
        // START + 28 days = Nov 2.
        assertThat(slot(Frequency.WEEKLY, NOV_3.atTime(9, 0))).isEqualTo(new DoseSlot(LocalDate.of(2026, 11, 2), 0));
        assertThat(DoseSchedule.slotsBetween(Frequency.WEEKLY, START, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30))).extracting(DoseSlot::date).containsExactly(LocalDate.of(2026, 11, 2),
                        LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23),
                        LocalDate.of(2026, 11, 30));
    }

    @Test
    void asNeededHasNoScheduledDose() {
        assertThat(DoseSchedule.slotOf(Frequency.AS_NEEDED, START, NOV_3.atTime(9, 0))).isEmpty();
        assertThat(DoseSchedule.slotsBetween(Frequency.AS_NEEDED, START, START, NOV_3)).isEmpty();
    }

    private static DoseSlot slot(Frequency frequency, LocalDateTime at) {
        return DoseSchedule.slotOf(frequency, START, at).orElseThrow();
    }
}
