package org.careweave.prescription.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Adherence over a window of days.
 *
 * @param expected   scheduled doses that have come due (always 0 for AS_NEEDED)
 * @param unreported expected doses with no check-in
 * @param rate       taken / expected, two decimals; null when nothing was expected
 */
public record Adherence(LocalDate from, LocalDate to, int expected, int taken, int missed, int unreported,
        BigDecimal rate) {
}
