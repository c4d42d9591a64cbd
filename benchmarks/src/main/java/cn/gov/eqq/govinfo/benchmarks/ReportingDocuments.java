package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark 2: the reporting service drafts the quarterly circular and the annual evaluation for a province of
 * {@code units} units and renders each as DOCX and XLSX. Its inputs arrive as on the live system: the unit, item,
 * adoption and commission events of a seeded year (the annex lists the adopted items) and scoring's ranking snapshots
 * of every group for the quarter and the year. Peak memory is the reporting JVM's resident high-water mark (VmHWM).
 */
final class ReportingDocuments {

    private static final String NAME = "reporting";
    private static final List<String> TOPICS = List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS,
            Topics.COMMISSIONS, Topics.RANKINGS);

    private final DevStack stack;
    private final Tokens tokens;
    private final ProvinceYear year;
    private final int calendarYear;
    private final Results results;
    private final EventCodec codec = new EventCodec();

    ReportingDocuments(DevStack stack, Tokens tokens, ProvinceYear year, int calendarYear, Results results) {
        this.stack = stack;
        this.tokens = tokens;
        this.year = year;
        this.calendarYear = calendarYear;
        this.results = results;
    }

    void run() throws Exception {
        String reporting = stack.serviceUrl(Service.REPORTING);
        long pid = pidOf("reporting");
        try (KafkaProbe probe = new KafkaProbe(stack.kafkaBootstrapServers())) {
            long t0 = System.nanoTime();
            produce();
            Map<TopicPartition, Long> ends = probe.endOffsets(TOPICS);
            ScoringRebuild.waitCaughtUp(probe, "reporting", ends, Duration.ofMinutes(60));
            results.add(NAME, "facts and snapshots consumed", KafkaProbe.total(ends), "events",
                    year.units() + " units; " + String.format("%.0f", ScoringRebuild.seconds(t0)) + " s to consume");
        }
        results.add(NAME, "reporting JVM peak RSS before drafting", vmHwmMb(pid), "MB", "VmHWM, -Xmx384m");
        draft(reporting, pid, "QUARTERLY", calendarYear + "-Q4");
        draft(reporting, pid, "ANNUAL", String.valueOf(calendarYear));
    }

    private void draft(String reporting, long pid, String kind, String period) throws Exception {
        String token = tokens.password("room-editor");
        long t0 = System.nanoTime();
        Http.ok(Http.post(reporting + "/api/reporting/circulars", token,
                "{\"kind\":\"" + kind + "\",\"period\":\"" + period + "\"}"));
        double draftSeconds = ScoringRebuild.seconds(t0);
        String id = kind + "-" + period + "-v1";
        results.add(NAME, kind + " " + period + ": draft (figures computed and stored)", draftSeconds, "s", "");
        for (String ext : List.of("docx", "xlsx")) {
            long t1 = System.nanoTime();
            HttpResponse<byte[]> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(reporting
                            + "/api/reporting/circulars/" + id + "/document." + ext)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            double seconds = ScoringRebuild.seconds(t1);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(ext + " of " + id + " → " + r.statusCode() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            results.add(NAME, kind + " " + period + ": " + ext.toUpperCase() + " rendered and downloaded", seconds,
                    "s", String.format("%.1f MB", r.body().length / 1e6));
        }
        results.add(NAME, "reporting JVM peak RSS after " + kind, vmHwmMb(pid), "MB", "VmHWM since start");
    }

    private void produce() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            year.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.key(), r.json())));
            for (String period : List.of(calendarYear + "-Q4", String.valueOf(calendarYear))) {
                for (int group = 1; group <= 3; group++) {
                    RankingSnapshotPublished s = snapshot(period, group);
                    String key = period + "|" + group;
                    producer.send(new ProducerRecord<>(Topics.RANKINGS, key, codec.encode(new EventEnvelope<>(
                            UUID.randomUUID().toString(), "RankingSnapshotPublished", 1, s.computedAt(), "scoring",
                            key, s))));
                }
            }
            producer.flush();
        }
    }

    /** A ranking of every unit of the group with seeded figures, ranked as scoring ranks (ties share a rank). */
    private RankingSnapshotPublished snapshot(String period, int group) {
        Random random = new Random(period.hashCode() * 31L + group);
        boolean annual = !period.contains("Q");
        int quota = annual ? 120 : 30;
        List<int[]> figures = new ArrayList<>();
        for (int u = 0; u < year.units(); u++) {
            if (ProvinceYear.groupOf(u, year.units()) != group) {
                continue;
            }
            int received = random.nextInt(quota + 10);
            int submission = received + random.nextInt(received + 1);
            int forward = 2 * random.nextInt(5);
            int adoption = 10 * random.nextInt(8);
            int commission = 10 * random.nextInt(3);
            int deduction = received < quota ? -Math.min(12, 1 + (quota - received) / 3) : 0;
            figures.add(new int[]{u, submission + forward + adoption + commission + deduction, submission, forward,
                    adoption, commission, deduction, received});
        }
        figures.sort(Comparator.<int[]>comparingInt(f -> -f[1]).thenComparingInt(f -> f[0]));
        List<RankingRow> rows = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < figures.size(); i++) {
            int[] f = figures.get(i);
            if (i == 0 || figures.get(i - 1)[1] != f[1]) {
                rank = i + 1;
            }
            rows.add(new RankingRow(rank, ProvinceYear.unitId(f[0]), "单位" + (f[0] + 1), f[1], f[2], f[3], f[4], f[5],
                    f[6], f[7], quota, Math.max(0, quota - f[7])));
        }
        return new RankingSnapshotPublished(period, annual ? "YEAR" : "QUARTER", group, 1,
                Instant.parse(calendarYear + 1 + "-01-05T00:00:00Z"), "2022-07-06", rows);
    }

    static long pidOf(String artifact) {
        return ProcessHandle.current().descendants()
                .filter(ph -> ph.info().commandLine().map(c -> c.contains("/jars/" + artifact + ".jar")).orElse(false))
                .mapToLong(ProcessHandle::pid).max().orElse(-1);
    }

    static double vmHwmMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
