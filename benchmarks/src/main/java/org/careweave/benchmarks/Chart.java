package org.careweave.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's headline figures as two bar panels (throughput, latency) in plain SVG, no external tool. */
final class Chart {

    private record Bar(String label, double value, String color) {
    }

    private Chart() {
    }

    static String svg(Report report) {
        List<Bar> throughput = new ArrayList<>();
        for (String target : List.of("direct", "nginx", "gateway")) {
            throughput.add(new Bar(target + " req/s (2t/32c)", report.value("http", target + " req/s median"),
                    target.equals("gateway") ? "#d9534f" : target.equals("nginx") ? "#5bc0de" : "#5cb85c"));
        }
        List<Bar> latency = new ArrayList<>();
        for (String target : List.of("direct", "nginx", "gateway")) {
            latency.add(new Bar("HTTP p50 1 conn, " + target, report.value("http", target + " p50 at 1 connection"), "#5bc0de"));
        }
        latency.add(new Bar("feed write->arrival p50", report.value("feed", "write->feed p50"), "#f0ad4e"));
        latency.add(new Bar("feed write->arrival p99", report.value("feed", "write->feed p99"), "#d9534f"));
        latency.add(new Bar("chat delivery p50", report.value("chat", "delivery p50"), "#f0ad4e"));
        latency.add(new Bar("chat delivery p99", report.value("chat", "delivery p99"), "#d9534f"));
        latency.add(new Bar("2 replicas: feed cross p99", report.value("replicas", "feed cross-replica p99"), "#d9534f"));
        latency.add(new Bar("2 replicas: chat cross p99", report.value("replicas", "chat cross-replica p99"), "#d9534f"));

        int width = 900;
        int rowHeight = 24;
        int top = 50;
        StringBuilder svg = new StringBuilder();
        int height = top + (throughput.size() + latency.size()) * rowHeight + 120;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Careweave "
                + "benchmarks %s (%s)</text>%n", escape(String.valueOf(report.context.getOrDefault("date", ""))),
                escape(String.valueOf(report.context.getOrDefault("mode", "")))));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"40\">load before: %s</text>%n",
                escape(String.valueOf(report.context.getOrDefault("loadBefore", "")))));
        int y = panel(svg, "Throughput, GET /api/care-plans/mine (req/s, higher is better)", throughput, top + 10, width,
                rowHeight);
        panel(svg, "Latency (ms, lower is better; loads in benchmarks/results/latest.json)", latency, y + 20, width,
                rowHeight);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int panel(StringBuilder svg, String title, List<Bar> bars, int y, int width, int rowHeight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y, escape(title)));
        y += 8;
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        int labelWidth = 230;
        int barSpace = width - labelWidth - 90;
        for (Bar bar : bars) {
            double v = bar.value();
            int w = Double.isNaN(v) || max <= 0 ? 0 : (int) Math.max(1, v / max * barSpace);
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 16, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y + 4, w, rowHeight - 8, bar.color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + w + 6, y + 16,
                    Double.isNaN(v) ? "not measured" : Report.format(v)));
            y += rowHeight;
        }
        return y;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
