package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.Membership;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.shared.adapter.in.kafka.UnitTranslation;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mongo adapters against the test server: what is written reads back equal, updates are conditional. */
class MongoStoresTest {

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("scoring-stores-" + UUID.randomUUID())));
    private final PolicyHistory policies = PolicyHistory.of(List.of(PolicyJson.shipped()));

    @Test
    void itemFactsAndEntriesReadBackEqualAndAStaleVersionCannotOverwrite() {
        MongoItemScoreStore store = items(mongo);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        ItemFacts facts = ItemFacts.empty("I.1")
                .with(new ItemFact.Received("e1", "I.1", "U006", 2, "标题", "PROBLEM", true, t, t.plusSeconds(60), "K1"))
                .with(new ItemFact.Forwarded("e2", "I.1", "U006", t.plusSeconds(3600)))
                .with(new ItemFact.AdoptionState("e3", "I.1", "ADR-1", "U006", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                        "第1期", null, LocalDate.of(2026, 7, 20), t))
                .with(new ItemFact.AdoptionWithdrawal("e4", "I.1", "ADR-2", "错录", t))
                .with(new ItemFact.CommissionAnswer("e7", "I.1", "K1", "U006", 2, t))
                .with(new ItemFact.CommissionJudgement("e5", "I.1", "K1", "U006", t, t.plusSeconds(60), true, null, t))
                .with(new ItemFact.CommissionAnswerVoid("e6", "I.1", "K2", "作废", t));
        List<LedgerEntry> entries = ItemScoring.score(facts, policies);

        assertThat(store.save(facts, entries, -1)).isTrue();
        StoredItem read = store.find("I.1").orElseThrow();

        assertThat(read.facts()).isEqualTo(facts);
        assertThat(read.entries()).isEqualTo(entries);
        assertThat(read.version()).isZero();
        assertThat(store.save(facts, entries, -1)).as("insert of an existing item").isFalse();
        assertThat(store.save(facts, entries, 0)).isTrue();
        assertThat(store.save(facts, entries, 0)).as("stale version").isFalse();
        assertThat(store.entriesOf(List.of("U006"), List.of(ReportingPeriod.month(2026, 7)))).isEqualTo(entries);
        assertThat(store.entriesOf(List.of("U007"), List.of(ReportingPeriod.month(2026, 7)))).isEmpty();
        assertThat(store.monthsOfUnits(List.of("U006"))).containsEntry("U006", java.util.Set.of(ReportingPeriod.month(2026, 7)));
        assertThat(store.factsTouching(List.of(ReportingPeriod.month(2026, 8)))).isEmpty();
    }

    @Test
    void anItemsScoreGoesIntoItsOutboxWithTheWriteAndEntriesNotYetPublishedStay() {
        MongoItemScoreStore store = items(mongo);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        ItemFacts facts = ItemFacts.empty("I.2")
                .with(new ItemFact.Received("e1", "I.2", "U006", 1, "标题", "DYNAMIC", false, t, t, null))
                .with(new ItemFact.AdoptionState("e2", "I.2", "ADR-7.2", "U006", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                        "第7期", null, LocalDate.of(2026, 7, 20), t, "ADR-7", 1, t));
        List<LedgerEntry> entries = ItemScoring.score(facts, policies);
        OutboxEntry v1 = new OutboxEntry("s1", "scoring.item-scores.v1", "I.2", "{\"v\":1}", t);
        OutboxEntry v2 = new OutboxEntry("s2", "scoring.item-scores.v1", "I.2", "{\"v\":2}", t);

        assertThat(store.save(facts, entries, -1, new ItemScoreStore.Publication(1, "d1", v1))).isTrue();
        assertThat(store.save(facts, entries, 0, new ItemScoreStore.Publication(2, "d2", v2))).isTrue();
        assertThat(store.save(facts, entries, 1, new ItemScoreStore.Publication(2, "d2", null))).isTrue();
        assertThat(store.save(facts, entries, 1, new ItemScoreStore.Publication(3, "d3", v2))).as("stale").isFalse();

        StoredItem read = store.find("I.2").orElseThrow();
        assertThat(read.facts()).isEqualTo(facts);
        assertThat(read.published()).isEqualTo(new StoredItem.Published(2, "d2"));
        Document doc = mongo.getCollection(MongoItemScoreStore.COLLECTION).find(new Document("_id", "I.2")).first();
        assertThat(doc.getList("outbox", Document.class)).extracting(d -> d.getString("eventId"),
                d -> d.getString("topic"), d -> d.getString("key")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", "scoring.item-scores.v1", "I.2"),
                org.assertj.core.groups.Tuple.tuple("s2", "scoring.item-scores.v1", "I.2"));
    }

    static MongoItemScoreStore items(MongoTemplate mongo) {
        return new MongoItemScoreStore(mongo, new MongoGenerations(mongo, Duration.ZERO));
    }

    static MongoUnitStore units(MongoTemplate mongo) {
        return new MongoUnitStore(mongo, new MongoGenerations(mongo, Duration.ZERO));
    }

    @Test
    void theScoreVersionsOfGenerationZeroFollowTheReplayCounterKeptBeforeGenerations() {
        mongo.insert(new org.bson.Document("_id", "replay").append("generation", 3L),
                MongoItemScoreStore.GENERATIONS);
        MongoGenerations generations = new MongoGenerations(mongo, Duration.ZERO);
        MongoItemScoreStore store = new MongoItemScoreStore(mongo, generations);

        assertThat(store.replayGeneration()).isEqualTo(3);
        GenerationPointer pointer = generations.read();
        GenerationPointer claimed = pointer.claim("a", "admin", Instant.now(), Duration.ofMinutes(1)).orElseThrow();
        assertThat(claimed.building()).as("numbered after the old counter").isEqualTo(4);
        assertThat(store.inGeneration(4).replayGeneration()).isEqualTo(4);
    }

    @Test
    void anItemStoredBeforeAnswersWereKeptReadsBackWithNoAnswers() {
        MongoItemScoreStore store = items(mongo);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        ItemFacts facts = ItemFacts.empty("I.old")
                .with(new ItemFact.Received("e1", "I.old", "U006", 1, "标题", "DYNAMIC", false, t, t, "K1"))
                .with(new ItemFact.CommissionJudgement("e2", "I.old", "K1", "U006", t, t.plusSeconds(60), true, null, t));
        assertThat(store.save(facts, ItemScoring.score(facts, policies), -1)).isTrue();
        // the shape of a document written before facts.answers existed
        mongo.getCollection(MongoItemScoreStore.COLLECTION).updateOne(new Document("_id", "I.old"),
                new Document("$unset", new Document("facts.answers", "")));

        ItemFacts read = store.find("I.old").orElseThrow().facts();

        assertThat(read.answers()).isEmpty();
        assertThat(read).isEqualTo(facts);
        assertThat(ItemScoring.score(read, policies)).extracting(LedgerEntry::points).containsExactly(1, 10);
    }

    @Test
    void aBulkOfInsertsAndReplacesLandsAndSaysWhenOneOfItMetAConcurrentWrite() {
        MongoItemScoreStore store = items(mongo);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        ItemFacts one = ItemFacts.empty("I1")
                .with(new ItemFact.Received("e1", "I1", "U006", 1, "甲", "PROBLEM", false, t, t, null));
        ItemFacts two = ItemFacts.empty("I2")
                .with(new ItemFact.Received("e2", "I2", "U007", 1, "乙", "BRIEF", false, t, t, null));
        assertThat(store.save(one, ItemScoring.score(one, policies), -1)).isTrue();

        ItemFacts oneForwarded = one.with(new ItemFact.Forwarded("e3", "I1", "U006", t.plusSeconds(60)));
        boolean landed = store.saveAll(List.of(
                new ItemScoreStore.Write(oneForwarded, ItemScoring.score(oneForwarded, policies), 0),
                new ItemScoreStore.Write(two, ItemScoring.score(two, policies), -1)));

        assertThat(landed).isTrue();
        assertThat(store.findAll(List.of("I1", "I2", "I3"))).containsOnlyKeys("I1", "I2")
                .satisfies(m -> {
                    assertThat(m.get("I1").facts()).isEqualTo(oneForwarded);
                    assertThat(m.get("I1").version()).isEqualTo(1);
                    assertThat(m.get("I2").facts()).isEqualTo(two);
                    assertThat(m.get("I2").version()).isZero();
                });
        assertThat(store.saveAll(List.of(
                new ItemScoreStore.Write(oneForwarded, ItemScoring.score(oneForwarded, policies), 0))))
                .as("stale version").isFalse();
        assertThat(store.saveAll(List.of(new ItemScoreStore.Write(two, ItemScoring.score(two, policies), -1))))
                .as("insert of an existing item").isFalse();
        assertThat(store.findAll(List.of("I1")).get("I1").version()).isEqualTo(1);
    }

    @Test
    void aReadOfMoreItemsThanOneInBatchFindsEveryStoredOne() {
        MongoItemScoreStore store = items(mongo);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        List<ItemScoreStore.Write> writes = new java.util.ArrayList<>();
        for (int i = 0; i < MongoItemScoreStore.IN_BATCH * 2 + 3; i++) {
            ItemFacts f = ItemFacts.empty("I" + i)
                    .with(new ItemFact.Received("e" + i, "I" + i, "U006", 1, "甲", "PROBLEM", false, t, t, null));
            writes.add(new ItemScoreStore.Write(f, ItemScoring.score(f, policies), -1));
        }
        store.saveAll(writes);
        List<String> asked = new java.util.ArrayList<>(writes.stream().map(w -> w.facts().itemId()).toList());
        asked.add("never-stored");

        assertThat(store.findAll(asked)).hasSize(writes.size()).doesNotContainKey("never-stored");
    }

    @Test
    void eachGenerationHasItsOwnCollectionsAndTheStoresFollowTheLivePointer() {
        MongoGenerations generations = new MongoGenerations(mongo, Duration.ZERO);
        MongoItemScoreStore store = new MongoItemScoreStore(mongo, generations);
        MongoUnitStore unitStore = new MongoUnitStore(mongo, generations);
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        ItemFacts one = ItemFacts.empty("I1")
                .with(new ItemFact.Received("e1", "I1", "U006", 1, "甲", "PROBLEM", false, t, t, null));
        ItemFacts two = ItemFacts.empty("I2")
                .with(new ItemFact.Received("e2", "I2", "U006", 1, "乙", "PROBLEM", false, t, t, null));
        store.save(one, ItemScoring.score(one, policies), -1);
        unitStore.saveAll(List.of(UnitTranslation.unitOf(new UnitChanged("U006", "发改委", 2, true, t))));

        GenerationPointer pointer = generations.read();
        GenerationPointer claimed = pointer.claim("a", "admin", Instant.now(), Duration.ofMinutes(1)).orElseThrow();
        assertThat(generations.replace(pointer, claimed)).isTrue();
        assertThat(generations.replace(pointer, claimed)).as("a stale pointer cannot be replaced").isFalse();
        generations.create(1);
        store.inGeneration(1).save(two, ItemScoring.score(two, policies), -1);

        assertThat(store.find("I2")).as("generation 1 is not live yet").isEmpty();
        assertThat(mongo.indexOps("item_scores_g1").getIndexInfo()).extracting(i -> i.getName())
                .contains("unit_months", "months");
        assertThat(generations.stored()).containsExactly(0L, 1L);
        assertThat(generations.collections()).as("the relay leaves out the generation being built")
                .containsExactly("item_scores");

        GenerationPointer building = generations.read();
        assertThat(generations.replace(building,
                building.switchLive("a", Instant.now(), 2, 1, Duration.ofSeconds(30)).orElseThrow())).isTrue();

        assertThat(generations.collections()).as("the new live one and the old one until it is dropped")
                .containsExactly("item_scores", "item_scores_g1");
        assertThat(store.find("I1")).isEmpty();
        assertThat(store.find("I2")).isPresent();
        assertThat(store.entriesOf(List.of("U006"), List.of(ReportingPeriod.month(2026, 7)))).hasSize(1);
        assertThat(unitStore.find("U006")).as("units of generation 1: none written").isEmpty();
        assertThat(unitStore.inGeneration(0).find("U006")).isPresent();

        generations.drop(0);
        assertThat(generations.stored()).containsExactly(1L);
        assertThat(mongo.collectionExists("item_scores")).isFalse();
    }

    @Test
    void aGenerationThatLiveIngestionWroteIntoFirstIsCreatedAllTheSame() {
        MongoGenerations generations = new MongoGenerations(mongo, Duration.ZERO);
        MongoItemScoreStore store = new MongoItemScoreStore(mongo, generations);
        Instant t = Instant.parse("2026-07-01T02:00:00Z");
        ItemFacts early = ItemFacts.empty("I9")
                .with(new ItemFact.Received("e9", "I9", "U006", 1, "丙", "PROBLEM", false, t, t, null));
        // a replica saw the claim and wrote into the build before the build created its collections
        store.inGeneration(7).save(early, ItemScoring.score(early, policies), -1);

        generations.create(7);

        assertThat(store.inGeneration(7).find("I9")).isPresent();
        assertThat(mongo.indexOps("item_scores_g7").getIndexInfo()).extracting(i -> i.getName())
                .contains("unit_months", "months");
        assertThat(mongo.collectionExists("units_g7")).isTrue();
    }

    @Test
    void readsOfAWholeGroupYearComeInBatchesSoNoReplyOutgrowsTheDriversLimit() {
        java.util.concurrent.atomic.AtomicInteger getMores = new java.util.concurrent.atomic.AtomicInteger();
        String uri = MongoTestServer.uri("scoring-batches-" + UUID.randomUUID());
        com.mongodb.ConnectionString connection = new com.mongodb.ConnectionString(uri);
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                com.mongodb.MongoClientSettings.builder().applyConnectionString(connection)
                        .addCommandListener(new com.mongodb.event.CommandListener() {
                            @Override
                            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                                if (event.getCommandName().equals("getMore")) {
                                    getMores.incrementAndGet();
                                }
                            }
                        }).build())) {
            MongoItemScoreStore store = items(new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, connection.getDatabase())));
            Instant t = Instant.parse("2026-07-10T01:00:00Z");
            int items = MongoItemScoreStore.READ_BATCH * 2 + 500;
            List<ItemScoreStore.Write> writes = new java.util.ArrayList<>();
            for (int i = 0; i < items; i++) {
                ItemFacts f = ItemFacts.empty("I" + i)
                        .with(new ItemFact.Received("e" + i, "I" + i, "U006", 1, "题", "BRIEF", false, t, t, null));
                writes.add(new ItemScoreStore.Write(f, ItemScoring.score(f, policies), -1));
            }
            store.saveAll(writes);

            getMores.set(0);
            assertThat(store.entriesOf(List.of("U006"), List.of(ReportingPeriod.month(2026, 7)))).hasSize(items);
            assertThat(getMores.getAndSet(0)).as("entriesOf in batches").isGreaterThanOrEqualTo(2);
            assertThat(store.factsTouching(List.of(ReportingPeriod.month(2026, 7)))).hasSize(items);
            assertThat(getMores.getAndSet(0)).as("factsTouching in batches").isGreaterThanOrEqualTo(2);
            assertThat(store.monthsOfUnits(List.of("U006"))).containsEntry("U006", java.util.Set.of(ReportingPeriod.month(2026, 7)));
            assertThat(getMores.get()).as("monthsOfUnits in batches").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void unitsAreFoundTogether() {
        MongoUnitStore store = units(mongo);
        Unit a = new Unit("U006", "发改委", 2, true, Instant.parse("2026-01-01T00:00:00Z"));
        Unit b = new Unit("U007", "教育局", 3, true, Instant.parse("2026-01-01T00:00:00Z"));
        store.saveAll(List.of(a, b));

        assertThat(store.findAll(List.of("U006", "U007", "U999"))).containsOnlyKeys("U006", "U007")
                .containsEntry("U007", b);

        Unit moved = new Unit("U006", "发改委", 3, true, Instant.parse("2026-06-01T00:00:00Z"));
        Unit added = new Unit("U008", "工信局", 1, false, Instant.parse("2026-06-01T00:00:00Z"));
        store.saveAll(List.of(moved, added));

        assertThat(store.findAll(List.of("U006", "U007", "U008"))).containsEntry("U006", moved)
                .containsEntry("U007", b).containsEntry("U008", added);
    }

    @Test
    void theMonthsOfSeveralUnitsAreReadTogether() {
        MongoItemScoreStore store = items(mongo);
        Instant july = Instant.parse("2026-07-10T01:00:00Z");
        Instant august = Instant.parse("2026-08-10T01:00:00Z");
        for (String[] item : new String[][]{{"I1", "U006"}, {"I2", "U006"}, {"I3", "U007"}}) {
            Instant at = item[0].equals("I2") ? august : july;
            ItemFacts f = ItemFacts.empty(item[0])
                    .with(new ItemFact.Received("e" + item[0], item[0], item[1], 1, "题", "BRIEF", false, at, at, null));
            store.save(f, ItemScoring.score(f, policies), -1);
        }

        assertThat(store.monthsOfUnits(List.of("U006", "U007", "U008")))
                .containsOnlyKeys("U006", "U007")
                .containsEntry("U006", java.util.Set.of(ReportingPeriod.month(2026, 7), ReportingPeriod.month(2026, 8)))
                .containsEntry("U007", java.util.Set.of(ReportingPeriod.month(2026, 7)));
    }

    @Test
    void unitDirectoryReadsBackWhatWasSaved() {
        MongoUnitStore store = units(mongo);
        Unit older = new Unit("U006", "发改委", 2, true, Instant.parse("2026-01-01T00:00:00Z"));
        Unit newer = new Unit("U006", "发展和改革委员会", 2, true, Instant.parse("2026-05-01T00:00:00Z"));

        store.saveAll(List.of(older));
        store.saveAll(List.of(newer));

        assertThat(store.find("U006")).contains(newer);
        assertThat(store.directory().rankedIn(2, ReportingPeriod.month(2026, 6))).containsExactly(newer);
    }

    @Test
    void membershipSpansReadBackAsSaved() {
        MongoUnitStore store = units(mongo);
        Unit moved = new Unit("U013", "财政局", 3, true, Instant.parse("2026-10-01T00:00:00Z"), List.of(
                new Membership(2, ReportingPeriod.month(2022, 7), ReportingPeriod.month(2026, 7)),
                new Membership(3, ReportingPeriod.month(2026, 7), null)));

        store.saveAll(List.of(moved));

        assertThat(store.find("U013")).contains(moved);
    }

    @Test
    void unitStoredBeforeMembershipsWereKeptReadsAsAMemberOfItsGroupSinceTheFirstPolicyMonth() {
        mongo.insert(new org.bson.Document("_id", "U006").append("name", "发改委").append("group", 2)
                .append("active", true).append("changedAt", java.util.Date.from(Instant.parse("2025-01-01T00:00:00Z"))),
                "units");
        mongo.insert(new org.bson.Document("_id", "U009").append("name", "民委").append("group", 2)
                .append("active", false).append("changedAt", java.util.Date.from(Instant.parse("2025-03-10T00:00:00Z"))),
                "units");

        assertThat(store().find("U006").orElseThrow().memberships())
                .containsExactly(new Membership(2, ReportingPeriod.month(2022, 7), null));
        assertThat(store().find("U009").orElseThrow().memberships())
                .containsExactly(new Membership(2, ReportingPeriod.month(2022, 7), ReportingPeriod.month(2025, 3)));
    }

    private MongoUnitStore store() {
        return units(mongo);
    }

    @Test
    void snapshotVersionRisesOnceAndTheOutboxEntryIsStoredForTheRelay() {
        MongoSnapshotStore store = new MongoSnapshotStore(mongo);
        SnapshotStore.Key key = new SnapshotStore.Key(ReportingPeriod.quarter(2026, 3), 2);
        store.markDirty(key, Instant.now());
        store.markDirty(key, Instant.now());
        SnapshotStore.Dirty dirty = store.dirty().get(0);
        OutboxEntry entry = new OutboxEntry("ev-1", "scoring.ranking-events.v1", "2026-Q3|2", "{}", Instant.now());

        assertThat(dirty.generation()).isEqualTo(2);
        assertThat(store.published(dirty, entry)).isTrue();
        assertThat(store.published(dirty, entry)).isFalse();

        assertThat(store.versionOf(key)).isEqualTo(1);
        assertThat(store.dirty()).isEmpty();
        Document doc = mongo.findById("2026-Q3|2", Document.class, MongoSnapshotStore.COLLECTION);
        assertThat(doc.getList("outbox", Document.class)).singleElement()
                .satisfies(d -> assertThat(d.getString("key")).isEqualTo("2026-Q3|2"));
    }

    @Test
    void theLastStoredSnapshotIsKeptAndReadsAsMarkedOnceAFactMarksItsKey() {
        MongoSnapshotStore store = new MongoSnapshotStore(mongo);
        SnapshotStore.Key key = new SnapshotStore.Key(ReportingPeriod.month(2026, 7), 1);
        store.markDirty(key, Instant.now());
        assertThat(store.kept(key)).as("never published").isEmpty();

        store.published(store.dirty().get(0), new OutboxEntry("ev-1", "t", "2026-07|1", "{\"v\":1}", Instant.now()));
        store.markDirty(key, Instant.now());
        store.published(store.dirty().get(0), new OutboxEntry("ev-2", "t", "2026-07|1", "{\"v\":2}", Instant.now()));

        assertThat(store.kept(key)).contains(new SnapshotStore.Kept(2, false, "{\"v\":2}"));
        store.markDirty(key, Instant.now());
        assertThat(store.kept(key)).contains(new SnapshotStore.Kept(2, true, "{\"v\":2}"));
    }

    @Test
    void storedItemsArePagedInIdOrder() {
        MongoItemScoreStore store = items(mongo);
        for (String id : List.of("I3", "I1", "I2")) {
            ItemFacts facts = ItemFacts.empty(id);
            assertThat(store.save(facts, List.of(), -1)).isTrue();
        }

        assertThat(store.page(null, 2)).extracting(i -> i.facts().itemId()).containsExactly("I1", "I2");
        assertThat(store.page("I2", 2)).extracting(i -> i.facts().itemId()).containsExactly("I3");
    }

    @Test
    void itemsNeverPublishedAreFoundInIdOrderAndAPublishedOneIsNot() {
        MongoItemScoreStore store = items(mongo);
        for (String id : List.of("I3", "I1", "I2")) {
            assertThat(store.save(ItemFacts.empty(id), List.of(), -1)).isTrue();
        }
        assertThat(store.save(ItemFacts.empty("I2"), List.of(), 0,
                new cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore.Publication(1, "d", null))).isTrue();

        assertThat(store.neverPublished(null, 10)).extracting(i -> i.facts().itemId()).containsExactly("I1", "I3");
        assertThat(store.neverPublished("I1", 10)).extracting(i -> i.facts().itemId()).containsExactly("I3");
    }
}
