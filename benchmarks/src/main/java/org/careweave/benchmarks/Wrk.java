package org.careweave.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run (Debian's wrk, --latency) and the figures of its summary. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Ms, double p99Ms, long non2xx, long socketErrors, String raw) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static Result run(String url, String token, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", "-H", "Authorization: Bearer " + token, url)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IOException("wrk printed no Requests/sec: " + out);
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        long socketErrors = 0;
        if (errors.find()) {
            for (int i = 1; i <= 4; i++) {
                socketErrors += Long.parseLong(errors.group(i));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), percentile(out, "50%"), percentile(out, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, out);
    }

    /** A line of wrk's latency distribution, e.g. "     50%    1.52ms", in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m)\\b").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> v;
        };
    }
}
