package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark 3: the same authenticated GET straight to a service and through the gateway (both check the JWT),
 * closed loop at a fixed concurrency with the JDK HTTP client; rounds alternate direct/through so that drift of a
 * shared machine hits both alike. Two requests:
 * <ul>
 *   <li>{@code GET /api/scoring/policies} — the service does almost nothing (one small read): the gateway's own cost
 *       shows at its largest;</li>
 *   <li>{@code GET /api/scoring/rankings?group=2&period=2025-Q4} — the quarter's ranking of the county's group 2
 *       (31 of 52 units) over a year of items, as the room and the city dashboard read it.</li>
 * </ul>
 * Besides throughput and latency, the CPU time the gateway and the service processes used per request
 * ({@code /proc/<pid>/stat}) during the measured rounds.
 *
 * <p>{@link #benchmark} also compares gateway jars (e.g. the commit before a change) and JIT settings (the devstack's
 * C1-only default and C2), one stack after another in one run.
 */
final class GatewayOverhead {

    private static final String NAME = "gateway-overhead";
    static final String POLICIES = "/api/scoring/policies";
    static final String RANKING = "/api/scoring/rankings?group=2&period=2025-Q4";
    /** The county of notice 65: 52 units in groups 1/2/3 = 5/31/16 ({@link ProvinceYear#groupOf}). */
    static final int COUNTY_UNITS = 52;
    /** About a year of items at the quota (52 units × 8 a month), plus forwards, adoptions and judgements. */
    static final int COUNTY_EVENTS = 5_000;
    private static final List<String> TOPICS = List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS,
            Topics.COMMISSIONS);
    private static final Pattern RANK_ROW = Pattern.compile("\\{\"rank\":\\d+,\"unitId\":\"");

    /** What one closed-loop run gave. */
    record Run(long ok, long failed, double seconds, Latencies latencies) {
        double throughput() {
            return ok / seconds;
        }
    }

    private final Results results;
    private final int concurrency;
    private final Duration round;
    private final Duration warmUp;

    GatewayOverhead(Results results, int concurrency, Duration round) {
        this(results, concurrency, round, Duration.ofSeconds(10));
    }

    /** @param warmUp per side before the measured rounds; C2 keeps compiling for minutes on a loaded machine */
    GatewayOverhead(Results results, int concurrency, Duration round, Duration warmUp) {
        this.results = results;
        this.concurrency = concurrency;
        this.round = round;
        this.warmUp = warmUp;
    }

    /**
     * Both requests on a running stack with scoring and the gateway: loads the county's year into scoring first.
     *
     * @param label prefix of every figure (e.g. {@code "C1 after"}), empty for none
     */
    void run(DevStack stack, Tokens tokens, String label) throws Exception {
        loadCounty(stack, tokens);
        String direct = stack.serviceUrl(Service.SCORING);
        String through = stack.gatewayUrl();
        Supplier<String> admin = () -> tokens.password("admin");
        long gateway = stack.pidOf(Service.GATEWAY);
        long scoring = stack.pidOf(Service.SCORING);
        measure(direct + POLICIES, through + POLICIES, admin, prefix(label) + "policies",
                "GET " + POLICIES + " (admin token; JWT checked by both)", gateway, scoring);
        measure(direct + RANKING, through + RANKING, admin, prefix(label) + "ranking",
                "GET " + RANKING + " (" + COUNTY_UNITS + " units, " + COUNTY_EVENTS + " events of 2025)", gateway,
                scoring);
    }

    private static String prefix(String label) {
        return label == null || label.isBlank() ? "" : label + " ";
    }

    void measure(String directUrl, String throughUrl, Supplier<String> token, String what, String note,
                 long gatewayPid, long servicePid) throws Exception {
        double loadBefore = loadAverage();
        run(directUrl, token, warmUp); // warm-up of JITs, pools and caches
        run(throughUrl, token, warmUp);
        Latencies direct = new Latencies();
        Latencies through = new Latencies();
        long directOk = 0;
        long throughOk = 0;
        long failed = 0;
        double directSeconds = 0;
        double throughSeconds = 0;
        long gatewayCpuThrough = 0;
        long serviceCpuThrough = 0;
        long serviceCpuDirect = 0;
        for (int i = 0; i < 3; i++) {
            long s0 = cpuMillis(servicePid);
            Run d = run(directUrl, token, round);
            long s1 = cpuMillis(servicePid);
            long g1 = cpuMillis(gatewayPid);
            Run t = run(throughUrl, token, round);
            serviceCpuDirect += s1 - s0;
            serviceCpuThrough += cpuMillis(servicePid) - s1;
            gatewayCpuThrough += cpuMillis(gatewayPid) - g1;
            direct.addAll(d.latencies());
            through.addAll(t.latencies());
            directOk += d.ok();
            throughOk += t.ok();
            directSeconds += d.seconds();
            throughSeconds += t.seconds();
            failed += d.failed() + t.failed();
        }
        double dRate = directOk / directSeconds;
        double tRate = throughOk / throughSeconds;
        String c = "concurrency " + concurrency + ", " + note;
        String m = what + ": ";
        results.add(NAME, m + "direct throughput", dRate, "req/s", c);
        results.add(NAME, m + "through gateway throughput", tRate, "req/s", c);
        results.add(NAME, m + "throughput through / direct", tRate / dRate, "ratio", "target ≥ 0.8");
        results.add(NAME, m + "direct p50", direct.percentileMillis(50), "ms", "");
        results.add(NAME, m + "direct p99", direct.percentileMillis(99), "ms", "");
        results.add(NAME, m + "through p50", through.percentileMillis(50), "ms", "");
        results.add(NAME, m + "through p99", through.percentileMillis(99), "ms", "");
        results.add(NAME, m + "p99 through / direct", through.percentileMillis(99) / direct.percentileMillis(99),
                "ratio", "target ≤ 2");
        if (gatewayPid > 0 && servicePid > 0 && directOk > 0 && throughOk > 0) {
            results.add(NAME, m + "gateway CPU per request", (double) gatewayCpuThrough / throughOk, "ms",
                    "process CPU (user+system) in the through rounds / requests");
            results.add(NAME, m + "service CPU per request, direct", (double) serviceCpuDirect / directOk, "ms", "");
            results.add(NAME, m + "service CPU per request, through", (double) serviceCpuThrough / throughOk, "ms",
                    "");
        }
        if (gatewayPid > 0) {
            // what the chart's gateway memory limit is set from (docs/deploy.md)
            results.add(NAME, m + "gateway peak resident memory", ReportingDocuments.vmHwmMb(gatewayPid), "MB",
                    "VmHWM since start, the devstack's JVM options");
        }
        results.add(NAME, m + "failed requests", failed, "requests", "non-2xx or errors in the measured rounds");
        results.add(NAME, m + "load average before / after", loadBefore, "", String.format("after: %.2f",
                loadAverage()));
    }

    Run run(String url, Supplier<String> token, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(url);
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    // the token from the cache of Tokens: renewed before it expires, as a real client would
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token.get()).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            latencies.add(took);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "load-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Run(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    /** The county's year on scoring's topics; returns once scoring consumed it and ranks group 2's 31 units. */
    void loadCounty(DevStack stack, Tokens tokens) throws Exception {
        ProvinceYear county = new ProvinceYear(COUNTY_UNITS, COUNTY_EVENTS, 20265, 2025);
        String bootstrap = stack.kafkaBootstrapServers();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        AtomicReference<Exception> failed = new AtomicReference<>();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            county.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.key(), r.json()), (meta, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
            }));
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("producing the county's events failed", failed.get());
        }
        try (KafkaProbe probe = new KafkaProbe(bootstrap)) {
            Map<TopicPartition, Long> ends = probe.endOffsets(TOPICS);
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (probe.lag("scoring", ends) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("scoring did not consume the county's events in 20 minutes");
                }
                Thread.sleep(500);
            }
        }
        // the service's first token check fetches Keycloak's keys; on a loaded machine that can time out (503)
        HttpResponse<String> first = Http.get(stack.serviceUrl(Service.SCORING) + RANKING, tokens.password("admin"));
        for (int attempt = 1; first.statusCode() == 503 && attempt < 12; attempt++) {
            Thread.sleep(5_000);
            first = Http.get(stack.serviceUrl(Service.SCORING) + RANKING, tokens.password("admin"));
        }
        String body = Http.ok(first);
        Matcher rows = RANK_ROW.matcher(body);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        if (count != 31) {
            throw new IllegalStateException("group 2 of the county should rank 31 units, the ranking has " + count
                    + ": " + body.substring(0, Math.min(300, body.length())));
        }
        results.note(String.format("county loaded: %d units, %d events, consumed by scoring in %.1f s; ranking of "
                + "group 2 = %d rows, %d bytes", COUNTY_UNITS, COUNTY_EVENTS, (System.nanoTime() - t0) / 1e9, count,
                body.length()));
    }

    /** user + system CPU time of a process in milliseconds (Linux {@code /proc/<pid>/stat}), -1 when unknown. */
    static long cpuMillis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name in parentheses (which may contain spaces): state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime (14), stime (15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The benchmark as {@code BenchmarksMain} runs it ({@code gateway}): one stack (Kafka, Keycloak, Mongo, scoring,
     * gateway) per configuration, one after another. Options: {@code --gateway-jit=c1} (default; c1 = the devstack's
     * {@code -XX:TieredStopAtLevel=1}, c2 = the same flags plus {@code -XX:TieredStopAtLevel=4}, the JVM's default
     * tiered compilation, for the gateway and the service alike; {@code c1,c2} for both),
     * {@code --gateway-before-jar=<gateway jar of an earlier commit>} (then each JIT setting runs "before" and
     * "after" back to back), {@code --gateway-jar=} (the "after" jar; default gateway/target),
     * {@code --gateway-round=15} (seconds per measured round), {@code --gateway-warmup=10} (seconds per side before
     * the measured rounds; C2 needs more on a loaded machine).
     */
    static void benchmark(Path repo, Map<String, String> options, int concurrency, boolean jfr, Results results)
            throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        if (options.containsKey("gateway-before-jar")) {
            jars.put("before", Path.of(options.get("gateway-before-jar")).toAbsolutePath());
        }
        jars.put(jars.isEmpty() ? "" : "after", options.containsKey("gateway-jar")
                ? Path.of(options.get("gateway-jar")).toAbsolutePath()
                : Service.GATEWAY.jarIn(repo, DevStackConfig.VERSION));
        Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("gateway-round", "15")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("gateway-warmup", "10")));
        List<String> jits = List.of(options.getOrDefault("gateway-jit", "c1").split(","));
        for (String jit : jits) {
            List<String> extra = switch (jit.trim()) {
                case "c1" -> List.of();
                case "c2" -> List.of("-XX:TieredStopAtLevel=4");
                default -> throw new IllegalArgumentException("--gateway-jit: c1 or c2, not " + jit);
            };
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                String label = (jits.size() > 1 || !jit.trim().equals("c1") ? jit.trim().toUpperCase() + " " : "")
                        + jar.getKey();
                results.note("gateway-overhead " + (label.isBlank() ? "" : "[" + label.trim() + "] ") + "gateway jar "
                        + jar.getValue() + ", JIT " + jit.trim() + (extra.isEmpty() ? " (devstack defaults)" : " "
                        + extra) + ", stack started " + Instant.now());
                Map<Service, Path> override = new EnumMap<>(Service.class);
                override.put(Service.GATEWAY, jar.getValue());
                try (BenchmarksMain.Stack s = BenchmarksMain.Stack.start(repo,
                        EnumSet.of(Service.SCORING, Service.GATEWAY), override, jfr, results, extra)) {
                    new GatewayOverhead(results, concurrency, round, warmUp).run(s.stack(),
                            new Tokens(s.stack().keycloakIssuerUri()), label.trim());
                }
                System.out.println(results.table());
            }
        }
    }
}
