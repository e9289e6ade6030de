package org.careweave.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a run with the load it was measured under: one table, a JSON file and an SVG chart. */
final class Report {

    record Figure(String section, String name, double value, String unit, String load) {
    }

    final List<Figure> figures = new ArrayList<>();
    final Map<String, Object> context = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    synchronized void add(String section, String name, double value, String unit, String load) {
        figures.add(new Figure(section, name, value, unit, load));
        System.out.printf(Locale.ROOT, "  [%s] %s = %s %s  (%s)%n", section, name, format(value), unit, load);
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("  NOTE " + note);
    }

    double value(String section, String name) {
        return figures.stream().filter(f -> f.section().equals(section) && f.name().equals(name))
                .mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        int nameWidth = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
        String row = "| %-9s | %-" + nameWidth + "s | %10s %-6s | %s |%n";
        out.append(String.format(Locale.ROOT, row, "section", "figure", "value", "", "load"));
        out.append(String.format(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(11), "-".repeat(nameWidth + 2), "-".repeat(19), "-".repeat(6)));
        for (Figure f : figures) {
            out.append(String.format(Locale.ROOT, row, f.section(), f.name(), format(f.value()), f.unit(), f.load()));
        }
        return out.toString();
    }

    void write(Path json, Path svg) throws IOException {
        Files.createDirectories(json.getParent());
        Map<String, Object> doc = new LinkedHashMap<>(context);
        doc.put("figures", figures);
        doc.put("notes", notes);
        Files.writeString(json, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        Files.createDirectories(svg.getParent());
        Files.writeString(svg, Chart.svg(this));
    }
}
