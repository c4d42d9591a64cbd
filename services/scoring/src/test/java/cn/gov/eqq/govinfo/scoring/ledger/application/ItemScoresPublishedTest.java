package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

/**
 * Scoring publishes an item's whole score each time it changes — a new fact, a judgement or its lapse, a void, a
 * back-dated version's re-scoring — with a scoreVersion that only grows, also across a replay; nothing when the
 * score did not change.
 */
class ItemScoresPublishedTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final InMemoryStores.PolicyVersions policyStore = new InMemoryStores.PolicyVersions();
    private final Clock october = Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC);
    private final EventCodec codec = new EventCodec();
    private final Policies policies = new Policies(policyStore, new InMemoryStores.Circulars(), october, NOTICE, codec,
            mock(OutboxRelay.class));
    private final ItemScores scores = new ItemScores(codec, october, mock(OutboxRelay.class));
    private final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies, scores);

    @Test
    void aReceivedItemIsPublishedWithItsSubmissionLineAsVersionOne() {
        apply(received("I1", "PROBLEM"));

        assertThat(items.published).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(Topics.ITEM_SCORES);
            assertThat(e.key()).isEqualTo("I1");
        });
        ItemScored s = published().get(0);
        assertThat(s.scoreVersion()).isEqualTo(1);
        assertThat(s.status()).isEqualTo("SCORED");
        assertThat(s.points()).isEqualTo(5);
        assertThat(s.category()).isEqualTo("PROBLEM");
        assertThat(s.categoryLabel()).isEqualTo("问题类");
        assertThat(s.unitId()).isEqualTo("U006");
        assertThat(s.title()).isEqualTo("标题I1");
        assertThat(s.scoredAt()).isEqualTo(october.instant());
        assertThat(s.lines()).singleElement().isEqualTo(new ItemScored.Line("I1:submission", "2026-07",
                LocalDate.of(2026, 7, 10), "SUBMISSION", "category:PROBLEM", 5, "《标题I1》（问题类）已被信息室接收，报送积分 +5",
                "2022-07-06"));
    }

    @Test
    void aRedeliveredEventOrAFactThatChangesNoScorePublishesNothing() {
        EventEnvelope<?> received = received("I1", "DYNAMIC");
        apply(received);
        apply(forwarded("I1", "2026-07-12T10:00"));

        apply(received);
        apply(forwarded("I1", "2026-07-13T10:00")); // a second forward earns nothing more

        assertThat(published()).extracting(ItemScored::scoreVersion, ItemScored::points)
                .containsExactly(tuple(1L, 1), tuple(2L, 3));
    }

    @Test
    void anAdoptionIsPublishedWithTheReadingOfItsRecord() {
        apply(received("I1", "DYNAMIC"));
        apply(EventEnvelope.wrap(new AdoptionRecorded("R1", "I1", "U006", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                "第9期", LocalDate.of(2026, 8, 3), null, null, null, "room", Instant.parse("2026-08-04T02:00:00Z")),
                "adoption-tracking", Instant.now()));

        ItemScored last = published().get(1);
        assertThat(last.scoreVersion()).isEqualTo(2);
        assertThat(last.points()).isEqualTo(21);
        assertThat(last.adoptions()).containsExactly(new ItemScored.AdoptionReading("R1", "CITY_BULLETIN_ADOPTED",
                "市政府办公室《鄂尔多斯政讯》采用", LocalDate.of(2026, 8, 3), 20, 20, true, 20, "按最高积分计算，本信息计 20 分"));
    }

    @Test
    void aJudgementAndTheRevisedAnswerThatClearsItArePublishedInTurn() {
        apply(received("I1", "DYNAMIC"));
        Instant answered = bj("2026-07-10T09:00");
        Instant deadline = bj("2026-07-15T18:00");
        apply(EventEnvelope.wrap(new CommissionAnswerJudged("C1", "U006", "I1", answered, deadline, true, null,
                "room", bj("2026-07-11T09:00")), "commission-tasking", Instant.now()));
        apply(EventEnvelope.wrap(new CommissionAnswered("C1", "U006", "I1", 2, bj("2026-07-12T09:00"), deadline,
                true), "commission-tasking", Instant.now()));

        assertThat(published()).extracting(ItemScored::scoreVersion, ItemScored::points)
                .containsExactly(tuple(1L, 1), tuple(2L, 11), tuple(3L, 1));
    }

    @Test
    void aVoidedItemIsPublishedAsVoidedWithTheNoteAndNoPoints() {
        apply(received("I1", "PROBLEM"));
        apply(EventEnvelope.wrap(new ItemVoided("I1", "U006", "内容与事实不符", bj("2026-07-20T09:00"), "room"),
                "submission-intake", Instant.now()));

        ItemScored last = published().get(1);
        assertThat(last.status()).isEqualTo("VOIDED");
        assertThat(last.points()).isZero();
        assertThat(last.lines()).extracting(ItemScored.Line::source).containsExactly("VOID");
    }

    @Test
    void aBackDatedVersionThatChangesTheScorePublishesTheNextVersion() {
        apply(received("I1", "PROBLEM"));
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 6));
        policies.add(new ScoringPolicy("county-2026-07", LocalDate.of(2026, 7, 1), "本旗", categories,
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall()), "admin");
        Rescoring rescoring = new Rescoring(policyStore, policies, items, units, snapshots, ingestion,
                () -> false, october,
                Duration.ZERO, scores);

        rescoring.rescorePending();

        assertThat(published()).extracting(ItemScored::scoreVersion, ItemScored::points)
                .containsExactly(tuple(1L, 5), tuple(2L, 6));
        assertThat(published().get(1).lines().get(0).policyVersion()).isEqualTo("county-2026-07");
    }

    @Test
    void aRebuiltGenerationPublishesNothingWhileBuiltThenEachItemOnceWithAHigherVersionThanEverBefore() {
        List<EventEnvelope<?>> log = List.of(received("I1", "DYNAMIC"), forwarded("I1", "2026-07-12T10:00"));
        log.forEach(this::apply);

        // what a replay does: the log folded into generation 1, which is published once it is live
        InMemoryStores.Items rebuilt = (InMemoryStores.Items) items.inGeneration(1);
        EventIngestion fold = ingestion.into(rebuilt, units.inGeneration(1));
        fold.applyAll(log.stream().map(Translated::one).toList());
        assertThat(rebuilt.published).as("nothing while the generation is built").isEmpty();
        new ItemScoresBackfill(rebuilt, scores, policies).publishNeverPublished();

        List<ItemScored> again = rebuilt.published.stream().map(OutboxEntry::json).map(codec::decode)
                .map(e -> (ItemScored) e.payload()).toList();
        assertThat(published()).extracting(ItemScored::scoreVersion).containsExactly(1L, 2L);
        assertThat(again).extracting(ItemScored::scoreVersion).containsExactly(1_000_001L);
        assertThat(again.get(0).points()).isEqualTo(published().get(1).points());
    }

    @Test
    void itemsStoredBeforeScoresWerePublishedArePublishedOnceByTheBackfill() {
        apply(received("I1", "PROBLEM"));
        apply(received("I2", "DYNAMIC"));
        // as an upgrade finds them: stored, nothing published
        for (String id : List.of("I1", "I2")) {
            StoredItem stored = items.find(id).orElseThrow();
            items.byId.put(id, new StoredItem(stored.facts(), stored.entries(), stored.version()));
        }
        items.published.clear();
        ItemScoresBackfill backfill = new ItemScoresBackfill(items, scores, policies);

        assertThat(backfill.publishNeverPublished()).isEqualTo(2);

        assertThat(published()).extracting(ItemScored::itemId, ItemScored::scoreVersion, ItemScored::points)
                .containsExactly(tuple("I1", 1L, 5), tuple("I2", 1L, 1));
        assertThat(backfill.publishNeverPublished()).as("once").isZero();
        apply(forwarded("I2", "2026-07-12T10:00"));
        assertThat(published()).last().extracting(ItemScored::scoreVersion, ItemScored::points)
                .containsExactly(2L, 3);
    }

    private void apply(EventEnvelope<?> envelope) {
        ingestion.apply(Translated.one(envelope));
    }

    private List<ItemScored> published() {
        return items.published.stream().map(OutboxEntry::json).map(codec::decode)
                .map(e -> (ItemScored) e.payload()).toList();
    }

    private static EventEnvelope<? extends IntegrationEvent> received(String item, String category) {
        Instant at = bj("2026-07-10T09:00");
        return EventEnvelope.wrap(new ItemReceived(item, "U006", 1, "标题" + item, category, List.of(), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 1), at, at.plusSeconds(3600), "room", null),
                "submission-intake", Instant.now());
    }

    private static EventEnvelope<? extends IntegrationEvent> forwarded(String item, String bj) {
        return EventEnvelope.wrap(new ItemForwardedToCity(item, "U006", bj(bj), "room"), "submission-intake",
                Instant.now());
    }

    private static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BeijingTime.ZONE).toInstant();
    }
}
