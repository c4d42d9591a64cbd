package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import cn.gov.eqq.govinfo.scoring.ledger.application.ConsumedEvent;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.ledger.application.SeededStream;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild folds the topics part by part and inserts each item once ({@link EventIngestion#foldAll}, docs/adr/0021):
 * the item documents it stores are those the live path stores from the same events polled one batch at a time
 * (versions and the outbox aside, which differ by design), whatever the parts: an item whose facts are spread over
 * several parts, or that live ingestion wrote into the new generation first, is merged, not overwritten.
 */
class FoldedBuildTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();
    /** Fields that differ by design: how often an item was written, and what the live path publishes. */
    private static final List<String> WRITE_FIELDS = List.of("version", "outbox", "scoreVersion", "scoreDigest");

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("scoring-fold-" + UUID.randomUUID())));
    private final Clock october = Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC);
    private final MongoGenerations generations = new MongoGenerations(mongo, Duration.ZERO);
    private final MongoItemScoreStore items = new MongoItemScoreStore(mongo, generations);
    private final MongoUnitStore units = new MongoUnitStore(mongo, generations);
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(),
            october, NOTICE, new EventCodec(), org.mockito.Mockito.mock(OutboxRelay.class));
    private final EventIngestion live = new EventIngestion(items, units, snapshots, policies,
            new ItemScores(new EventCodec(), october, org.mockito.Mockito.mock(OutboxRelay.class)));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 5, 20261207})
    void aFoldedBuildStoresTheItemDocumentsTheLivePathStores(long seed) {
        backDatedCountyRules();
        List<EventEnvelope<?>> events = SeededStream.stream(new Random(seed), 500);
        Random random = new Random(seed + 1);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(60));
            live.at(items.inGeneration(0), units.inGeneration(0)).applyAll(Translated.all(events.subList(from, to)));
            from = to;
        }

        generations.create(1);
        EventIngestion build = live.into(items.inGeneration(1), units.inGeneration(1));
        // live ingestion wrote a poll into the new generation before the reader got there
        build.applyAll(Translated.all(events.subList(events.size() / 2, events.size() / 2 + 40)));
        for (List<ConsumedEvent> part : parts(Translated.all(events), random)) {
            build.foldAll(part);
        }

        Map<String, Document> expected = documents("item_scores");
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(documents("item_scores_g1")).isEqualTo(expected);
        assertThat(documents("units_g1")).isEqualTo(documents("units"));
        // and the live path reads them back as its own
        ScoreQueries queries = new ScoreQueries(items.inGeneration(1), units.inGeneration(1), policies, snapshots,
                new EventCodec());
        ScoreQueries liveQueries = new ScoreQueries(items.inGeneration(0), units.inGeneration(0), policies, snapshots,
                new EventCodec());
        for (int group = 1; group <= 3; group++) {
            for (ReportingPeriod p : List.of(ReportingPeriod.month(2026, 8), ReportingPeriod.year(2026))) {
                assertThat(queries.ranking(group, p)).isEqualTo(liveQueries.ranking(group, p));
            }
        }
    }

    /** A county's own version, added in October and effective from 1 August: it changes the points of two kinds. */
    private void backDatedCountyRules() {
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 1));
        categories.put("DYNAMIC", new CategoryRule("动态类", 4));
        policies.add(new ScoringPolicy("county-2026-08", LocalDate.of(2026, 8, 1), "本旗", categories,
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall(), NOTICE.combinedCredit()), "admin");
    }

    /**
     * The stream cut as a reader of the topics cuts it: every unit state first, then each item's facts in one of three
     * parts by its id, except that commission judgements go to a part of their own (keyed otherwise) and that one
     * part comes in two pieces.
     */
    private static List<List<ConsumedEvent>> parts(List<ConsumedEvent> events, Random random) {
        List<ConsumedEvent> unitStates = new ArrayList<>();
        Map<Integer, List<ConsumedEvent>> byPart = new TreeMap<>();
        for (ConsumedEvent e : events) {
            if (e instanceof ConsumedEvent.UnitState) {
                unitStates.add(e);
            } else if (e instanceof ConsumedEvent.Fact f) {
                int part = f.fact() instanceof cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact.CommissionJudgement
                        ? 3 : Math.floorMod(f.fact().itemId().hashCode(), 3);
                byPart.computeIfAbsent(part, p -> new ArrayList<>()).add(e);
            }
        }
        List<List<ConsumedEvent>> out = new ArrayList<>();
        out.add(unitStates);
        byPart.forEach((n, part) -> {
            if (n == 0) {
                int cut = part.size() / 2 + random.nextInt(part.size() / 4 + 1);
                out.add(part.subList(0, cut));
                out.add(part.subList(cut, part.size()));
            } else {
                out.add(part);
            }
        });
        return out;
    }

    private Map<String, Document> documents(String collection) {
        Map<String, Document> out = new TreeMap<>();
        for (Document d : mongo.findAll(Document.class, collection)) {
            WRITE_FIELDS.forEach(d::remove);
            out.put(String.valueOf(d.get("_id")), d);
        }
        return out;
    }
}
