package org.careweave.prescription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.careweave.prescription.domain.AdherenceCalculator.ReportedDose;
import org.junit.jupiter.api.Test;

/** November 2026 (30 days) seen on its last day: days=30 covers Nov 1 to Nov 30, today. */
class AdherenceCalculatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate BEFORE_THE_MONTH = LocalDate.of(2026, 10, 5);

    @Test
    void onceDailyMonthWithMissedAndUnreportedDoses() {
        List<ReportedDose> doses = new ArrayList<>();
        days(1, 20).forEach(d -> doses.add(dose(d, 0, CheckInStatus.TAKEN)));
        days(21, 24).forEach(d -> doses.add(dose(d, 0, CheckInStatus.MISSED)));
        // Nov 25-29 unreported; Oct 31 lies outside the window.
        doses.add(new ReportedDose(NOV_1.minusDays(1), 0, CheckInStatus.TAKEN));

        Adherence a = AdherenceCalculator.calculate(Frequency.ONCE_DAILY, BEFORE_THE_MONTH, null, TODAY, 30, doses);

        assertThat(a.from()).isEqualTo(NOV_1);
        assertThat(a.to()).isEqualTo(TODAY);
        // Today's dose is still open: not expected until reported or the day is over.
        assertThat(a.expected()).isEqualTo(29);
        assertThat(a.taken()).isEqualTo(20);
        assertThat(a.missed()).isEqualTo(4);
        assertThat(a.unreported()).isEqualTo(5);
        assertThat(a.rate()).isEqualByComparingTo("0.69");
    }

    @Test
    void todaysDoseCountsOnceReported() {
        List<ReportedDose> doses = new ArrayList<>();
        days(1, 30).forEach(d -> doses.add(dose(d, 0, CheckInStatus.TAKEN)));

        Adherence a = AdherenceCalculator.calculate(Frequency.ONCE_DAILY, BEFORE_THE_MONTH, null, TODAY, 30, doses);

        assertThat(a.expected()).isEqualTo(30);
        assertThat(a.taken()).isEqualTo(30);
        assertThat(a.unreported()).isZero();
        assertThat(a.rate()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void twiceDailyStartedMidMonthCountsFromTheStartDate() {
        LocalDate start = LocalDate.of(2026, 11, 16);
        List<ReportedDose> doses = new ArrayList<>();
        days(16, 29).forEach(d -> doses.add(dose(d, 0, CheckInStatus.TAKEN)));
        days(16, 25).forEach(d -> doses.add(dose(d, 1, CheckInStatus.TAKEN)));
        days(26, 27).forEach(d -> doses.add(dose(d, 1, CheckInStatus.MISSED)));
        // Evening doses of Nov 28 and 29 unreported.

        Adherence a = AdherenceCalculator.calculate(Frequency.TWICE_DAILY, start, null, TODAY, 30, doses);

        assertThat(a.expected()).isEqualTo(28);
        assertThat(a.taken()).isEqualTo(24);
        assertThat(a.missed()).isEqualTo(2);
        assertThat(a.unreported()).isEqualTo(2);
        assertThat(a.rate()).isEqualByComparingTo("0.86");
    }

    @Test
    void threeTimesDailyExpectsThreeDosesADay() {
        Adherence a = AdherenceCalculator.calculate(Frequency.THREE_TIMES_DAILY, BEFORE_THE_MONTH, null, TODAY, 30,
                List.of(dose(1, 0, CheckInStatus.TAKEN), dose(1, 1, CheckInStatus.TAKEN),
                        dose(1, 2, CheckInStatus.MISSED)));

        assertThat(a.expected()).isEqualTo(87);
        assertThat(a.taken()).isEqualTo(2);
        assertThat(a.missed()).isEqualTo(1);
        assertThat(a.unreported()).isEqualTo(84);
        assertThat(a.rate()).isEqualByComparingTo("0.02");
    }

    @Test
    void asNeededExpectsNothingAndCountsWhatWasTaken() {
        List<ReportedDose> doses = new ArrayList<>();
        days(3, 7).forEach(d -> doses.add(new ReportedDose(d, null, CheckInStatus.TAKEN)));
        doses.add(new ReportedDose(LocalDate.of(2026, 11, 7), null, CheckInStatus.TAKEN));
        doses.add(new ReportedDose(NOV_1.minusDays(3), null, CheckInStatus.TAKEN));

        Adherence a = AdherenceCalculator.calculate(Frequency.AS_NEEDED, BEFORE_THE_MONTH, null, TODAY, 30, doses);

        assertThat(a.expected()).isZero();
        assertThat(a.taken()).isEqualTo(6);
        assertThat(a.missed()).isZero();
        assertThat(a.unreported()).isZero();
        assertThat(a.rate()).isNull();
    }

    @Test
    void discontinuedMidMonthExpectsNothingAfterTheLastDay() {
        List<ReportedDose> doses = new ArrayList<>();
        days(1, 8).forEach(d -> doses.add(dose(d, 0, CheckInStatus.TAKEN)));
        // Nov 9 unreported; Nov 10 is the day of discontinuation and was not reported either.

        Adherence a = AdherenceCalculator.calculate(Frequency.ONCE_DAILY, BEFORE_THE_MONTH,
                LocalDate.of(2026, 11, 10), TODAY, 30, doses);

        assertThat(a.expected()).isEqualTo(9);
        assertThat(a.taken()).isEqualTo(8);
        assertThat(a.unreported()).isEqualTo(1);
        assertThat(a.rate()).isEqualByComparingTo("0.89");
    }

    @Test
    void weeklyExpectsOneDoseOnEachDueDate() {
        // Due Nov 2, 9, 16, 23 and 30 (today, still open).
        List<ReportedDose> doses = List.of(dose(2, 0, CheckInStatus.TAKEN), dose(9, 0, CheckInStatus.MISSED),
                dose(23, 0, CheckInStatus.TAKEN));

        Adherence a = AdherenceCalculator.calculate(Frequency.WEEKLY, BEFORE_THE_MONTH, null, TODAY, 30, doses);

        assertThat(a.expected()).isEqualTo(4);
        assertThat(a.taken()).isEqualTo(2);
        assertThat(a.missed()).isEqualTo(1);
        assertThat(a.unreported()).isEqualTo(1);
        assertThat(a.rate()).isEqualByComparingTo("0.50");
    }

    @Test
    void notStartedYetExpectsNothing() {
        Adherence a = AdherenceCalculator.calculate(Frequency.ONCE_DAILY, TODAY.plusDays(3), null, TODAY, 30,
                List.of());

        assertThat(a.expected()).isZero();
        assertThat(a.rate()).isNull();
    }

    @Test
    void startingTodayExpectsNothingUntilReported() {
        Adherence a = AdherenceCalculator.calculate(Frequency.TWICE_DAILY, TODAY, null, TODAY, 30,
                List.of(new ReportedDose(TODAY, 0, CheckInStatus.TAKEN)));

        assertThat(a.expected()).isEqualTo(1);
        assertThat(a.taken()).isEqualTo(1);
        assertThat(a.unreported()).isZero();
    }

    private static List<LocalDate> days(int first, int last) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = first; d <= last; d++) {
            days.add(LocalDate.of(2026, 11, d));
        }
        return days;
    }

    private static ReportedDose dose(LocalDate day, int slot, CheckInStatus status) {
        return new ReportedDose(day, slot, status);
    }

    private static ReportedDose dose(int dayOfNovember, int slot, CheckInStatus status) {
        return dose(LocalDate.of(2026, 11, dayOfNovember), slot, status);
    }
}
