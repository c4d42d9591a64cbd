package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.benchmarks.PortalPages.Call;
import cn.gov.eqq.govinfo.benchmarks.PortalPages.Page;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page latency (#23 item 2) and memory (#23 item 4): the whole system (gateway and the five services from the built
 * jars, Kafka, Keycloak, Redis, the MongoDB stand-in) loaded with a county-year (the county's 52 units of 2022, about
 * 5,000 events; {@code --units=3000 --events=N} for a province-year) produced straight onto the topics as the
 * producers write them, plus a room inbox of items the demo reporters submit through the gateway; then each role's
 * main page ({@link PortalPages}) opened again and again by a few users at once (closed loop, real Keycloak tokens of
 * that role, through the gateway), and the resident memory of every process after the load.
 *
 * <p>For each page: p50/p95/p99 of the time until its last call answered; the CPU time each process spent per page
 * ({@code /proc/<pid>/stat}); and the CPU of the MongoDB stand-in's threads in this JVM per page, which says how much
 * of a page is the database double's work (it has no secondary indexes, so a filtered read is a scan).
 */
final class PageLatency {

    static final String NAME = "pages";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RANK_ROW = Pattern.compile("\\{\"rank\":\\d+,");
    /** JVM options a small VM would use, measured beside the devstack's (later options win over earlier ones). */
    static final String SMALL_JVM = "-Xmx192m -Xss256k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=32m "
            + "-XX:MaxDirectMemorySize=64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";
    /**
     * A county's VM (issue 23: six JVMs in 1 GB): the small-VM options, a heap that starts small, the native heap
     * given back to the system every 10 s, one C1 compiler thread and two idle Tomcat threads instead of ten. Since it
     * was measured it is the devstack's default but for the heap of reporting (384 MB there, 192 MB here).
     */
    static final String COUNTY_VM_JVM = SMALL_JVM + " -Xms32m -XX:TrimNativeHeapInterval=10000 -XX:CICompilerCount=1"
            + " -Dserver.tomcat.threads.min-spare=2";
    /** glibc keeps up to 8 malloc arenas per core, each holding freed memory; two are enough for these services. */
    static final Map<String, String> COUNTY_VM_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    /** How the pages are driven. */
    record Settings(int units, long events, int concurrency, int rankingConcurrency, Duration warmUp,
                    Duration measure, int inboxItemsPerReporter, Duration loadTimeout) {
    }

    /** What one page's measured window gave. */
    record Measured(Latencies pages, Map<String, Latencies> calls, long ok, long failed, double seconds,
                    Map<String, Long> cpuMillis, long mongoCpuMillis, String failure) {
    }

    private final Path repo;
    private final DevStack stack;
    private final Tokens tokens;
    private final Results results;
    private final Settings settings;
    private final String label;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * Each user's current token, renewed by one thread: when a token nears its expiry, 16 load threads asking
     * Keycloak for a new one at once got "Invalid user credentials" (401) for some of them.
     */
    private final Map<String, String> currentTokens = new java.util.concurrent.ConcurrentHashMap<>();

    PageLatency(Path repo, DevStack stack, Tokens tokens, Results results, Settings settings, String label) {
        this.repo = repo;
        this.stack = stack;
        this.tokens = tokens;
        this.results = results;
        this.settings = settings;
        this.label = label;
    }

