package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PeriodScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What scoring publishes on the rankings topic has exactly the shape of the golden file consumers are built on. */
class ProducedSnapshotMatchesGoldenTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aPublishedSnapshotHasTheFieldsOfTheGoldenFile() throws IOException {
        PolicyHistory policy = PolicyHistory.of(List.of(PolicyJson.shipped()));
        Instant submitted = Instant.parse("2026-07-10T02:00:00Z");
        ItemFacts item = ItemFacts.empty("item-1").with(new ItemFact.Received("e1", "item-1", "U006", 1, "标题",
                "DYNAMIC", false, submitted, submitted.plusSeconds(3600), null));
        List<LedgerEntry> entries = new ArrayList<>(ItemScoring.score(item, policy));
        UnitDirectory directory = new UnitDirectory(List.of(new Unit("U006", "发改委", 2, true, null),
                new Unit("U007", "教体局", 2, true, null)));
        Ranking ranking = PeriodScoring.rank(2, ReportingPeriod.month(2026, 7), directory, Map.of("U006", entries), policy,
                LocalDate.of(2026, 8, 5));

        var snapshot = SnapshotPublisher.toSnapshot(ranking, 7, Instant.parse("2026-08-05T00:00:00Z"));
        String produced = codec.encode(EventEnvelope.wrap(snapshot, "scoring", Instant.parse("2026-08-05T00:00:00Z")));

        JsonNode golden = codec.tree(golden());
        JsonNode actual = codec.tree(produced);
        assertThat(fieldPaths(actual)).isEqualTo(fieldPaths(golden));
        assertThat(actual.get("key").asString()).isEqualTo("2026-07|2");
        assertThat(actual.at("/payload/rows/0/unitId").asString()).isEqualTo("U006");
        assertThat(actual.at("/payload/rows/0/submissionPoints").asInt()).isEqualTo(1);
    }

    private static TreeSet<String> fieldPaths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        if (node.isObject()) {
            Iterator<String> names = node.propertyNames().iterator();
            while (names.hasNext()) {
                String name = names.next();
                paths.add(prefix + "/" + name);
                collect(node.get(name), prefix + "/" + name, paths);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), prefix + "[]", paths);
        }
    }

    private String golden() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("golden/scoring.ranking-events.v1/RankingSnapshotPublished.v1.json")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
