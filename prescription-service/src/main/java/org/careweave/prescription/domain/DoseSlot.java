package org.careweave.prescription.domain;

import java.time.LocalDate;

/** One scheduled dose: the day it belongs to and its place in that day (0 = first dose of the day). */
public record DoseSlot(LocalDate date, int index) {
}
