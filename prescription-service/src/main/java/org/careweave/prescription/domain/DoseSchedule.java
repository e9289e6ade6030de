package org.careweave.prescription.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled doses of a frequency, and which of them a dose taken at a given local time answers.
 * <ul>
 * <li>ONCE_DAILY: one dose a day, slot 0.</li>
 * <li>TWICE_DAILY: slot 0 before 14:00, slot 1 from 14:00.</li>
 * <li>THREE_TIMES_DAILY: slot 0 before 11:00, slot 1 before 17:00, slot 2 from 17:00.</li>
 * <li>AT_BEDTIME: one dose a day; taken before 05:00 it is the previous evening's dose.</li>
 * <li>WEEKLY: one dose a week, due on the start date and every 7 days after; any day of that week answers it.</li>
 * <li>AS_NEEDED: no scheduled doses.</li>
 * </ul>
 */
public final class DoseSchedule {

    static final LocalTime TWICE_DAILY_SECOND = LocalTime.of(14, 0);
    static final LocalTime THREE_TIMES_SECOND = LocalTime.of(11, 0);
    static final LocalTime THREE_TIMES_THIRD = LocalTime.of(17, 0);
    // A bedtime dose just after midnight still belongs to the evening before.
    static final LocalTime BEDTIME_DAY_STARTS = LocalTime.of(5, 0);

    private DoseSchedule() {
    }

    /** The scheduled dose a dose taken at {@code localTime} (the patient's clock) answers; empty for AS_NEEDED. */
    public static Optional<DoseSlot> slotOf(Frequency frequency, LocalDate startDate, LocalDateTime localTime) {
        LocalDate date = localTime.toLocalDate();
        LocalTime time = localTime.toLocalTime();
        return switch (frequency) {
            case ONCE_DAILY -> Optional.of(new DoseSlot(date, 0));
            case TWICE_DAILY -> Optional.of(new DoseSlot(date, time.isBefore(TWICE_DAILY_SECOND) ? 0 : 1));
            case THREE_TIMES_DAILY -> Optional.of(new DoseSlot(date,
                    time.isBefore(THREE_TIMES_SECOND) ? 0 : time.isBefore(THREE_TIMES_THIRD) ? 1 : 2));
            case AT_BEDTIME -> Optional.of(
                    new DoseSlot(time.isBefore(BEDTIME_DAY_STARTS) ? date.minusDays(1) : date, 0));
            case WEEKLY -> Optional.of(new DoseSlot(
                    startDate.plusWeeks(Math.floorDiv(ChronoUnit.DAYS.between(startDate, date), 7)), 0));
            case AS_NEEDED -> Optional.empty();
        };
    }

    /** Every scheduled dose from {@code from} to {@code to}, both inclusive, not before {@code startDate}. */
    public static List<DoseSlot> slotsBetween(Frequency frequency, LocalDate startDate, LocalDate from, LocalDate to) {
        List<DoseSlot> slots = new ArrayList<>();
        LocalDate first = from.isBefore(startDate) ? startDate : from;
        for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
            for (int index = 0; index < dosesOn(frequency, startDate, day); index++) {
                slots.add(new DoseSlot(day, index));
            }
        }
        return slots;
    }

    private static int dosesOn(Frequency frequency, LocalDate startDate, LocalDate day) {
        return switch (frequency) {
            case ONCE_DAILY, AT_BEDTIME -> 1;
            case TWICE_DAILY -> 2;
            case THREE_TIMES_DAILY -> 3;
            case WEEKLY -> ChronoUnit.DAYS.between(startDate, day) % 7 == 0 ? 1 : 0;
            case AS_NEEDED -> 0;
        };
    }
}
