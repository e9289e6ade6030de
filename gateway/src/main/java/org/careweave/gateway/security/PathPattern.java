package org.careweave.gateway.security;

import java.util.Arrays;
import java.util.List;

/**
 * A request path pattern on whole segments: {@code *} stands for exactly one segment (an id), a final {@code **} for
 * any number of segments, including none. {@code /api/prescriptions/*}{@code /dose-changes} matches
 * {@code /api/prescriptions/rx-9/dose-changes}; {@code /api/providers/**} matches {@code /api/providers} and below.
 */
public record PathPattern(String text, List<String> segments) {

    public static PathPattern of(String text) {
        String trimmed = stripTrailingSlashes(text.strip());
        if (!trimmed.startsWith("/api/")) {
            throw new IllegalStateException("A path pattern must look like /api/..., got '" + text + "'");
        }
        List<String> segments = split(trimmed);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.isEmpty() || segment.equals("**") && !last
                    || !segment.equals("*") && !segment.equals("**") && segment.contains("*")) {
                throw new IllegalStateException("Bad path pattern '" + text + "': use whole segments, * for one, "
                        + "a final ** for the rest");
            }
        }
        return new PathPattern(trimmed, segments);
    }

    /** Walks the path's segments in place: called for several patterns on every request, so nothing is allocated. */
    public boolean matches(String path) {
        String actual = stripTrailingSlashes(path);
        int start = 1; // the first segment begins after the leading '/'
        for (String expected : segments) {
            if (expected.equals("**")) {
                return true;
            }
            if (start > actual.length()) {
                return false; // the path has fewer segments
            }
            int end = actual.indexOf('/', start);
            if (end < 0) {
                end = actual.length();
            }
            if (!expected.equals("*")
                    && !(end - start == expected.length() && actual.startsWith(expected, start))) {
                return false;
            }
            start = end + 1;
        }
        return start > actual.length();
    }

    private static List<String> split(String path) {
        return Arrays.asList(path.substring(1).split("/", -1));
    }

    private static String stripTrailingSlashes(String path) {
        String stripped = path;
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
