package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.reporting.ranking.application.KeepingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.application.RankingSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard poller follows {@code feed/rankings} with the cursor, in small pages, while four writers (as replicas
 * would) keep new versions of the same periods and groups concurrently. When the writers are done and the poller has
 * caught up, its copy is exactly the server's latest snapshots: nothing skipped, no version delivered twice.
 */
class FeedFollowedWhileReKeepingIT extends ReportingStack {

    static final List<String> PERIODS = List.of("2032-01", "2032-02", "2032-03", "2032-04");
    static final int WRITERS = 4;
    static final int KEEPS_PER_WRITER = 60;

    @Autowired
    KeepingRankings keeping;
    @Autowired
    RankingSnapshots snapshots;

    @Test
    void aPollerFollowingTheFeedDuringConcurrentKeepsEndsWithExactlyTheServersSet() throws Exception {
        Map<String, AtomicLong> versions = new HashMap<>();
        for (String p : PERIODS) {
            for (int g = 1; g <= 3; g++) {
                versions.put(RankingSnapshot.keyOf(p, g), new AtomicLong());
            }
        }
        List<String> keys = new ArrayList<>(versions.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < KEEPS_PER_WRITER; i++) {
                    String key = keys.get((i * 7 + writer * 3) % keys.size());
                    long version = versions.get(key).incrementAndGet();
                    String[] parts = key.split("\\|");
                    keeping.keep(new RankingSnapshot("evt-" + key + "-" + version, parts[0], "MONTH",
                            Integer.parseInt(parts[1]), version, Instant.now(), "2022-07-06",
                            List.of(new RankingLine(1, "U001", "上海庙经济开发区", (int) version, (int) version, 0, 0, 0,
                                    0, 1, 8, 7)), Instant.now()));
                }
                return null;
            }));
        }

        Map<String, Long> copy = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        String cursor = null;
        boolean writing = true;
        int pollsWhileWriting = 0;
        while (true) {
            if (writing) {
                pollsWhileWriting++;
            }
            JsonNode page = cursor == null
                    ? getJson("/api/reporting/feed/rankings", as("dashboard"), "size", "5")
                    : getJson("/api/reporting/feed/rankings", as("dashboard"), "size", "5", "cursor", cursor);
            for (JsonNode item : page.get("items")) {
                if (!PERIODS.contains(item.get("period").asString())) {
                    continue; // other tests' records in the shared database
                }
                String key = RankingSnapshot.keyOf(item.get("period").asString(), item.get("group").asInt());
                long version = item.get("snapshotVersion").asLong();
                if (!delivered.add(key + "@" + version)) {
                    repeated.add(key + "@" + version);
                }
                copy.put(key, version);
            }
            cursor = page.get("nextCursor").asString();
            if (!writing && !page.get("hasMore").asBoolean()) {
                break; // caught up after the last keep
            }
            writing = writers.stream().anyMatch(f -> !f.isDone());
        }
        for (Future<?> f : writers) {
            f.get(1, TimeUnit.MINUTES); // a writer's failure fails the test
        }
        pool.shutdown();

        Map<String, Long> server = new HashMap<>();
        for (String p : PERIODS) {
            snapshots.latestOfPeriod(p).forEach(s -> server.put(s.key(), s.snapshotVersion()));
        }
        assertThat(pollsWhileWriting).as("the poller read while the writers kept").isGreaterThan(3);
        assertThat(server).hasSize(12);
        assertThat(copy).isEqualTo(server);
        assertThat(repeated).isEmpty();
        // the writers kept every version they drew up to the highest: the server holds those highest
        versions.forEach((key, v) -> assertThat(server.get(key)).as(key).isEqualTo(v.get()));
    }
}
