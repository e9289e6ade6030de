package org.careweave.prescription.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Unit of one dose, written as prescribers write it ("mg", "mcg", "mL") on the API and in events. */
public enum DoseUnit {
    MG("mg"),
    MCG("mcg"),
    ML("mL");

    private final String symbol;

    DoseUnit(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }
}
