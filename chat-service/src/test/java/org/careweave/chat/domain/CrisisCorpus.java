package org.careweave.chat.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A labelled part of the crisis corpus ({@code crisis/corpus-*.tsv}: category or {@code none}, a tab, the message)
 * and the detector's score on it: per category the support, recall (risk messages detected as risk) and false
 * alarms ({@code none} messages flagged, by the category that fired).
 */
record CrisisCorpus(String name, List<Labelled> messages) {

    static final String NONE = "none";

    /** {@code section}: the last comment line above the message, which names its batch. */
    record Labelled(String label, String text, String section) {

        boolean risky() {
            return !NONE.equals(label);
        }
    }

    record Result(Labelled message, Optional<RiskAssessment> assessment) {
    }

    static CrisisCorpus load(String resource) {
        List<Labelled> messages = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CrisisCorpus.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            String section = resource;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    section = line.substring(1).trim();
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                messages.add(new Labelled(parts[0].trim(), parts[1].trim(), section));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrisisCorpus(resource, messages);
    }

    Score score(CrisisDetector detector) {
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        for (Labelled message : messages) {
            results.add(new Result(message, detector.assess(message.text())));
        }
        double millisPerMessage = (System.nanoTime() - started) / 1e6 / messages.size();
        return new Score(name, results, millisPerMessage);
    }

    record Score(String name, List<Result> results, double millisPerMessage) {

        long risky() {
            return results.stream().filter(r -> r.message().risky()).count();
        }

        long detected() {
            return results.stream().filter(r -> r.message().risky() && r.assessment().isPresent()).count();
        }

        long nones() {
            return results.size() - risky();
        }

        long falseAlarms() {
            return results.stream().filter(r -> !r.message().risky() && r.assessment().isPresent()).count();
        }

        double recall() {
            return (double) detected() / risky();
        }

        double falseAlarmRate() {
            return (double) falseAlarms() / nones();
        }

        List<Result> misses() {
            return results.stream().filter(r -> r.message().risky() != r.assessment().isPresent()).toList();
        }

        /** Recall and false alarms of each section (batch) of the part, in file order. */
        String bySection() {
            Map<String, long[]> sections = new LinkedHashMap<>();
            for (Result result : results) {
                long[] row = sections.computeIfAbsent(result.message().section(), section -> new long[4]);
                int offset = result.message().risky() ? 0 : 2;
                row[offset]++;
                if (result.assessment().isPresent()) {
                    row[offset + 1]++;
                }
            }
            StringBuilder table = new StringBuilder("| section | recall | false alarms |\n|---|---:|---:|\n");
            sections.forEach((section, row) -> table.append(String.format("| %s | %s (%d of %d) | %s (%d of %d) |%n",
                    section.length() > 60 ? section.substring(0, 60) + "..." : section, percent(row[1], row[0]),
                    row[1], row[0], percent(row[3], row[2]), row[3], row[2])));
            return table.toString();
        }

        /** The table for the chat README (Markdown). */
        String table() {
            Map<RiskCategory, long[]> rows = new EnumMap<>(RiskCategory.class);
            for (RiskCategory category : RiskCategory.values()) {
                rows.put(category, new long[4]);
            }
            for (Result result : results) {
                if (result.message().risky()) {
                    long[] row = rows.get(RiskCategory.ofLabel(result.message().label()));
                    row[0]++;
                    if (result.assessment().isPresent()) {
                        row[1]++;
                        if (result.assessment().get().category().label().equals(result.message().label())) {
                            row[2]++;
                        }
                    }
                } else if (result.assessment().isPresent()) {
                    rows.get(result.assessment().get().category())[3]++;
                }
            }
            StringBuilder table = new StringBuilder();
            table.append(String.format("%s: %d messages, %.2f ms per message%n%n", name, results.size(), millisPerMessage));
            table.append("| category | severity | support | detected | recall | same category | false alarms |\n");
            table.append("|---|---|---:|---:|---:|---:|---:|\n");
            for (RiskCategory category : RiskCategory.values()) {
                long[] row = rows.get(category);
                table.append(String.format("| %s | %s | %d | %d | %s | %d | %d |%n", category.label(),
                        category.severity(), row[0], row[1], percent(row[1], row[0]), row[2], row[3]));
            }
            table.append(String.format("| none | - | %d | - | - | - | %d (%s) |%n", nones(), falseAlarms(),
                    percent(falseAlarms(), nones())));
            table.append(String.format("| **all risk** | - | %d | %d | **%s** | - | **%s** |%n", risky(), detected(),
                    percent(detected(), risky()), percent(falseAlarms(), nones())));
            return table.toString();
        }

        private static String percent(long part, long whole) {
            return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
        }
    }
}
