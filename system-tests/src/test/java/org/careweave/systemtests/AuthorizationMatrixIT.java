package org.careweave.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.careweave.systemtests.ApiDocument.Operation;
import org.careweave.systemtests.CareScenario.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the served OpenAPI document, called by each of the eight callers of the access model on one
 * patient's real record, answers exactly the status the table in system-tests/src/test/resources/
 * authorization-matrix.md says. An operation of the document missing from the table fails too, so a new endpoint
 * cannot ship without its row. The run writes what it saw to target/authorization-matrix.actual.md (same format).
 */
@ExtendWith(Stack.class)
class AuthorizationMatrixIT {

    static final Path ROOT = Path.of(System.getProperty("careweave.repo.root", "..")).toAbsolutePath().normalize();
    static final Path TABLE = ROOT.resolve("system-tests/src/test/resources/authorization-matrix.md");
    static final Path ACTUAL = ROOT.resolve("system-tests/target/authorization-matrix.actual.md");

    /**
     * Who calls first: the callers who should be refused, then those who may act, the patient last, so a refused call
     * can never be what changed the record a later caller sees.
     */
    static final List<Caller> CALL_ORDER = List.of(Caller.ANONYMOUS, Caller.ADMIN, Caller.OTHER_PATIENT,
            Caller.OUTSIDER, Caller.COORDINATOR, Caller.TEAM_THERAPIST, Caller.TEAM_PSYCHIATRIST, Caller.PATIENT);

    /** Operations that end something (a session, a prescription, a refill request) run last, in this order. */
    static final List<String> ENDINGS = List.of("/approve", "/deny", "/no-show", "/complete", "/cancel", "/discontinue");

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
        List<Operation> operations = new ArrayList<>(ApiDocument.served().operations());
        operations.sort(Comparator.comparingInt(AuthorizationMatrixIT::endingRank));
        CareScenario scenario = CareScenario.create();
        CareScenario.Record record = scenario.patient;
        RawHttp http = new RawHttp(Duration.ofSeconds(20));
        // Anonymous calls come from one address, which the gateway allows 60 a minute: paced, never a 429.
        RatePacer pacer = new RatePacer();

        long started = System.nanoTime();
        Map<String, Map<Caller, Integer>> actual = new LinkedHashMap<>();
        for (Operation op : operations) {
            Map<Caller, Integer> row = new LinkedHashMap<>();
            for (Caller caller : CALL_ORDER) {
                Map<String, Object> body = record.body(op);
                pacer.acquire(scenario.tokens.get(caller), op.path());
                RawHttp.Answer answer = http.send(op.method(), record.path(op) + RawHttp.query(record.query(op)),
                        scenario.tokens.get(caller), body == null ? null : "application/json",
                        body == null ? null : ApiDocument.JSON.writeValueAsBytes(body), Map.of());
                row.put(caller, answer.status());
                if (answer.status() >= 400) {
                    assertThat(answer.contentType()).as("%s as %s answered %d", op.key(), caller, answer.status())
                            .startsWith("application/problem+json");
                }
            }
            actual.put(op.key(), row);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int calls = actual.size() * CALL_ORDER.size();
        System.out.printf("FIGURE authorization matrix: %d operations x %d callers = %d calls in %.1f s%n",
                actual.size(), CALL_ORDER.size(), calls, seconds);
        Files.createDirectories(ACTUAL.getParent());
        Files.writeString(ACTUAL, table(actual), StandardCharsets.UTF_8);

        Map<String, List<String>> expected = read(TABLE);
        List<String> deviations = new ArrayList<>();
        actual.forEach((key, row) -> {
            List<String> want = expected.get(key);
            if (want == null) {
                deviations.add(key + ": in the OpenAPI document but not in the table");
                return;
            }
            int column = 0;
            for (Caller caller : Caller.values()) {
                String got = String.valueOf(row.get(caller));
                if (!want.get(column).equals(got)) {
                    deviations.add(key + " as " + caller.column + ": expected " + want.get(column) + ", got " + got);
                }
                column++;
            }
        });
        expected.keySet().stream().filter(key -> !actual.containsKey(key))
                .forEach(key -> deviations.add(key + ": in the table but no longer in the OpenAPI document"));
        assertThat(deviations).as("deviations from %s (what this run saw: %s)", TABLE, ACTUAL).isEmpty();
    }

    private static int endingRank(Operation op) {
        for (int i = 0; i < ENDINGS.size(); i++) {
            if (op.writes() && op.path().endsWith(ENDINGS.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The table's rows: operation to the expected status per caller, in the column order of {@link Caller}. */
    static Map<String, List<String>> read(Path file) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).filter(c -> !c.isEmpty())
                    .toList();
            if (cells.size() != Caller.values().length + 1) {
                throw new IllegalStateException("A row of " + file + " needs " + (Caller.values().length + 1)
                        + " cells: " + line);
            }
            rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
        }
        return rows;
    }

    static String table(Map<String, Map<Caller, Integer>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | ").append(Arrays.stream(Caller.values()).map(c -> c.column)
                .collect(Collectors.joining(" | "))).append(" |\n");
        out.append("|---|").append("---|".repeat(Caller.values().length)).append('\n');
        rows.forEach((key, row) -> out.append("| `").append(key).append("` | ")
                .append(Arrays.stream(Caller.values()).map(c -> String.valueOf(row.get(c)))
                        .collect(Collectors.joining(" | ")))
                .append(" |\n"));
        return out.toString();
    }
}
