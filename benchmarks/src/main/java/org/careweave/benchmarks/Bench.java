package org.careweave.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * benchmarks/run's load generator, against a running local stack (deploy/local): HTTP through wrk (direct, nginx,
 * gateway), provider feeds (SSE), chat sockets through the gateway, then two replicas of care-plan and chat.
 * Prints one table and writes benchmarks/results/latest.json and docs/benchmarks.svg.
 */
public final class Bench {

    private static final System.Logger LOG = System.getLogger(Bench.class.getName());

    static final String GATEWAY = "http://localhost:8080";
    static final String CARE_PLAN = "http://localhost:8081";
    static final String CARE_PLAN_2 = "http://localhost:8091";
    static final String THERAPY = "http://localhost:8082";
    static final String CHAT = "http://localhost:8084";
    static final String CHAT_2 = "http://localhost:8094";
    /** The stack's PostgreSQL (deploy/local), one database per service: append the database's name. */
    static final String JDBC = "jdbc:postgresql://localhost:15432/";

    private final Map<String, Integer> options = new LinkedHashMap<>();
    private final boolean quick;
    private final boolean replicas;
    /** Phases to run (--only http,chat); setup always runs. Empty: all of them. */
    private final List<String> only = new ArrayList<>();
    private final Path root;
    private final Report report = new Report();
    private final Keycloak keycloak = new Keycloak();