    void run() throws Exception {
        for (String user : List.of(PortalPages.ROOM, PortalPages.VIEWER, PortalPages.REPORTER)) {
            currentTokens.put(user, tokens.password(user));
        }
        var renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pages-tokens");
            t.setDaemon(true);
            return t;
        });
        // tokens live 300 s and Tokens renews 30 s before expiry: asking every 10 s keeps a valid one ready
        renewer.scheduleWithFixedDelay(() -> currentTokens.replaceAll((user, old) -> {
            try {
                return tokens.password(user);
            } catch (RuntimeException e) {
                return old;
            }
        }), 10, 10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            load();
        } finally {
            renewer.shutdownNow();
        }
    }

    private void load() throws Exception {
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        // items up to yesterday: this month is a month in progress, last quarter is whole
        ProvinceYear year = new ProvinceYear(ProvinceYear.directoryThenGenerated(countyUnits(repo), settings.units()),
                settings.events(), 20267, today.getYear(), Math.max(1, today.getDayOfYear() - 1));
        long t0 = System.nanoTime();
        long bytes = ScoringRebuild.produce(stack.kafkaBootstrapServers(), year);
        results.add(NAME, what("events produced onto the topics"), year.events(), "events", String.format(
                "%d units (the county's 52 of 2022 first), %s-01-01 to %s, %.1f MB of JSON, %.1f s", year.units(),
                today.getYear(), today.minusDays(1), bytes / 1e6, ScoringRebuild.seconds(t0)));
        int inbox = openInbox(today);
        waitConsumed(today, t0);
        results.add(NAME, what("load consumed by every service"), ScoringRebuild.seconds(t0), "s",
                "first send → every consumer group's lag 0 three times in a row and reporting's ranking there; "
                        + inbox + " items submitted to the room's inbox through the gateway meanwhile");

        Call create = PortalPages.draftCreation(today);
        long d0 = System.nanoTime();
        HttpResponse<String> created = send(create, PortalPages.ROOM);
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("drafting the circular: " + created.statusCode() + " " + created.body());
        }
        results.add(NAME, what("circular draft: create (POST, once)"), (System.nanoTime() - d0) / 1e6, "ms",
                create.body() + "; all figures of the quarter computed and stored; one sample");
        String draftId = PortalPages.draftId(today);

        for (Page page : PortalPages.mainPages(today, draftId)) {
            report(page, measure(page, settings.concurrency()), settings.concurrency());
        }
        report(PortalPages.draftRefresh(draftId), measure(PortalPages.draftRefresh(draftId), 1), 1);
        // #23 item 1: a ranking read's service CPU (the call the city dashboard and the room make of scoring)
        for (String period : List.of(PortalPages.quarter(today, -1), String.valueOf(today.getYear()))) {
            Page ranking = new Page("scoring ranking " + period, PortalPages.ROOM, false,
                    List.of(Call.get("/api/scoring/rankings?group=2&period=" + period)));
            report(ranking, measure(ranking, settings.rankingConcurrency()), settings.rankingConcurrency());
        }
        memory();
    }

    private String what(String metric) {
        return label.isEmpty() ? metric : "[" + label + "] " + metric;
    }

    /** The county's units of 2022 as intake seeds them (id, name, group). */
    static List<ProvinceYear.Unit> countyUnits(Path repo) throws Exception {
        List<String> lines = Files.readAllLines(
                repo.resolve("services/submission-intake/src/main/resources/seed/units-2022.csv"),
                StandardCharsets.UTF_8);
        return parseUnits(lines);
    }

    static List<ProvinceYear.Unit> parseUnits(List<String> csvLines) {
        List<ProvinceYear.Unit> units = new ArrayList<>();
        for (String line : csvLines.subList(1, csvLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(",");
            units.add(new ProvinceYear.Unit(f[0], f[1], Integer.parseInt(f[2])));
        }
        return units;
    }

    /** The demo reporters draft and submit items through the gateway: the room's inbox is not empty. */
    private int openInbox(LocalDate today) throws Exception {
        int n = 0;
        for (String reporter : EndToEnd.REPORTERS) {
            for (int i = 0; i < settings.inboxItemsPerReporter(); i++) {
                String body = "{\"title\":\"页面压测待接收信息 " + reporter + " 第" + i + "条\",\"body\":\"我单位召开"
                        + "政务信息工作推进会，部署本月报送任务（压测数据）。\",\"category\":\"DYNAMIC\","
                        + "\"topics\":[\"LIVELIHOOD\"],\"eventDate\":\"" + today + "\",\"reporterName\":\"压测员\","
                        + "\"contactPhone\":\"0477-6261234\",\"polarity\":\"GOOD_NEWS\",\"majorEvent\":false,"
                        + "\"majorEmergency\":false}";
                HttpResponse<String> draft = retried(Call.post("/api/intake/items", body), reporter);
                Matcher id = ID.matcher(Http.ok(draft));
                if (!id.find()) {
                    throw new IllegalStateException("no item id in " + draft.body());
                }
                Http.ok(retried(Call.post("/api/intake/items/" + id.group(1) + "/submit", null), reporter));
                n++;
            }
        }
        return n;
    }

    /** A first call of a service may answer 503 while it fetches Keycloak's keys on a loaded machine. */
    private HttpResponse<String> retried(Call call, String user) throws Exception {
        HttpResponse<String> r = send(call, user);
        for (int attempt = 1; r.statusCode() == 503 && attempt < 12; attempt++) {
            Thread.sleep(5_000);
            r = send(call, user);
        }
        return r;
    }

    private void waitConsumed(LocalDate today, long since) throws Exception {
        long deadline = since + settings.loadTimeout().toNanos();
        String ranking = "/api/reporting/rankings?group=2&period=" + PortalPages.month(today);
        int quiet = 0;
        long lastPrint = 0;
        try (KafkaProbe probe = new KafkaProbe(stack.kafkaBootstrapServers())) {
            while (quiet < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the load was not consumed in " + settings.loadTimeout() + ": "
                            + probe.lagByGroup());
                }
                Map<String, Long> lag = probe.lagByGroup();
                boolean caughtUp = lag.values().stream().allMatch(l -> l == 0);
                if (caughtUp) {
                    HttpResponse<String> r = send(Call.get(ranking), PortalPages.VIEWER);
                    caughtUp = r.statusCode() == 200 && RANK_ROW.matcher(r.body()).find();
                }
                quiet = caughtUp ? quiet + 1 : 0;
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    System.out.println("[benchmarks] pages: consumer lag " + lag);
                    lastPrint = System.nanoTime();
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Opens the page again and again from {@code users} threads: a warm-up, then the measured window. */
    Measured measure(Page page, int users) throws Exception {
        window(page, users, settings.warmUp(), false);
        return window(page, users, settings.measure(), true);
    }

    private Measured window(Page page, int users, Duration length, boolean measured) throws Exception {
        Latencies pages = new Latencies();
        Map<String, Latencies> calls = new LinkedHashMap<>();
        page.calls().forEach(c -> calls.put(c.method() + " " + c.path(), new Latencies()));
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        EnumSet.allOf(Service.class).forEach(s -> pids.put(s, stack.pidOf(s)));
        Map<Service, Long> cpu0 = new EnumMap<>(Service.class);
        pids.forEach((s, pid) -> cpu0.put(s, GatewayOverhead.cpuMillis(pid)));
        long mongo0 = mongoThreadsCpuMillis();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long p0 = System.nanoTime();
                    try {
                        String bad = open(page, calls);
                        if (bad == null) {
                            ok.incrementAndGet();
                            pages.add(System.nanoTime() - p0);
                        } else {
                            failed.incrementAndGet();
                            failure.compareAndSet(null, bad);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        failure.compareAndSet(null, e.toString());
                    }
                }
            }, "page-" + u);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((s, pid) -> cpu.put(s.artifactId(), GatewayOverhead.cpuMillis(pid) - cpu0.get(s)));
        long mongo = mongoThreadsCpuMillis() - mongo0;
        if (!measured) {
            return null;
        }
        return new Measured(pages, calls, ok.get(), failed.get(), seconds, cpu, mongo, failure.get());
    }

    /** One opening of the page; null when every call answered 2xx, else what went wrong. */
    private String open(Page page, Map<String, Latencies> calls) throws Exception {
        if (page.parallel()) {
            List<CompletableFuture<String>> running = new ArrayList<>();
            for (Call c : page.calls()) {
                long c0 = System.nanoTime();
                running.add(client.sendAsync(request(c, page.user()), HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> checked(c, r, calls, c0)));
            }
            String bad = null;
            for (CompletableFuture<String> r : running) {
                String b = r.get();
                bad = bad == null ? b : bad;
            }
            return bad;
        }
        for (Call c : page.calls()) {
            long c0 = System.nanoTime();
            String bad = checked(c, client.send(request(c, page.user()), HttpResponse.BodyHandlers.ofString()),
                    calls, c0);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static String checked(Call c, HttpResponse<String> r, Map<String, Latencies> calls, long c0) {
        long took = System.nanoTime() - c0;
        if (r.statusCode() / 100 != 2) {
            return c.method() + " " + c.path() + " → " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(200, r.body().length()));
        }
        calls.get(c.method() + " " + c.path()).add(took);
        return null;
    }

    private HttpResponse<String> send(Call c, String user) throws Exception {
        return client.send(request(c, user), HttpResponse.BodyHandlers.ofString());
    }

    /** As the portal sends it, with the user's bearer token instead of the session cookie the gateway relays. */
    private HttpRequest request(Call c, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + currentTokens.computeIfAbsent(user, tokens::password))
                .header("Accept", "application/json, application/problem+json");
        if (c.method().equals("GET")) {
            return b.GET().build();
        }
        return b.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .method(c.method(), HttpRequest.BodyPublishers.ofString(c.body() == null ? "" : c.body())).build();
    }

    private void report(Page page, Measured m, int users) {
        String p = what(page.name()) + ": ";
        String how = users + " users, closed loop, " + settings.measure().toSeconds() + " s after "
                + settings.warmUp().toSeconds() + " s warm-up; " + page.describe();
        results.add(NAME, p + "p50", m.pages().percentileMillis(50), "ms", how);
        results.add(NAME, p + "p95", m.pages().percentileMillis(95), "ms", "target ≤ 200 ms");
        results.add(NAME, p + "p99", m.pages().percentileMillis(99), "ms", "");
        results.add(NAME, p + "pages per second", m.ok() / m.seconds(), "pages/s", m.failed() + " failed"
                + (m.failure() == null ? "" : "; first: " + m.failure())
                + String.format("; load average %.1f at the end", GatewayOverhead.loadAverage()));
        if (page.calls().size() > 1) {
            StringBuilder calls = new StringBuilder();
            m.calls().forEach((call, l) -> calls.append(calls.isEmpty() ? "" : "; ").append(call).append(String.format(
                    " p50 %.1f / p95 %.1f ms", l.percentileMillis(50), l.percentileMillis(95))));
            results.note(p + "calls: " + calls);
        }
        if (m.ok() == 0) {
            return;
        }
        double services = 0;
        StringBuilder split = new StringBuilder();
        for (Map.Entry<String, Long> e : m.cpuMillis().entrySet()) {
            double perPage = (double) e.getValue() / m.ok();
            if (!e.getKey().equals(Service.GATEWAY.artifactId())) {
                services += perPage;
            }
            if (perPage >= 0.05) {
                split.append(split.isEmpty() ? "" : ", ").append(e.getKey()).append(String.format(" %.2f", perPage));
            }
        }
        double mongo = (double) m.mongoCpuMillis() / m.ok();
        results.add(NAME, p + "service CPU per page (five services)", services, "ms",
                "process CPU in the window / pages; ms per page: " + split);
        results.add(NAME, p + "MongoDB stand-in CPU per page", mongo, "ms", String.format(
                "its threads in the benchmark JVM; %.0f %% of the services' + stand-in's CPU per page",
                100 * mongo / Math.max(1e-9, mongo + services)));
        for (Map.Entry<String, Long> e : m.cpuMillis().entrySet()) {
            if (e.getKey().equals(Service.SCORING.artifactId()) && page.name().startsWith("scoring ranking")) {
                results.add(NAME, p + "scoring CPU per request", (double) e.getValue() / m.ok(), "ms",
                        "#23 item 1: target ≤ 2 ms (baseline 36 ms, 2025-Q4 of a county, gateway benchmark)");
            }
        }
    }

    /** CPU time of the MongoDB stand-in's server threads in this JVM (mongo-java-server's Netty event loops). */
    static long mongoThreadsCpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("mongo-server")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                nanos += Math.max(0, t);
            }
        }
        return nanos / 1_000_000;
    }

    /** Resident memory of every process of the stack, after the load (#23 item 4). */
    private void memory() {
        ProcMemory.Resident services = ProcMemory.NONE;
        for (Service s : Service.values()) {
            long pid = stack.pidOf(s);
            ProcMemory.Resident r = ProcMemory.ofTree(pid);
            services = services.plus(r);
            long heap = ProcMemory.heapUsedKb(pid);
            results.add(NAME, what("resident memory: " + s.artifactId()), r.rssMb(), "MB", String.format(
                    "VmRSS after the pages; peak VmHWM %.0f MB; heap in use %s", r.hwmMb(),
                    heap < 0 ? "unknown" : String.format("%.0f MB", heap / 1024.0)));
        }
        results.add(NAME, what("resident memory: five services + gateway"), services.rssMb(), "MB", String.format(
                "sum of VmRSS; sum of peaks (VmHWM) %.0f MB; target ≤ 1024 MB", services.hwmMb()));
        ProcMemory.Resident whole = services;
        List<Long> servicePids = new ArrayList<>();
        EnumSet.allOf(Service.class).forEach(s -> servicePids.add(stack.pidOf(s)));
        // the stack's processes are this JVM's children (Redis is not among the devstack's recorded pids)
        for (long pid : ProcessHandle.current().children().map(ProcessHandle::pid).toList()) {
            if (servicePids.contains(pid)) {
                continue;
            }
            String name = ProcMemory.infrastructureName(ProcMemory.commandLine(pid));
            ProcMemory.Resident r = ProcMemory.ofTree(pid);
            if (name == null || r.rssKb() == 0) {
                continue;
            }
            whole = whole.plus(r);
            results.add(NAME, what("resident memory: " + name), r.rssMb(), "MB",
                    String.format("VmRSS (with its child processes); peak %.0f MB", r.hwmMb()));
        }
        ProcMemory.Resident self = ProcMemory.of(ProcessHandle.current().pid());
        System.gc(); // what the in-memory database holds: the heap in use after a full collection
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        results.add(NAME, what("resident memory: MongoDB stand-in's host (the benchmark JVM)"), self.rssMb(), "MB",
                String.format("peak %.0f MB; heap in use after a full GC %.0f MB (the in-memory database, the load "
                        + "generator); its -Xmx3g heap is not given back; a real mongod is not measured here",
                        self.hwmMb(), heap / 1048576.0));
        results.add(NAME, what("resident memory: whole system"), whole.plus(self).rssMb(), "MB", String.format(
                "services, gateway, Kafka, Keycloak, Redis and the benchmark JVM; peaks summed %.0f MB",
                whole.plus(self).hwmMb()));
    }

    /**
     * As {@code BenchmarksMain} runs it ({@code pages}): per configuration ({@code --pages-configs=devstack,small};
     * {@code small} adds {@code --pages-small-jvm}, default {@link #SMALL_JVM}) a whole system of its own, loaded
     * and measured. Options: {@code --units=52 --events=5000} (a province-year: {@code --units=3000
     * --events=1000000}), {@code --pages-users=4}, {@code --pages-ranking-users=16}, {@code --pages-warmup=10},
     * {@code --pages-seconds=30}, {@code --pages-inbox=10} (items per demo reporter), {@code --pages-timeout=1800},
     * {@code --jars-from=<checkout>}.
     */
    static void benchmark(Path repo, Map<String, String> options, boolean jfr, Results results) throws Exception {
        Settings settings = new Settings(Integer.parseInt(options.getOrDefault("units", "52")),
                Long.parseLong(options.getOrDefault("events", "5000")),
                Integer.parseInt(options.getOrDefault("pages-users", "4")),
                Integer.parseInt(options.getOrDefault("pages-ranking-users", "16")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("pages-warmup", "10"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("pages-seconds", "30"))),
                Integer.parseInt(options.getOrDefault("pages-inbox", "10")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("pages-timeout", "1800"))));
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        if (options.containsKey("jars-from")) {
            Path other = Path.of(options.get("jars-from")).toAbsolutePath();
            EnumSet.allOf(Service.class).forEach(s -> jars.put(s, s.jarIn(other, DevStackConfig.VERSION)));
            results.note("pages: jars from " + other);
        }
        List<String> configs = List.of(options.getOrDefault("pages-configs", "devstack").split(","));
        for (String config : configs) {
            List<String> extra = switch (config.trim()) {
                case "devstack" -> List.of();
                case "small" -> List.of(options.getOrDefault("pages-small-jvm", SMALL_JVM).trim().split("\\s+"));
                case "county-vm" -> List.of(options.getOrDefault("pages-county-jvm", COUNTY_VM_JVM).trim()
                        .split("\\s+"));
                default -> throw new IllegalArgumentException("--pages-configs: devstack, small or county-vm, not "
                        + config);
            };
            Map<String, String> env = config.trim().equals("county-vm") ? COUNTY_VM_ENV
                    : DevStackConfig.DEFAULT_SERVICE_ENVIRONMENT;
            String label = configs.size() > 1 ? config.trim() : "";
            results.note("pages [" + config.trim() + "]: JVM options " + DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS
                    + (extra.isEmpty() ? "" : " then " + extra) + ", environment " + env + ", stack started "
                    + Instant.now());
            try (BenchmarksMain.Stack s = BenchmarksMain.Stack.start(repo, EnumSet.allOf(Service.class), jars, jfr,
                    results, extra, env)) {
                new PageLatency(repo, s.stack(), new Tokens(s.stack().keycloakIssuerUri()), results, settings, label)
                        .run();
            }
            System.out.println(results.table());
        }
    }
}
