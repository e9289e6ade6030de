package org.careweave.careplan.domain;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** Typical monthly prices the cost estimate is built from (careweave.pricing.* in application.properties). */
@ConfigMapping(prefix = "careweave.pricing")
public interface PriceTable {

    String currency();

    /** Price of one therapy session by format, keyed "video", "phone", "in-person". */
    Map<String, BigDecimal> session();

    BigDecimal prescriberVisit();

    int prescriberVisitsPerMonth();

    /** Typical monthly cost of a medication class, keyed "ssri", "mood-stabilizer", ... and "other". */
    Map<String, BigDecimal> medication();

    default BigDecimal sessionPrice(SessionFormat format) {
        return require(session(), key(format.name()), "session price");
    }

    default BigDecimal medicationPrice(String drugClass) {
        BigDecimal price = medication().get(key(drugClass));
        return price != null ? price : require(medication(), "other", "medication price");
    }

    private static String key(String name) {
        return name.toLowerCase().replace('_', '-');
    }

    private static BigDecimal require(Map<String, BigDecimal> prices, String key, String what) {
        BigDecimal price = prices.get(key);
        if (price == null) {
            throw new IllegalStateException("No " + what + " configured for " + key);
        }
        return price;
    }
}
