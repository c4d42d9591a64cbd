package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * On the real broker, scoring publishes each item's whole score on {@code scoring.item-scores.v1} keyed by the item:
 * received → version 1, the room's correction → 2 with its reason, an adoption → 3; a redelivered event publishes
 * nothing; after a replay from the topics the item's score comes again, the same, with a higher version only.
 */
class ItemScoresIntegrationTest extends ScoringOnTheBroker {

    @Autowired
    Replay replay;

    private TopicRecords published;

    @BeforeAll
    void readItemScores() {
        published = read("item-scores-reader", Topics.ITEM_SCORES);
    }

    @AfterAll
    void stopReading() throws InterruptedException {
        published.close();
    }

    @Test
    void eachChangeOfAnItemsScoreIsPublishedWithTheNextVersionAndAReplayNeverGoesBack() {
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.ITEMS, new ItemReceived("I1", "U006", 1, "标题I1", "DYNAMIC", List.of("LIVELIHOOD"), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 9), bj("2026-07-10T09:00"), bj("2026-07-10T11:00"), "room",
                null));

        await().atMost(Duration.ofSeconds(60)).until(() -> scores("I1").size() == 1);
        ItemScored first = scores("I1").get(0);
        assertThat(first.scoreVersion()).isEqualTo(1);
        assertThat(first.points()).isEqualTo(1);
        assertThat(first.lines()).extracting(ItemScored.Line::source, ItemScored.Line::points,
                        ItemScored.Line::explanation)
                .containsExactly(tuple("SUBMISSION", 1, "《标题I1》（动态类）已被信息室接收，报送积分 +1"));

        send(Topics.ITEMS, new ItemCorrected("I1", "U006", 1,
                new ItemCorrected.Classification("DYNAMIC", false, false, List.of("LIVELIHOOD")),
                new ItemCorrected.Classification("PROBLEM", true, false, List.of("LIVELIHOOD")),
                "反映问题并提出对策，应为问题信息", bj("2026-08-03T10:00"), "room"));

        await().atMost(Duration.ofSeconds(60)).until(() -> scores("I1").size() == 2);
        ItemScored corrected = scores("I1").get(1);
        assertThat(corrected.scoreVersion()).isEqualTo(2);
        assertThat(corrected.points()).isEqualTo(5);
        assertThat(corrected.category()).isEqualTo("PROBLEM");
        assertThat(corrected.majorEvent()).isTrue();
        assertThat(corrected.lines()).singleElement().satisfies(l -> assertThat(l.explanation())
                .isEqualTo("《标题I1》（问题类）已被信息室接收，报送积分 +5（分类经信息室更正，理由：反映问题并提出对策，应为问题信息）"));

        EventEnvelope<?> adoption = envelope(new AdoptionRecorded("R1", "I1", "U006", "CITY_BULLETIN_ADOPTED",
                "鄂尔多斯政讯", "2026年第30期", LocalDate.of(2026, 8, 20), null, null, null, "room",
                bj("2026-08-21T09:00")));
        send(Topics.ADOPTIONS, adoption);

        await().atMost(Duration.ofSeconds(60)).until(() -> scores("I1").size() == 3);
        ItemScored adopted = scores("I1").get(2);
        assertThat(adopted.scoreVersion()).isEqualTo(3);
        assertThat(adopted.points()).isEqualTo(25);
        assertThat(adopted.adoptions()).extracting(ItemScored.AdoptionReading::recordId,
                        ItemScored.AdoptionReading::countable, ItemScored.AdoptionReading::counts)
                .containsExactly(tuple("R1", 20, true));

        // the same event again, then a record of another item behind it on the same partition: once that one is
        // published, the redelivered event has been consumed — and published nothing. (That record is the second
        // source of a combined adoption, whose id carries a dot.)
        send(Topics.ADOPTIONS, adoption);
        send(Topics.ADOPTIONS, new AdoptionRecorded("ADR-9.2", "I2", "U006", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                "2026年第31期", LocalDate.of(2026, 8, 27), null, null, "ADR-9", "room", bj("2026-08-28T09:00"), 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> scores("I2").size() == 1);
        assertThat(scores("I2").get(0).status()).isEqualTo("NOT_SCORED");
        assertThat(scores("I2").get(0).adoptions()).extracting(ItemScored.AdoptionReading::recordId,
                ItemScored.AdoptionReading::countable).containsExactly(tuple("ADR-9.2", 20));
        assertThat(scores("I1")).hasSize(3);

        assertThat(replay.start("test")).isTrue();
        await().atMost(Duration.ofSeconds(120)).until(() -> replay.status().state() != GenerationPointer.State.RUNNING);
        assertThat(replay.status().state()).isEqualTo(GenerationPointer.State.DONE);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ItemScored latest = scores("I1").get(scores("I1").size() - 1);
            assertThat(latest.scoreVersion()).isGreaterThan(3);
            assertThat(latest.points()).isEqualTo(25);
            assertThat(latest.lines()).isEqualTo(adopted.lines());
            assertThat(latest.adoptions()).isEqualTo(adopted.adoptions());
        });
        List<Long> versions = scores("I1").stream().map(ItemScored::scoreVersion).toList();
        assertThat(versions).as("in the order read, never lower").isSorted().doesNotHaveDuplicates();
    }

    private List<ItemScored> scores(String itemId) {
        return published.payloads(ItemScored.class).stream().filter(s -> s.itemId().equals(itemId)).toList();
    }

    private EventEnvelope<?> envelope(IntegrationEvent payload) {
        return EventEnvelope.wrap(payload, "test", Instant.now());
    }
}
