package org.careweave.prescription.domain;

import java.math.BigDecimal;

/** Dose amounts as a prescriber writes them: "12.5", never "12.500" (as stored) or "1E+1". */
public final class DoseAmounts {

    private DoseAmounts() {
    }

    public static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
