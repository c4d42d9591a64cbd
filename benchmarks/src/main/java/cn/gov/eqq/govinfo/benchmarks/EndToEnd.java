package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.benchmarks.SnapshotMatching.Receipt;
import cn.gov.eqq.govinfo.benchmarks.SnapshotMatching.Snapshot;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 5, end to end: unit reporters draft and submit items through the gateway and the information room
 * receives each one through the gateway, as an open-loop stream at a fixed rate; for every item the time from the
 * start of its receive request until a {@code RankingSnapshotPublished} of its unit's group and month on
 * {@link Topics#RANKINGS} counts it (see {@link SnapshotMatching}), split into: the receive answered (HTTP), the
 * {@code ItemReceived} on {@link Topics#ITEMS}, the snapshot. Times on the topics are the records' Kafka timestamps
 * (CreateTime: when the outbox relay handed the record to its producer), on the same clock as the benchmark.
 */
final class EndToEnd {

    static final String NAME = "end-to-end";
    /** The demo units' reporters of identity/govinfo-realm.json (groups 1, 1, 2, 2, 3). */
    static final List<String> REPORTERS = List.of("u001-reporter", "u002-reporter", "u006-reporter", "u007-reporter",
            "u037-reporter");
    static final String ROOM = "room-editor";
    private static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * What to run: rates in items per second, each after a warm-up at the same rate.
     *
     * @param importRows  a history import of this many rows is started every {@code importEvery} while measuring
     *                    (0: none)
     * @param portal     reporting is in the stack: also measure until its kept ranking (what the portal shows)
     *                   counts the item
     */
    record Settings(List<Integer> rates, Duration warmUp, Duration measure, Duration timeout, int maxInFlight,
                    int importRows, Duration importEvery, boolean portal) {
    }

    /** One item's way through the system; times in epoch ms (comparable with Kafka timestamps) and nanos. */
    static final class Flow {
        final int unit;
        final boolean measured;
        volatile String itemId;
        volatile long createNanos = -1;
        volatile long submitNanos = -1;
        volatile long receiveNanos = -1;
        volatile long receiveStartMillis;
        volatile boolean received;

        Flow(int unit, boolean measured) {
            this.unit = unit;
            this.measured = measured;
        }
    }

    private final DevStack stack;
    private final Tokens tokens;
    private final Results results;
    private final String label;
    private final Settings settings;
    private final EventCodec codec = new EventCodec();
    private final Map<String, String> currentTokens = new ConcurrentHashMap<>();

    EndToEnd(DevStack stack, Tokens tokens, Results results, String label, Settings settings) {
        this.stack = stack;
        this.tokens = tokens;
        this.results = results;
        this.label = label;
        this.settings = settings;
    }

    void run() throws Exception {
        refreshTokens();
        var refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "e2e-tokens"));
        // tokens live 300 s; Tokens renews 30 s before expiry, so asking every 10 s keeps a valid one ready and no
        // send ever waits for Keycloak
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 10, 10, TimeUnit.SECONDS);
        ExecutorService httpExecutor = Executors.newFixedThreadPool(4, r -> daemon(r, "e2e-http"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (Observer observer = new Observer(stack.kafkaBootstrapServers(), codec)) {
            observer.start();
            for (int rate : settings.rates()) {
                runRate(client, observer, rate);
            }
        } finally {
            refresher.shutdownNow();
            httpExecutor.shutdownNow();
        }
    }

    private void runRate(HttpClient client, Observer observer, int rate) throws Exception {
        String what = "[" + label + "] " + rate + "/s";
        System.out.println("[benchmarks] end-to-end " + what + ": warm-up " + settings.warmUp().toSeconds() + " s");
        List<Flow> warmUp = stream(client, rate, settings.warmUp(), false, null, null).flows();
        System.out.println("[benchmarks] end-to-end " + what + ": measuring " + settings.measure().toSeconds() + " s");
        OpenLoopSchedule.Lag lag = new OpenLoopSchedule.Lag(Duration.ofMillis(10));
        List<Double> loads = new CopyOnWriteArrayList<>();
        var sampler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "e2e-load"));
        var os = ManagementFactory.getOperatingSystemMXBean();
        sampler.scheduleAtFixedRate(() -> loads.add(os.getSystemLoadAverage()), 0, 1, TimeUnit.SECONDS);
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        ImportLoad imports = settings.importRows() > 0 ? new ImportLoad(client, stack.gatewayUrl(),
                () -> currentTokens.get(ROOM), settings.importRows(), YearMonth.now(BEIJING), settings.importEvery()) : null;
        Thread importer = imports == null ? null : new Thread(imports, "e2e-imports");
        if (importer != null) {
            importer.setDaemon(true);
            importer.start();
        }
        Streamed streamed;
        try {
            streamed = stream(client, rate, settings.measure(), true, lag, errors);
        } finally {
            sampler.shutdownNow();
            if (imports != null) {
                imports.stop();
            }
        }
        List<Flow> flows = streamed.flows();
        long lastAnswer = System.currentTimeMillis();

        // drain: wait until every received item is counted by a snapshot, or the timeout has passed
        Map<String, Long> seen = Map.of();
        long deadline = lastAnswer + settings.timeout().toMillis();
        List<Flow> receivedFlows = flows.stream().filter(f -> f.received).toList();
        while (true) {
            seen = SnapshotMatching.firstCounted(observer.receipts(), observer.snapshots());
            Map<String, Long> s = seen;
            long open = receivedFlows.stream().filter(f -> !s.containsKey(f.itemId)).count();
            if (open == 0 || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        Map<String, Long> inPortal = settings.portal() ? keptByReporting(client, receivedFlows, observer, deadline)
                : Map.of();
        if (importer != null) {
            importer.join(TimeUnit.MINUTES.toMillis(5));
        }
        report(what, rate, streamed, warmUp.size(), lag, errors, loads, observer, seen);
        if (settings.portal()) {
            reportPortal(what, receivedFlows, inPortal, imports == null ? List.of() : imports.finished());
        }
        if (imports != null) {
            reportImports(what, imports);
        }
    }

    /**
     * Item id → when reporting kept the first version of its group's month ranking that counts it: the portal's
     * 积分排名 reads reporting's copy ({@code /api/reporting/rankings}), one Kafka hop after scoring's snapshot. The
     * versions come from reporting's history ({@code keptAt}: written just before the latest copy the page reads,
     * by the same call), read through the gateway once the snapshots counted everything, and again until every item
     * is counted there or the deadline has passed.
     */
    private Map<String, Long> keptByReporting(HttpClient client, List<Flow> flows, Observer observer, long deadline)
            throws Exception {
        // each unit's group as scoring's snapshots on the topic placed it
        Map<String, Integer> groups = new HashMap<>();
        observer.snapshots().forEach(s -> s.receivedByUnit().keySet().forEach(unit -> groups.put(unit, s.group())));
        Set<String> keys = new TreeSet<>();
        for (Flow f : flows) {
            Observed o = observer.receipt(f.itemId);
            if (o != null && groups.containsKey(o.receipt().unitId())) {
                keys.add(groups.get(o.receipt().unitId()) + "|" + o.receipt().month());
            }
        }
        Map<String, Long> kept = Map.of();
        long until = Math.max(deadline, System.currentTimeMillis() + 10_000);
        while (true) {
            List<Snapshot> versions = new ArrayList<>();
            for (String key : keys) {
                String[] gm = key.split("\\|");
                versions.addAll(history(client, Integer.parseInt(gm[0]), gm[1]));
            }
            kept = SnapshotMatching.firstCounted(observer.receipts(), versions);
            Map<String, Long> k = kept;
            if (flows.stream().allMatch(f -> k.containsKey(f.itemId)) || System.currentTimeMillis() > until) {
                return kept;
            }
            Thread.sleep(1000);
        }
    }

    private static final Pattern VERSION = Pattern.compile("\"snapshotVersion\"\\s*:\\s*(\\d+)");
    private static final Pattern KEPT_AT = Pattern.compile("\"keptAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile(
            "\"unitId\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"receivedItems\"\\s*:\\s*(\\d+)");

    /** Reporting's kept versions of one group's month ranking, as snapshots at their {@code keptAt}. */
    private List<Snapshot> history(HttpClient client, int group, String month) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/reporting/rankings/history?group=" + group + "&period=" + month))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + currentTokens.get(ROOM)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return List.of();
        }
        List<Snapshot> out = new ArrayList<>();
        // one version per "snapshotVersion" (each version's object ends before the next one begins)
        String body = r.body();
        Matcher v = VERSION.matcher(body);
        List<Integer> starts = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        while (v.find()) {
            starts.add(v.start());
            numbers.add(Long.parseLong(v.group(1)));
        }
        for (int i = 0; i < starts.size(); i++) {
            String part = body.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : body.length());
            Matcher at = KEPT_AT.matcher(part);
            if (!at.find()) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            Matcher row = ROW.matcher(part);
            while (row.find()) {
                counts.put(row.group(1), Integer.parseInt(row.group(2)));
            }
            out.add(new Snapshot(month, group, numbers.get(i), counts,
                    Instant.parse(at.group(1)).toEpochMilli()));
        }
        return out;
    }

    /**
     * The portal's figures of all items, and with imports beside them also split by when the item was received: while
     * an import was being uploaded, checked or written (intake's CPU and the database busy with it), or outside those
     * windows (only the import's paced events in the partitions).
     */
    private void reportPortal(String what, List<Flow> flows, Map<String, Long> kept,
                              List<ImportLoad.Finished> imports) {
        Latencies toPortal = new Latencies();
        Latencies duringImport = new Latencies();
        Latencies outsideImport = new Latencies();
        long missing = 0;
        for (Flow f : flows) {
            Long at = kept.get(f.itemId);
            if (at == null) {
                missing++;
                continue;
            }
            long nanos = millisToNanos(at - f.receiveStartMillis);
            toPortal.add(nanos);
            boolean during = imports.stream().anyMatch(i -> i.underWayAt(f.receiveStartMillis));
            (during ? duringImport : outsideImport).add(nanos);
        }
        percentiles(what + " receive start → the portal's ranking (reporting kept) counts it", toPortal, true);
        if (!imports.isEmpty()) {
            percentiles(what + " the same, received while an import was under way", duringImport, true);
            percentiles(what + " the same, received outside the imports' upload → done", outsideImport, true);
        }
        results.add(NAME, what + " not counted by reporting's kept ranking", missing, "items",
                "of " + flows.size() + " received");
    }

    private void reportImports(String what, ImportLoad imports) {
        List<ImportLoad.Finished> done = imports.finished();
        Latencies took = new Latencies();
        done.forEach(d -> took.add(millisToNanos(d.millis())));
        results.add(NAME, what + " history imports beside it", done.size(), "imports",
                done.stream().map(d -> d.rows() + " rows " + d.state() + " (" + d.added() + " added) in "
                        + d.millis() + " ms").toList() + (imports.failures().isEmpty() ? ""
                        : "; failures: " + imports.failures()));
        if (took.count() > 0) {
            results.add(NAME, what + " history import upload → done, max", took.percentileMillis(100), "ms",
                    took.count() + " imports");
        }
    }

    /** The flows of one window, how long the sends took and how long until the last flow had finished. */
    record Streamed(List<Flow> flows, long scheduled, double sendSeconds, double totalSeconds) {
    }

    /** Sends {@code rate × window} item flows on schedule; returns when all of them have finished. */
    private Streamed stream(HttpClient client, int rate, Duration window, boolean measured,
                              OpenLoopSchedule.Lag lag, Map<String, AtomicLong> errors) throws Exception {
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long start = System.nanoTime() + 50_000_000L;
        OpenLoopSchedule schedule = new OpenLoopSchedule(rate, start);
        long sends = schedule.sendsIn(window);
        List<Flow> flows = new ArrayList<>((int) sends);
        List<CompletableFuture<Void>> running = new ArrayList<>((int) sends);
        Map<String, AtomicLong> errs = errors != null ? errors : new ConcurrentHashMap<>();
        long end = start + window.toNanos();
        for (long n = 0; n < sends; n++) {
            long due = schedule.dueNanos(n);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // a full pipeline makes this send late (recorded below) rather than piling up sockets without bound;
            // sends still not made when the window is over are not made at all (counted as not sent)
            if (!inFlight.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            long actual = System.nanoTime();
            if (actual >= end) {
                inFlight.release();
                break;
            }
            if (lag != null) {
                lag.record(due, actual);
            }
            Flow flow = new Flow((int) (n % REPORTERS.size()), measured);
            flows.add(flow);
            running.add(flow(client, flow, n, rate, errs).whenComplete((v, e) -> inFlight.release()));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        return new Streamed(flows, sends, sendSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** Draft (reporter) → submit (reporter) → receive (room), each through the gateway. */
    private CompletableFuture<Void> flow(HttpClient client, Flow f, long n, int rate, Map<String, AtomicLong> errors) {
        String gateway = stack.gatewayUrl() + "/api/intake/items";
        String reporter = REPORTERS.get(f.unit);
        String body = "{\"title\":\"端到端压测 " + rate + "/s 第" + n + "条 " + System.nanoTime()
                + "\",\"body\":\"我旗召开政务信息工作推进会，部署全年报送任务（压测数据）。\",\"category\":\"DYNAMIC\","
                + "\"topics\":[\"LIVELIHOOD\"],\"eventDate\":\"" + LocalDate.now(BEIJING)
                + "\",\"reporterName\":\"压测员\",\"contactPhone\":\"0477-6261234\",\"polarity\":\"GOOD_NEWS\","
                + "\"majorEvent\":false,\"majorEmergency\":false}";
        long c0 = System.nanoTime();
        return client.sendAsync(post(gateway, reporter, body), HttpResponse.BodyHandlers.ofString())
                .thenCompose(r -> {
                    f.createNanos = System.nanoTime() - c0;
                    if (!expect(r, 201, "create", errors)) {
                        return CompletableFuture.completedFuture(null);
                    }
                    Matcher m = ID.matcher(r.body());
                    if (!m.find()) {
                        count(errors, "create: no id in answer");
                        return CompletableFuture.completedFuture(null);
                    }
                    f.itemId = m.group(1);
                    long s0 = System.nanoTime();
                    return client.sendAsync(post(gateway + "/" + f.itemId + "/submit", reporter, null),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenCompose(sr -> {
                                f.submitNanos = System.nanoTime() - s0;
                                if (!expect(sr, 200, "submit", errors)) {
                                    return CompletableFuture.completedFuture(null);
                                }
                                f.receiveStartMillis = System.currentTimeMillis();
                                long r0 = System.nanoTime();
                                return client.sendAsync(post(gateway + "/" + f.itemId + "/receive", ROOM, null),
                                                HttpResponse.BodyHandlers.ofString())
                                        .thenAccept(rr -> {
                                            f.receiveNanos = System.nanoTime() - r0;
                                            f.received = expect(rr, 200, "receive", errors);
                                        });
                            });
                })
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    String step = f.itemId == null ? "create" : f.submitNanos < 0 ? "submit" : "receive";
                    count(errors, step + ": " + (cause instanceof HttpTimeoutException ? "timeout"
                            : cause.getClass().getSimpleName()));
                    return null;
                });
    }

    private HttpRequest post(String url, String user, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + currentTokens.get(user));
        if (json == null) {
            return b.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static boolean expect(HttpResponse<String> r, int status, String step, Map<String, AtomicLong> errors) {
        if (r.statusCode() == status) {
            return true;
        }
        count(errors, step + ": HTTP " + r.statusCode());
        return false;
    }

    private static void count(Map<String, AtomicLong> errors, String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private void report(String what, int rate, Streamed streamed, int warmUpItems, OpenLoopSchedule.Lag lag,
                        Map<String, AtomicLong> errors, List<Double> loads, Observer observer,
                        Map<String, Long> seen) {
        List<Flow> flows = streamed.flows();
        Latencies create = new Latencies();
        Latencies submit = new Latencies();
        Latencies receiveHttp = new Latencies();
        Latencies toItemEvent = new Latencies();
        Latencies toSnapshot = new Latencies();
        Latencies itemEventToSnapshot = new Latencies();
        long received = 0;
        long noItemEvent = 0;
        long notSeen = 0;
        long seenBeforeStart = 0;
        long timeoutMillis = settings.timeout().toMillis();
        for (Flow f : flows) {
            if (f.createNanos >= 0) {
                create.add(f.createNanos);
            }
            if (f.submitNanos >= 0) {
                submit.add(f.submitNanos);
            }
            if (!f.received) {
                continue;
            }
            received++;
            receiveHttp.add(f.receiveNanos);
            Observed event = observer.receipt(f.itemId);
            if (event == null) {
                noItemEvent++;
            } else {
                toItemEvent.add(millisToNanos(event.topicMillis() - f.receiveStartMillis));
            }
            Long at = seen.get(f.itemId);
            if (at == null || at - f.receiveStartMillis > timeoutMillis) {
                notSeen++;
                continue;
            }
            if (at < f.receiveStartMillis) {
                seenBeforeStart++; // cannot happen if the matching is right; shown rather than hidden
            }
            toSnapshot.add(millisToNanos(at - f.receiveStartMillis));
            if (event != null) {
                itemEventToSnapshot.add(millisToNanos(at - event.topicMillis()));
            }
        }
        String items = flows.size() + " items sent (" + warmUpItems + " more in the warm-up)";
        results.add(NAME, what + " items received", received, "items", items);
        results.add(NAME, what + " sends made", flows.size() / streamed.sendSeconds(), "items/s",
                String.format("target %d/s; %d of %d scheduled item flows started in %.1f s (the rest not sent:"
                        + " window over); 3 requests per item (create, submit, receive)", rate, flows.size(),
                        streamed.scheduled(), streamed.sendSeconds()));
        results.add(NAME, what + " achieved rate (receive answered 200)", received / streamed.totalSeconds(),
                "items/s", String.format("%.1f s from the first send until the last flow finished",
                        streamed.totalSeconds()));
        results.add(NAME, what + " sends behind schedule (> 10 ms)", lag.behind(), "sends",
                String.format("of %d; p99 %.1f ms, max %.1f ms late; at most %d items in flight", lag.sends(),
                        lag.percentileMillis(99), lag.worstMillis(), settings.maxInFlight()));
        long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
        results.add(NAME, what + " errors", failed, "requests", new TreeMap<>(toPlain(errors)).toString());
        percentiles(what + " create (HTTP)", create, false);
        percentiles(what + " submit (HTTP)", submit, false);
        percentiles(what + " receive answered (HTTP)", receiveHttp, true);
        percentiles(what + " receive start → ItemReceived on topic", toItemEvent, true);
        percentiles(what + " ItemReceived → snapshot counts it", itemEventToSnapshot, true);
        percentiles(what + " receive start → snapshot counts it", toSnapshot, true);
        results.add(NAME, what + " not counted by a snapshot within " + settings.timeout().toSeconds() + " s",
                notSeen, "items", "of " + received + " received; " + noItemEvent + " without ItemReceived on the topic"
                        + (seenBeforeStart > 0 ? "; " + seenBeforeStart + " matched before their receive began!" : ""));
        double mean = loads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double max = loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        results.add(NAME, what + " load average (1 min) while measuring", mean, "mean",
                String.format("max %.2f, %d samples", max, loads.size()));
        results.add(NAME, what + " snapshots read", observer.snapshotCount(), "snapshots",
                "month snapshots on " + Topics.RANKINGS + " since the benchmark started (all rates so far)");
    }

    private void percentiles(String metric, Latencies l, boolean full) {
        if (l.count() == 0) {
            results.add(NAME, metric + " p50", Double.NaN, "ms", "no samples");
            return;
        }
        results.add(NAME, metric + " p50", l.percentileMillis(50), "ms", l.count() + " items");
        if (full) {
            results.add(NAME, metric + " p95", l.percentileMillis(95), "ms", "");
        }
        results.add(NAME, metric + " p99", l.percentileMillis(99), "ms", "");
        if (full) {
            results.add(NAME, metric + " max", l.percentileMillis(100), "ms", "");
        }
    }

    private static Map<String, Long> toPlain(Map<String, AtomicLong> m) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static long millisToNanos(long millis) {
        return millis * 1_000_000L;
    }

    private void refreshTokens() {
        for (String user : REPORTERS) {
            currentTokens.put(user, tokens.password(user));
        }
        currentTokens.put(ROOM, tokens.password(ROOM));
    }

    private void refreshQuietly() {
        try {
            refreshTokens();
        } catch (RuntimeException e) {
            System.out.println("[benchmarks] token refresh failed, retrying in 10 s: " + e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** An ItemReceived as read: the receipt, and its record's timestamp on the topic. */
    record Observed(Receipt receipt, long topicMillis) {
    }

    /**
     * The benchmark's own consumer: every {@code ItemReceived} of the items topic from the beginning (the receipt
     * ordinals need all of a month's receipts) and every month snapshot of the rankings topic from its end.
     */
    static final class Observer implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final EventCodec codec;
        private final Map<String, Observed> receipts = new ConcurrentHashMap<>();
        private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        private final AtomicLong undecodable = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        Observer(String bootstrap, EventCodec codec) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
            this.consumer = new KafkaConsumer<>(p);
            this.codec = codec;
        }

        void start() {
            List<TopicPartition> items = partitions(Topics.ITEMS);
            List<TopicPartition> rankings = partitions(Topics.RANKINGS);
            List<TopicPartition> all = new ArrayList<>(items);
            all.addAll(rankings);
            consumer.assign(all);
            consumer.seekToBeginning(items);
            consumer.seekToEnd(rankings);
            all.forEach(consumer::position); // resolve the positions now, before the first item is sent
            thread = new Thread(this::loop, "e2e-observer");
            thread.setDaemon(true);
            thread.start();
        }

        private List<TopicPartition> partitions(String topic) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
        }

        private void loop() {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        take(r);
                    }
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    return;
                }
            }
        }

        private void take(ConsumerRecord<String, String> r) {
            EventEnvelope<? extends IntegrationEvent> envelope;
            try {
                envelope = codec.decode(r.value());
            } catch (RuntimeException e) {
                undecodable.incrementAndGet();
                return;
            }
            if (envelope.payload() instanceof ItemReceived ir) {
                String month = YearMonth.from(ir.submittedAt().atZone(BEIJING)).toString();
                receipts.putIfAbsent(ir.itemId(), new Observed(
                        new Receipt(ir.itemId(), ir.unitId(), month, ir.receivedAt().toEpochMilli()), r.timestamp()));
            } else if (envelope.payload() instanceof RankingSnapshotPublished s && "MONTH".equals(s.periodType())) {
                Map<String, Integer> counts = new HashMap<>();
                for (RankingRow row : s.rows()) {
                    counts.put(row.unitId(), row.receivedItems());
                }
                snapshots.add(new Snapshot(s.period(), s.group(), s.snapshotVersion(), counts, r.timestamp()));
            }
        }

        List<Receipt> receipts() {
            return receipts.values().stream().map(Observed::receipt).toList();
        }

        Observed receipt(String itemId) {
            return itemId == null ? null : receipts.get(itemId);
        }

        List<Snapshot> snapshots() {
            return List.copyOf(snapshots);
        }

        int snapshotCount() {
            return snapshots.size();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            if (thread != null) {
                thread.join(5000);
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
