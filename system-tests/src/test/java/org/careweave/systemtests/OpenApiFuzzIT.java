package org.careweave.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.careweave.systemtests.ApiDocument.Operation;
import org.careweave.systemtests.ApiDocument.Parameter;
import org.careweave.systemtests.CareScenario.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fuzzing from the served OpenAPI document: at least 10,000 requests through the gateway (fixed seed), every
 * operation, with real tokens of every role. Valid requests (also with a charset parameter, {@code Accept: *}{@code /*}
 * or an unknown query parameter) aim at one patient; broken ones (bodies with a field missing, of the wrong type, a
 * huge number, a long or control-character string, NUL, deep nesting, trailing tokens, bad UTF-8, wrong content
 * types; path and query parameters of the wrong type, huge, long, with control characters) aim at a second patient
 * whose whole record is compared before and after. No answer may be 5xx, every 4xx is problem+json, no broken write
 * is accepted and the second patient's record does not change.
 */
@ExtendWith(Stack.class)
class OpenApiFuzzIT {

    static final long SEED = Long.getLong("careweave.fuzz.seed", 20261202L);
    static final int REQUESTS = Integer.getInteger("careweave.fuzz.requests", 10_000);
    static final int THREADS = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static ApiDocument document;

    /** What a generated request is: valid (to the patient) or broken in one way (to the refused patient). */
    enum Kind {
        VALID(true), VALID_CHARSET(true), VALID_ACCEPT_ANY(true), VALID_EXTRA_QUERY(true),
        BODY_MISSING_REQUIRED(false), BODY_WRONG_TYPE(false), BODY_HUGE_NUMBER(false), BODY_LONG_STRING(false),
        BODY_CONTROL_CHARACTER(false), BODY_NUL(false), BODY_BAD_ENUM(false), BODY_DEEP_JSON(false),
        BODY_TRAILING_TOKENS(false), BODY_TRUNCATED(false), BODY_EMPTY(false), BODY_JSON_NULL(false),
        BODY_ARRAY(false), BODY_BAD_UTF8(false), WRONG_CONTENT_TYPE(false), WRONG_ACCEPT(false),
        PATH_WRONG_TYPE(false), PATH_HUGE_NUMBER(false), PATH_LONG(false), PATH_CONTROL_CHARACTER(false),
        QUERY_WRONG_TYPE(false), QUERY_HUGE_NUMBER(false), QUERY_LONG(false), QUERY_NUL(false),
        QUERY_CONTROL_CHARACTER(false), QUERY_REPEATED(false);

        final boolean valid;

        Kind(boolean valid) {
            this.valid = valid;
        }
    }

    record Spec(int index, Operation op, String caller, Kind kind, String method, String target, String token,
            String contentType, byte[] body, Map<String, String> headers) {
    }

    @Test
    void generatedRequestsNeverAnswer5xxAndRefusedOnesStoreNothing() throws Exception {
        document = ApiDocument.served();
        List<Operation> operations = document.operations();
        CareScenario scenario = CareScenario.create();
        CareScenario.Record valid = scenario.patient;
        CareScenario.Record refused = scenario.anotherRecord("fuzz-refused-patient-" + scenario.run);
        Map<String, String> before = RecordSnapshot.settled(scenario, refused);

        // The callers: every role of the matrix, plus one more of each provider role and admin, so the gateway's
        // per-caller rate limits leave room for 10,000 requests in a few minutes. Null: the record's own patient.
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("the patient", null);
        scenario.tokens.forEach((caller, token) -> {
            if (caller != Caller.ANONYMOUS && caller != Caller.PATIENT) {
                callers.put(caller.column, token);
            }
        });
        for (String role : List.of("therapist", "psychiatrist", "care-coordinator", "admin")) {
            RealmAdmin.user("fuzz-" + role, role);
            callers.put("another " + role, Tokens.of("fuzz-" + role));
        }
        List<String> labels = List.copyOf(callers.keySet());

        // Every operation in turn; the clinical writes' group (/api/intakes, /api/prescriptions, /api/refill-requests)
        // half as often as the rest, as the gateway allows each caller a fifth of the requests there.
        List<Operation> rounds = new ArrayList<>();
        for (Operation op : operations) {
            rounds.add(op);
            if (!RatePacer.group(op.path()).equals("clinical")) {
                rounds.add(op);
            }
        }
        Random random = new Random(SEED);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = rounds.get(i % rounds.size());
            // About one request in fifty anonymous: the gateway allows an address 60 a minute.
            String label = random.nextInt(50) == 0 ? "anonymous" : labels.get(random.nextInt(labels.size()));
            specs.add(generate(i, op, label, callers, random, valid, refused));
        }

        RatePacer buckets = new RatePacer();
        RawHttp http = new RawHttp(Duration.ofSeconds(30));
        AtomicLongArray byClass = new AtomicLongArray(6);
        AtomicInteger tooMany = new AtomicInteger();
        Map<Kind, AtomicInteger> kinds = Collections.synchronizedMap(new EnumMap<>(Kind.class));
        List<String> deviations = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        for (Spec spec : specs) {
            pool.submit(() -> {
                kinds.computeIfAbsent(spec.kind(), k -> new AtomicInteger()).incrementAndGet();
                buckets.acquire(spec.token(), spec.target());
                try {
                    RawHttp.Answer answer = http.send(spec.method(), spec.target(), spec.token(),
                            spec.contentType(), spec.body(), spec.headers());
                    byClass.incrementAndGet(answer.status() / 100);
                    check(spec, answer, deviations);
                    if (answer.status() == 429) {
                        tooMany.incrementAndGet();
                    }
                } catch (HttpTimeoutException e) {
                    deviations.add(describe(spec) + ": no answer within 30 s");
                } catch (IOException e) {
                    deviations.add(describe(spec) + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("FIGURE fuzz: %d requests (seed %d, %d operations) in %.1f s, %.0f requests/s%n",
                REQUESTS, SEED, operations.size(), seconds, REQUESTS / seconds);
        System.out.printf("FIGURE fuzz by status class: 2xx %d, 3xx %d, 4xx %d (429: %d), 5xx %d%n",
                byClass.get(2), byClass.get(3), byClass.get(4), tooMany.get(), byClass.get(5));
        System.out.printf("FIGURE fuzz by kind: %s%n", new TreeMap<>(kinds));

        Map<String, String> after = RecordSnapshot.settled(scenario, refused);
        after.forEach((what, value) -> {
            if (!value.equals(before.get(what))) {
                deviations.add("the refused patient's " + what + " changed: " + before.get(what) + " -> " + value);
            }
        });
        assertThat(deviations).as("%d deviations", deviations.size()).isEmpty();
        assertThat(byClass.get(5)).isZero();
    }

    private static void check(Spec spec, RawHttp.Answer answer, List<String> deviations) {
        int status = answer.status();
        if (status >= 500) {
            deviations.add(describe(spec) + " answered " + status + " " + answer.body());
        } else if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            deviations.add(describe(spec) + " answered " + status + " as " + answer.contentType());
        } else if (!spec.kind().valid && spec.op().writes() && status < 300) {
            deviations.add(describe(spec) + " was accepted (" + status + ")");
        }
    }

    private static String describe(Spec spec) {
        String target = spec.target().length() > 160 ? spec.target().substring(0, 160) + "..." : spec.target();
        return "#" + spec.index() + " " + spec.kind() + " " + spec.method() + " " + target + " as " + spec.caller();
    }

    private static Spec generate(int index, Operation op, String caller, Map<String, String> callers, Random random,
            CareScenario.Record valid, CareScenario.Record refused) throws IOException {
        Map<String, Object> anyBody = valid.body(op);
        JsonNode validTree = anyBody == null ? NODES.nullNode() : ApiDocument.JSON.valueToTree(anyBody);
        List<Kind> possible = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (applies(kind, op, validTree)) {
                possible.add(kind);
            }
        }
        Kind kind = possible.get(random.nextInt(possible.size()));
        CareScenario.Record record = kind.valid ? valid : refused;
        String token = caller.equals("the patient") ? record.patientToken : callers.get(caller);
        String path = record.path(op);
        Map<String, String> query = new LinkedHashMap<>(record.query(op));
        Map<String, Object> validBody = record.body(op);
        String contentType = validBody == null ? null : "application/json";
        byte[] body = validBody == null ? null : ApiDocument.JSON.writeValueAsBytes(validBody);
        Map<String, String> headers = new LinkedHashMap<>();
        String rawQuery = null;
        switch (kind) {
            case VALID -> {
            }
            case VALID_CHARSET -> contentType = random.nextBoolean() ? "application/json; charset=utf-8"
                    : "application/json;charset=UTF-8";
            case VALID_ACCEPT_ANY -> headers.put("Accept", "*/*");
            case VALID_EXTRA_QUERY -> query.put("fuzz", "1");
            case WRONG_CONTENT_TYPE -> contentType = List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz")
                    .get(random.nextInt(4));
            case WRONG_ACCEPT -> headers.put("Accept", "application/xml");
            case BODY_EMPTY -> body = new byte[0];
            case BODY_JSON_NULL -> body = "null".getBytes(StandardCharsets.UTF_8);
            case BODY_ARRAY -> body = ("[" + new String(body, StandardCharsets.UTF_8) + "]")
                    .getBytes(StandardCharsets.UTF_8);
            case BODY_TRAILING_TOKENS -> body = (new String(body, StandardCharsets.UTF_8) + " x")
                    .getBytes(StandardCharsets.UTF_8);
            case BODY_TRUNCATED -> body = Arrays.copyOf(body, Math.max(1, body.length / 2));
            case BODY_DEEP_JSON -> {
                int depth = 2_000 + random.nextInt(20_000);
                body = random.nextBoolean() ? ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)
                        : ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case BODY_BAD_UTF8 -> {
                byte[] json = new String(body, StandardCharsets.UTF_8).replaceFirst("\"(\\w+)\":\"", "\"$1\":\"\u0001")
                        .getBytes(StandardCharsets.UTF_8);
                boolean marked = false;
                for (int i = 0; i < json.length; i++) {
                    if (json[i] == 1) {
                        // A UTF-8 lead byte followed by plain ASCII: no character at all.
                        json[i] = (byte) 0xC3;
                        marked = true;
                    }
                }
                if (!marked) {
                    json[1] = (byte) 0xC3;
                }
                body = json;
            }
            case BODY_MISSING_REQUIRED, BODY_WRONG_TYPE, BODY_HUGE_NUMBER, BODY_LONG_STRING, BODY_CONTROL_CHARACTER,
                    BODY_NUL, BODY_BAD_ENUM -> body = ApiDocument.JSON.writeValueAsBytes(
                            spoil(kind, ApiDocument.JSON.valueToTree(validBody), op, random));
            case PATH_WRONG_TYPE, PATH_HUGE_NUMBER, PATH_LONG, PATH_CONTROL_CHARACTER -> path = spoilPath(kind, path,
                    refused, random);
            case QUERY_WRONG_TYPE, QUERY_HUGE_NUMBER, QUERY_LONG, QUERY_NUL, QUERY_CONTROL_CHARACTER,
                    QUERY_REPEATED -> rawQuery = spoilQuery(kind, op, query, random);
        }
        String target = path + (rawQuery != null ? rawQuery : RawHttp.query(query));
        String method = op.method();
        return new Spec(index, op, caller, kind, method, target, token, contentType, body, headers);
    }

    private static boolean applies(Kind kind, Operation op, JsonNode validBody) {
        boolean body = op.hasBody() && validBody.isObject();
        boolean pathParams = op.path().contains("{");
        boolean queryParams = op.parameters().stream().anyMatch(p -> p.in().equals("query"));
        return switch (kind) {
            case VALID, VALID_ACCEPT_ANY, VALID_EXTRA_QUERY -> true;
            case VALID_CHARSET, WRONG_CONTENT_TYPE, BODY_MISSING_REQUIRED, BODY_WRONG_TYPE, BODY_LONG_STRING,
                    BODY_DEEP_JSON, BODY_TRAILING_TOKENS, BODY_TRUNCATED, BODY_ARRAY, BODY_BAD_UTF8 -> body;
            case BODY_HUGE_NUMBER -> body && has(validBody, op.bodySchema(), slot -> slot.value().isNumber());
            case BODY_CONTROL_CHARACTER, BODY_NUL -> body && has(validBody, op.bodySchema(), slot -> slot.value().isTextual());
            case BODY_BAD_ENUM -> body && has(validBody, op.bodySchema(), Slot::isEnum);
            case BODY_EMPTY, BODY_JSON_NULL -> body && op.bodyRequired();
            // A write is refused whatever it would send back; a read has nothing to store.
            case WRONG_ACCEPT -> op.writes();
            case PATH_WRONG_TYPE, PATH_HUGE_NUMBER, PATH_LONG, PATH_CONTROL_CHARACTER -> pathParams
                    && !op.path().contains("{topic}");
            case QUERY_WRONG_TYPE, QUERY_HUGE_NUMBER, QUERY_LONG, QUERY_NUL, QUERY_CONTROL_CHARACTER,
                    QUERY_REPEATED -> queryParams;
        };
    }

    /** Whether the valid body holds a value (nested ones too) the predicate accepts. */
    private static boolean has(JsonNode body, JsonNode schema, Predicate<Slot> leaf) {
        List<Slot> slots = new ArrayList<>();
        collect(body, schema, slots);
        return slots.stream().anyMatch(leaf);
    }

    /** One field of the valid body (nested ones too) spoiled the way the kind says. */
    private static JsonNode spoil(Kind kind, JsonNode body, Operation op, Random random) {
        ObjectNode root = (ObjectNode) body;
        if (kind == Kind.BODY_MISSING_REQUIRED) {
            List<String> required = new ArrayList<>();
            op.bodySchema().path("required").forEach(n -> required.add(n.asText()));
            required.retainAll(iterable(root.fieldNames()));
            if (!required.isEmpty()) {
                root.remove(required.get(random.nextInt(required.size())));
                return root;
            }
            // Nothing is required: a wrong type instead.
            return spoil(Kind.BODY_WRONG_TYPE, root, op, random);
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, op.bodySchema(), slots);
        List<Slot> fitting = slots.stream().filter(s -> switch (kind) {
            case BODY_HUGE_NUMBER -> s.value().isNumber();
            case BODY_CONTROL_CHARACTER, BODY_NUL -> s.value().isTextual();
            case BODY_BAD_ENUM -> s.isEnum();
            default -> true;
        }).toList();
        if (fitting.isEmpty()) {
            return spoil(Kind.BODY_WRONG_TYPE, root, op, random);
        }
        Slot slot = fitting.get(random.nextInt(fitting.size()));
        JsonNode value = slot.value();
        JsonNode spoiled = switch (kind) {
            case BODY_WRONG_TYPE -> value.isTextual() ? NODES.objectNode().put("text", value.asText())
                    : value.isNumber() || value.isBoolean() ? NODES.textNode("not-a-" + value.getNodeType())
                    : value.isArray() ? NODES.objectNode().put("a", 1)
                    : NODES.arrayNode().add(1);
            case BODY_HUGE_NUMBER -> NODES.numberNode(new BigInteger("9".repeat(30 + random.nextInt(300))));
            case BODY_LONG_STRING -> NODES.textNode("x".repeat(20_001 + random.nextInt(60_000)));
            case BODY_CONTROL_CHARACTER -> NODES.textNode(value.asText() + (char) (1 + random.nextInt(8)) + "\u001b[0m");
            case BODY_NUL -> NODES.textNode(value.asText() + "\u0000");
            case BODY_BAD_ENUM -> NODES.textNode("NOT_" + value.asText().toUpperCase() + "_" + random.nextInt(1000));
            default -> throw new IllegalArgumentException(kind.name());
        };
        slot.set(spoiled);
        return root;
    }

    /** A value of the body, its schema in the document (missing where unknown), and how to replace it. */
    record Slot(JsonNode value, JsonNode schema, Consumer<JsonNode> setter) {

        void set(JsonNode replacement) {
            setter.accept(replacement);
        }

        boolean isEnum() {
            return value.isTextual() && schema.has("enum");
        }
    }

    private static void collect(JsonNode node, JsonNode schema, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : iterable(object.fieldNames())) {
                JsonNode child = object.get(name);
                JsonNode childSchema = schemaOf(schemaOf(schema).path("properties").path(name));
                slots.add(new Slot(child, childSchema, v -> object.set(name, v)));
                collect(child, childSchema, slots);
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = schemaOf(schemaOf(schema).path("items"));
            for (int i = 0; i < array.size(); i++) {
                int at = i;
                slots.add(new Slot(array.get(i), items, v -> array.set(at, v)));
                collect(array.get(i), items, slots);
            }
        }
    }

    /** The schema behind a {@code $ref} or a single-element {@code allOf}, as SmallRye writes them. */
    private static JsonNode schemaOf(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.path("allOf").size() == 1) {
            return document.resolve(resolved.path("allOf").get(0));
        }
        return resolved;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** One path parameter's value replaced, percent-encoded as a client would send it. */
    private static String spoilPath(Kind kind, String path, CareScenario.Record record, Random random) {
        List<String> ids = new ArrayList<>();
        for (String id : List.of(record.planId, record.sessionId, record.prescriptionId, record.refillRequestId,
                record.conversationId, record.flagId, record.patientId)) {
            if (id != null && path.contains(id)) {
                ids.add(id);
            }
        }
        String replacement = switch (kind) {
            case PATH_WRONG_TYPE -> List.of("not-a-uuid", "12", "true", "%7B%7D").get(random.nextInt(4));
            case PATH_HUGE_NUMBER -> "9".repeat(25 + random.nextInt(200));
            case PATH_LONG -> "a".repeat(1_000 + random.nextInt(2_000));
            case PATH_CONTROL_CHARACTER -> List.of("a%00b", "%0A", "x%1B%5B0m", "%07").get(random.nextInt(4));
            default -> throw new IllegalArgumentException(kind.name());
        };
        return ids.isEmpty() ? path : path.replace(ids.get(random.nextInt(ids.size())), replacement);
    }

    /** One query parameter's value replaced (raw, already encoded). */
    private static String spoilQuery(Kind kind, Operation op, Map<String, String> valid, Random random) {
        List<Parameter> params = op.parameters().stream().filter(p -> p.in().equals("query")).toList();
        Parameter param = params.get(random.nextInt(params.size()));
        String value = switch (kind) {
            case QUERY_WRONG_TYPE -> List.of("abc", "1.5", "-1", "true", "%7B%7D").get(random.nextInt(5));
            case QUERY_HUGE_NUMBER -> "9".repeat(25 + random.nextInt(200));
            case QUERY_LONG -> "q".repeat(1_000 + random.nextInt(2_000));
            case QUERY_NUL -> "a%00b";
            case QUERY_CONTROL_CHARACTER -> List.of("%1B%5B0m", "x%07", "%0D%0AX-Injected:%201").get(random.nextInt(3));
            case QUERY_REPEATED -> null;
            default -> throw new IllegalArgumentException(kind.name());
        };
        Map<String, String> rest = new LinkedHashMap<>(valid);
        String original = rest.remove(param.name());
        String encodedRest = RawHttp.query(rest);
        String prefix = encodedRest.isEmpty() ? "?" : encodedRest + "&";
        if (value == null) {
            String first = original == null ? "a" : URLEncoder.encode(original, StandardCharsets.UTF_8);
            return prefix + param.name() + "=" + first + "&" + param.name() + "=b";
        }
        return prefix + param.name() + "=" + value;
    }
}
