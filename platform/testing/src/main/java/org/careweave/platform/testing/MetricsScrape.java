package org.careweave.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the app's Prometheus endpoint ({@code /q/metrics}), read the way Prometheus reads it. */
public final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    /** Scrapes {@code /q/metrics} of the app under test. */
    public static MetricsScrape now() {
        return new MetricsScrape(given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }

    /**
     * The sum of every sample of {@code name} whose labels include {@code labels} (key, value, key, value...);
     * 0 when there is none, as for a counter not incremented yet.
     */
    public double value(String name, String... labels) {
        return sum(name, labels, true);
    }

    /** Whether any sample of {@code name} carries {@code labels}. */
    public boolean has(String name, String... labels) {
        return sum(name, labels, false) > 0;
    }

    private double sum(String name, String[] labels, boolean values) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches() || !sample.group(1).equals(name) || !carries(sample.group(3), labels)) {
                continue;
            }
            sum += values ? Double.parseDouble(sample.group(4)) : 1;
        }
        return sum;
    }

    private static boolean carries(String labelText, String[] wanted) {
        Map<String, String> labels = new HashMap<>();
        if (labelText != null) {
            Matcher label = LABEL.matcher(labelText);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(labels.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