    private Bench(String[] args) {
        List<String> list = List.of(args);
        quick = list.contains("--quick");
        replicas = !list.contains("--skip-replicas");
        options.put("teams", quick ? 10 : 125);
        options.put("feeds", quick ? 500 : 5000);
        options.put("feed-rate", 50);
        options.put("chat-sockets", quick ? 200 : 2000);
        options.put("chat-rate", quick ? 100 : 500);
        options.put("load-seconds", quick ? 20 : 60);
        options.put("wrk-seconds", quick ? 5 : 15);
        options.put("rounds", 3);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("only") && i + 1 < args.length) {
                only.addAll(List.of(args[++i].split(",")));
            } else if (options.containsKey(key) && i + 1 < args.length) {
                options.put(key, Integer.parseInt(args[++i]));
            } else if (!List.of("--quick", "--skip-replicas").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: --quick --skip-replicas --only PHASE,... "
                        + options.keySet().stream().map(k -> "--" + k + " N").toList());
            }
        }
        root = Path.of(System.getProperty("careweave.repo.root", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        new Bench(args).run();
        System.exit(0);
    }

    private int opt(String name) {
        return options.get(name);
    }

    private void run() throws Exception {
        report.context.put("date", Instant.now().toString().substring(0, 16) + "Z");
        report.context.put("mode", quick ? "quick" : "full");
        report.context.put("options", options);
        report.context.put("commit", System.getProperty("careweave.commit", "unknown"));
        report.context.put("cpus", Runtime.getRuntime().availableProcessors());
        report.context.put("loadBefore", loadAverage());
        System.out.println("Careweave benchmarks (" + report.context.get("mode") + ") " + options + ", load "
                + loadAverage());

        Scene scene = new Scene(keycloak, CARE_PLAN, GATEWAY);
        phase("setup", () -> {
            keycloak.user("alice", "patient");
            scene.ensurePlan("alice", null, null, null);
            scene.build(opt("teams"));
            if (!scene.failures.isEmpty()) {
                report.note(scene.failures.size() + " care teams could not be set up, the first: " + scene.failures.get(0));
            }
            if (scene.teams.isEmpty()) {
                throw new IllegalStateException("no care team could be set up");
            }
            System.out.println("  scene: " + scene.teams.size() + " care teams (bench-patient-i, bench-therapist-i, "
                    + "bench-psychiatrist-i)");
        });
        phase("http", this::http);
        phase("feed", () -> feed(scene));
        phase("chat", () -> chat(scene));
        if (replicas) {
            phase("replicas", () -> replicas(scene));
        }
        report.context.put("loadAfter", loadAverage());

        System.out.println();
        System.out.println(report.table());
        report.notes.forEach(n -> System.out.println("note: " + n));
        Path json = results().resolve("latest.json");
        Path svg = chart();
        report.write(json, svg);
        Files.writeString(results().resolve("latest.md"), "# Careweave benchmarks, " + report.context
                + "\n\n" + report.table() + "\n" + String.join("\n", report.notes.stream().map(n -> "- " + n).toList())
                + "\n");
        System.out.println("load before " + report.context.get("loadBefore") + ", after " + loadAverage());
        System.out.println("written: " + json + ", " + results().resolve("latest.md") + ", " + svg);
    }

    /** A partial run (--only) must not replace the committed full figures. */
    private Path results() throws IOException {
        return Files.createDirectories(only.isEmpty() ? root.resolve("benchmarks/results")
                : root.resolve("benchmarks/target/results"));
    }

    private Path chart() throws IOException {
        return only.isEmpty() ? root.resolve("docs/benchmarks.svg") : results().resolve("benchmarks.svg");
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** A phase that fails is noted, and the run goes on with the next one. */
    private void phase(String name, Phase phase) {
        if (!name.equals("setup") && !only.isEmpty() && !only.contains(name)) {
            return;
        }
        try {
            // what was measured so far survives a run stopped half-way
            report.write(results().resolve("latest.json"), chart());
        } catch (IOException e) {
            report.note("could not write the results: " + e);
        }
        String load = loadAverage();
        report.context.put("load." + name, load);
        System.out.println("== " + name + " (load " + load + ")");
        keycloak.refresh();
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            LOG.log(System.Logger.Level.ERROR, "Benchmark phase " + name + " failed", e);
            report.note(name + " failed: " + e);
        }
    }

    // ---- HTTP: wrk against care-plan direct, nginx and the gateway, side by side --------------------------------
    private void http() throws Exception {
        String token = keycloak.token("alice");
        String path = "/api/care-plans/mine";
        int rounds = opt("rounds");
        int seconds = opt("wrk-seconds");
        try (Nginx nginx = new Nginx("127.0.0.1:8081")) {
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", CARE_PLAN + path);
            targets.put("nginx", nginx.url(path));
            targets.put("gateway", GATEWAY + path);
            Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
            // a warm-up run per target (JIT, connection pools), not counted
            for (String url : targets.values()) {
                Wrk.run(url, token, 2, 32, seconds);
            }
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, String> target : targets.entrySet()) {
                    Wrk.Result r = Wrk.run(target.getValue(), token, 2, 32, seconds);
                    results.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "  round %d %-8s %8.0f req/s p50 %7.2f ms p99 %7.2f ms non-2xx %d errors %d%n",
                            round, target.getKey(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.non2xx(), r.socketErrors());
                }
            }
            String load = "wrk 2 threads / 32 connections, " + seconds + " s x " + rounds
                    + " rounds after a warm-up, alice's token";
            double direct = median(results.get("direct").stream().mapToDouble(Wrk.Result::requestsPerSecond).toArray());
            for (Map.Entry<String, List<Wrk.Result>> e : results.entrySet()) {
                double[] rps = e.getValue().stream().mapToDouble(Wrk.Result::requestsPerSecond).toArray();
                double med = median(rps);
                report.add("http", e.getKey() + " req/s median", med, "req/s", load + "; rounds "
                        + String.join("/", java.util.Arrays.stream(rps).mapToObj(Report::format).toList()));
                report.add("http", e.getKey() + " p50 median", median(e.getValue().stream().mapToDouble(Wrk.Result::p50Ms)
                        .toArray()), "ms", load);
                report.add("http", e.getKey() + " p99 median", median(e.getValue().stream().mapToDouble(Wrk.Result::p99Ms)
                        .toArray()), "ms", load);
                report.add("http", e.getKey() + " vs direct", med / direct, "x", load);
                long non2xx = e.getValue().stream().mapToLong(Wrk.Result::non2xx).sum();
                long errors = e.getValue().stream().mapToLong(Wrk.Result::socketErrors).sum();
                report.add("http", e.getKey() + " non-2xx + socket errors", non2xx + errors, "", load);
            }
            String oneLoad = "wrk 1 thread / 1 connection, " + seconds + " s";
            Map<String, Double> p50 = new LinkedHashMap<>();
            for (Map.Entry<String, String> target : targets.entrySet()) {
                Wrk.Result r = Wrk.run(target.getValue(), token, 1, 1, seconds);
                p50.put(target.getKey(), r.p50Ms());
                report.add("http", target.getKey() + " p50 at 1 connection", r.p50Ms(), "ms", oneLoad);
            }
            report.add("http", "gateway p50 added at 1 connection", p50.get("gateway") - p50.get("direct"), "ms", oneLoad);
            report.add("http", "nginx p50 added at 1 connection", p50.get("nginx") - p50.get("direct"), "ms", oneLoad);
        }
    }

    // ---- Feed: N SSE subscribers on one care-plan replica, assessments written at a fixed rate ----------------
    private void feed(Scene scene) throws Exception {
        int feeds = opt("feeds");
        int rate = opt("feed-rate");
        int seconds = opt("load-seconds");
        String probeLoad = "sequential GET /api/care-plans/mine (alice) direct, " + seconds / 2 + " s";
        Stats idle = probe(seconds / 2, null);
        report.add("feed", "other requests p50 idle", idle.percentileMs(50), "ms", probeLoad + ", no feeds, no writes, "
                + idle.count() + " samples");
        report.add("feed", "other requests p99 idle", idle.percentileMs(99), "ms", probeLoad + ", no feeds, no writes");
        try (FeedLoad load = new FeedLoad(feeds)) {
            long start = System.nanoTime();
            load.open(scene, keycloak, feeds, List.of(CARE_PLAN), quick ? 90 : 240);
            String opening = String.format(Locale.ROOT, "%d asked, %.1f s to open", feeds,
                    (System.nanoTime() - start) / 1e9);
            report.add("feed", "feeds open", load.opened.get(), "", opening + ", " + scene.teams.size() * 2
                    + " providers, direct to care-plan :8081");
            report.add("feed", "feeds refused or failed", load.refused.get(), "", opening);
            String loadText = load.opened.get() + " open feeds, " + rate + " assessments/s for " + seconds + " s";
            Stats[] underLoad = new Stats[1];
            Thread prober = new Thread(() -> underLoad[0] = probe(seconds / 2, null));
            Thread.sleep(seconds * 250L);
            prober.start();
            load.write(scene, keycloak, THERAPY, rate, seconds);
            prober.join();
            load.drain(5, 60);
            Stats lat = load.latencies(false);
            Stats fromCommit = load.latencies(true);
            report.add("feed", "write->feed p50", lat.percentileMs(50), "ms", loadText + ", " + lat.count()
                    + " samples; from the start of the POST to the therapy service");
            report.add("feed", "write->feed p99", lat.percentileMs(99), "ms", loadText);
            report.add("feed", "commit->feed p50", fromCommit.percentileMs(50), "ms", loadText
                    + "; from the POST's 201: Kafka, care plan, fan-out");
            report.add("feed", "commit->feed p99", fromCommit.percentileMs(99), "ms", loadText);
            report.add("feed", "writes answered 201", load.written.size(), "", loadText + "; failed "
                    + load.writeFailures.get() + " of " + load.writes.get());
            report.add("feed", "writes/s achieved", load.achievedWriteRate(), "/s", loadText);
            report.add("feed", "deliveries lost", load.expected() - load.received(), "", loadText + "; expected "
                    + load.expected() + ", waited until 5 s without arrivals");
            report.add("feed", "feeds closed by server", load.closedEarly.get(), "", loadText);
            stages("feed", load, loadText);
            report.add("feed", "other requests p50 under load", underLoad[0].percentileMs(50), "ms", probeLoad + ", "
                    + loadText + ", " + underLoad[0].count() + " samples");
            report.add("feed", "other requests p99 under load", underLoad[0].percentileMs(99), "ms", probeLoad + ", " + loadText);
            report.add("feed", "other requests p99 load/idle", underLoad[0].percentileMs(99) / idle.percentileMs(99), "x",
                    loadText);
            rss("feed", "care-plan-service", "under load: " + loadText);
        }
    }

    /** Where write->feed time goes (see {@link FeedLoad#stages}): p50 and p99 of each stage. */
    private void stages(String section, FeedLoad load, String loadText) {
        FeedLoad.Stages stages;
        try {
            stages = load.stages(JDBC, "careweave", "careweave");
        } catch (java.sql.SQLException e) {
            report.note("no stage breakdown: " + e.getMessage());
            return;
        }
        String text = loadText + ", " + stages.entries() + " entries; per entry, from the outbox's and inbox's timestamps";
        Map<String, Stats> named = new LinkedHashMap<>();
        named.put("POST start->therapy transaction", stages.request());
        named.put("therapy transaction->relayed to Kafka", stages.relay());
        named.put("relayed->care plan applies", stages.consume());
        named.put("care plan applies->first feed", stages.apply());
        named.put("first feed->last feed", stages.fanOut());
        for (Map.Entry<String, Stats> stage : named.entrySet()) {
            report.add(section, "stage " + stage.getKey() + " p50", stage.getValue().percentileMs(50), "ms", text);
            report.add(section, "stage " + stage.getKey() + " p99", stage.getValue().percentileMs(99), "ms", loadText);
        }
    }

    /** Sequential reads of alice's plan for {@code seconds}, one every 50 ms at most; failures are noted. */
    private Stats probe(int seconds, String url) {
        Stats stats = new Stats();
        String token = keycloak.token("alice");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds));
        int failures = 0;
        while (System.nanoTime() < end) {
            long t = Http.timedGet(url == null ? CARE_PLAN + "/api/care-plans/mine" : url, token);
            if (t < 0) {
                failures++;
            } else {
                stats.add(t);
            }
            try {
                Thread.sleep(Math.max(0, 50 - t / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (failures > 0) {
            report.note(failures + " probe reads of /api/care-plans/mine failed");
        }
        return stats;
    }

    // ---- Chat: sockets through the gateway, messages at a fixed rate over the conversations --------------------
    private void chat(Scene scene) throws Exception {
        int count = opt("chat-sockets");
        int rate = opt("chat-rate");
        int seconds = opt("load-seconds");
        List<String> components = List.of("gateway", "chat-service", "care-plan-service", "therapy-service",
                "prescription-service");
        for (String c : components) {
            rss("chat", c, "before chat sockets (idle)");
        }
        try (ChatLoad load = new ChatLoad(count)) {
            long start = System.nanoTime();
            load.open(scene, keycloak, count, List.of(GATEWAY), quick ? 90 : 240);
            String opening = String.format(Locale.ROOT, "%d asked through the gateway, %.1f s to open", count,
                    (System.nanoTime() - start) / 1e9);
            report.add("chat", "sockets open", load.opened.get(), "", opening);
            report.add("chat", "sockets refused or failed", load.refused.get(), "", opening);
            String loadText = load.opened.get() + " sockets via gateway, " + rate + " msg/s over " + scene.teams.size()
                    + " conversations for " + seconds + " s";
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 600L);
                    for (String c : components) {
                        rss("chat", c, "under load: " + loadText);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sampler.start();
            load.send(scene.teams.size(), rate, seconds);
            sampler.join();
            load.drain(5, 60);
            report.add("chat", "delivery p50", load.all.percentileMs(50), "ms", loadText + ", " + load.all.count() + " samples");
            report.add("chat", "delivery p99", load.all.percentileMs(99), "ms", loadText);
            report.add("chat", "messages sent", load.sent.get(), "", loadText + "; not sent (sender had no open socket) "
                    + load.skipped.get());
            report.add("chat", "messages acknowledged", load.acks.get(), "", loadText + "; ack = stored");
            report.add("chat", "deliveries lost", load.expected.get() - load.received.get(), "", loadText + "; expected "
                    + load.expected.get() + " on the other members' sockets, waited until 5 s without deliveries");
            report.add("chat", "error frames", load.errorFrames.get(), "", loadText);
            report.add("chat", "sockets closed by server", load.closedEarly.get(), "", loadText);
        }
    }

    // ---- Two replicas of care-plan and chat ----------------------------------------------------------------------
    private void replicas(Scene scene) throws Exception {
        stack("stop", "gateway");
        try {
            stack("up", "--replicas", "2");
        } catch (IOException e) {
            String cause = e.getMessage().lines().filter(l -> l.contains("FAILED") || l.contains("Caused by"))
                    .limit(2).reduce((a, b) -> a + " / " + b).orElse("see benchmarks/target/stack-up---replicas-2.log");
            report.note("up --replicas 2 did not finish healthy: " + cause.strip());
        }
        for (String url : List.of(CARE_PLAN_2, CHAT_2)) {
            if (Http.call("GET", url + "/q/health/ready", null, null).status() != 200) {
                throw new IOException("replica " + url + " is not ready");
            }
        }
        keycloak.refresh();
        Http.Response viaGateway = Http.call("GET", GATEWAY + "/api/care-plans/mine", keycloak.token("alice"), null);
        report.add("replicas", "gateway with both URLs: GET /mine status", viaGateway.status(), "",
                "CAREWEAVE_GATEWAY_ROUTES_CARE_PLAN_URL=:8081,:8091 (-1: gateway not up)");
        // Every provider on both replicas (one tab on each): an entry counts only where both replicas received it.
        int feeds = scene.teams.size() * 2 * 2;
        int rate = 20;
        int seconds = quick ? 15 : 30;
        try (FeedLoad load = new FeedLoad(feeds)) {
            load.open(scene, keycloak, feeds, List.of(CARE_PLAN, CARE_PLAN_2), 60);
            String loadText = load.opened.get() + " feeds, every provider on both replicas (:8081, :8091), " + rate
                    + " assessments/s for " + seconds + " s";
            load.write(scene, keycloak, THERAPY, rate, seconds);
            load.drain(5, 60);
            Stats[] split = load.crossReplica();
            report.add("replicas", "feed same-replica p50", split[0].percentileMs(50), "ms", loadText + ", "
                    + split[0].count() + " entries; the replica that committed it");
            report.add("replicas", "feed same-replica p99", split[0].percentileMs(99), "ms", loadText);
            report.add("replicas", "feed cross-replica p50", split[1].percentileMs(50), "ms", loadText
                    + "; written through the other replica");
            report.add("replicas", "feed cross-replica p99", split[1].percentileMs(99), "ms", loadText);
            report.add("replicas", "feed deliveries lost", load.expected() - load.received(), "", loadText);
            stages("replicas", load, loadText);
        }
        int sockets = quick ? 60 : 300;
        int chatRate = quick ? 30 : 100;
        try (ChatLoad load = new ChatLoad(sockets)) {
            load.open(scene, keycloak, sockets, List.of(CHAT, CHAT_2), 60);
            String loadText = load.opened.get() + " sockets direct, members of each conversation on both replicas "
                    + "(:8084, :8094), " + chatRate + " msg/s for " + seconds + " s";
            load.send(scene.teams.size(), chatRate, seconds);
            load.drain(5, 60);
            report.add("replicas", "chat same-replica p50", load.sameReplica.percentileMs(50), "ms", loadText + ", "
                    + load.sameReplica.count() + " samples");
            report.add("replicas", "chat same-replica p99", load.sameReplica.percentileMs(99), "ms", loadText);
            report.add("replicas", "chat cross-replica p50", load.crossReplica.percentileMs(50), "ms", loadText + ", "
                    + load.crossReplica.count() + " samples");
            report.add("replicas", "chat cross-replica p99", load.crossReplica.percentileMs(99), "ms", loadText);
            report.add("replicas", "chat deliveries lost", load.expected.get() - load.received.get(), "", loadText
                    + "; expected " + load.expected.get());
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------
    private void stack(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/local/careweave").toString());
        command.addAll(List.of(args));
        Path log = root.resolve("benchmarks/target/stack-" + String.join("-", args) + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("careweave " + String.join(" ", args) + " failed, see " + log + ":\n"
                    + tail(Files.readString(log), 1500));
        }
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : s.substring(s.length() - chars);
    }

    /** Resident memory of a stack component (VmRSS of its pid from the local runner's state folder). */
    private void rss(String section, String component, String load) {
        Path state = Path.of(System.getenv().getOrDefault("CAREWEAVE_STATE_DIR",
                root.resolve("deploy/local/.state").toString()));
        try {
            String pid = Files.readString(state.resolve("run/" + component + ".pid")).strip();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    double mib = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    report.add(section, "RSS " + component + (load.startsWith("under") ? " under load" : load.startsWith("before") ? " idle" : ""),
                            mib, "MiB", load);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            report.note("no RSS for " + component + ": " + e.getMessage());
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1/5/15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
