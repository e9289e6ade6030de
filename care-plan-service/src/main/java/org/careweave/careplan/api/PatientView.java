package org.careweave.careplan.api;

/** A care plan's patient as the care team sees them: the id and the name the realm holds (null when unknown). */
public record PatientView(String patientId, String name) {
}
