package org.careweave.prescription.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts expected, taken, missed and unreported doses. The window is the last {@code days} days up to and
 * including today. The last day of treatment in the window (today, or the day of discontinuation) is still
 * open: its doses count once reported, so a dose due tonight never shows as unreported this morning.
 */
public final class AdherenceCalculator {

    /** A check-in as the calculator needs it; {@code slot} is null for an as-needed dose. */
    public record ReportedDose(LocalDate date, Integer slot, CheckInStatus status) {
    }

    private AdherenceCalculator() {
    }

    /**
     * @param endDate day of discontinuation, or null while the prescription is active
     */
    public static Adherence calculate(Frequency frequency, LocalDate startDate, LocalDate endDate, LocalDate today,
            int days, List<ReportedDose> reported) {
        LocalDate from = today.minusDays(days - 1L);
        LocalDate lastDay = endDate != null && endDate.isBefore(today) ? endDate : today;
        LocalDate first = startDate.isAfter(from) ? startDate : from;
        if (first.isAfter(lastDay)) {
            return new Adherence(from, today, 0, 0, 0, 0, null);
        }
        List<ReportedDose> inWindow = reported.stream()
                .filter(dose -> !dose.date().isBefore(first) && !dose.date().isAfter(lastDay))
                .toList();
        if (frequency == Frequency.AS_NEEDED) {
            return new Adherence(from, today, 0, count(inWindow, CheckInStatus.TAKEN),
                    count(inWindow, CheckInStatus.MISSED), 0, null);
        }
        Map<DoseSlot, CheckInStatus> bySlot = inWindow.stream().filter(dose -> dose.slot() != null)
                .collect(Collectors.toMap(dose -> new DoseSlot(dose.date(), dose.slot()), ReportedDose::status,
                        (a, b) -> a));
        Set<DoseSlot> expected = new HashSet<>();
        for (DoseSlot slot : DoseSchedule.slotsBetween(frequency, startDate, first, lastDay)) {
            if (slot.date().isBefore(lastDay) || bySlot.containsKey(slot)) {
                expected.add(slot);
            }
        }
        Map<CheckInStatus, Long> outcomes = expected.stream().filter(bySlot::containsKey)
                .collect(Collectors.groupingBy(bySlot::get, Collectors.counting()));
        int taken = outcomes.getOrDefault(CheckInStatus.TAKEN, 0L).intValue();
        int missed = outcomes.getOrDefault(CheckInStatus.MISSED, 0L).intValue();
        BigDecimal rate = expected.isEmpty() ? null
                : BigDecimal.valueOf(taken).divide(BigDecimal.valueOf(expected.size()), 2, RoundingMode.HALF_UP);
        return new Adherence(from, today, expected.size(), taken, missed, expected.size() - taken - missed, rate);
    }

    private static int count(List<ReportedDose> doses, CheckInStatus status) {
        return (int) doses.stream().map(ReportedDose::status).filter(status::equals).count();
    }
}
