package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reporting takes scoring's item scores from the real broker: the newest scoreVersion wins whatever the order of
 * arrival, a redelivery changes nothing, and a record it cannot read is dead-lettered while the partition moves on.
 * What it keeps shows in the statistics (the commission bonus items of a unit and month are scoring's COMMISSION
 * lines).
 */
class ItemScoresTakenInIT extends ReportingStack {

    @Autowired
    EmbeddedKafkaBroker broker;

    private static ItemScored score(String itemId, String unitId, long version, boolean bonus) {
        List<ItemScored.Line> lines = new ArrayList<>();
        lines.add(new ItemScored.Line(itemId + ":submission", "2023-05", LocalDate.parse("2023-05-10"), "SUBMISSION",
                "category:BRIEF", 1, "已被信息室接收，报送积分 +1", "2022-07-06"));
        if (bonus) {
            lines.add(new ItemScored.Line(itemId + ":commission", "2023-05", LocalDate.parse("2023-05-10"),
                    "COMMISSION", "commission", 10, "按时报送约稿信息并被采纳，加 10 分", "2022-07-06"));
        }
        return new ItemScored(itemId, unitId, "约稿信息", "BRIEF", "简讯类", false, false, "SCORED",
                lines.stream().mapToInt(ItemScored.Line::points).sum(), lines, List.of(), version,
                Instant.parse("2023-05-11T00:00:00Z"));
    }

    private JsonNode may(String unitId) throws Exception {
        return getJson("/api/reporting/statistics", as("info-room"), "period", "2023-05", "unitId", unitId).get(0)
                .get("commissions");
    }

    @Test
    void theNewestScoreVersionWinsWhateverTheOrderAndARedeliveryChangesNothing() throws Exception {
        publish(Topics.UNITS, new UnitChanged("U061", "新单位甲", 2, true, Instant.parse("2023-01-01T00:00:00Z")));
        publish(Topics.ITEM_SCORES, score("IS-1", "U061", 2, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(may("U061").get("bonusItems").asInt())
                .isEqualTo(1));

        // an older decision arrives late, and the newer one again: then a marker item of another unit
        publish(Topics.ITEM_SCORES, score("IS-1", "U061", 1, false));
        publish(Topics.ITEM_SCORES, score("IS-1", "U061", 2, true));
        publish(Topics.UNITS, new UnitChanged("U062", "新单位乙", 2, true, Instant.parse("2023-01-01T00:00:00Z")));
        publish(Topics.ITEM_SCORES, score("IS-2", "U062", 1, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(may("U062").get("bonusItems").asInt())
                .isEqualTo(1));
        assertThat(may("U061").get("bonusItems").asInt()).isEqualTo(1);
        assertThat(may("U061").get("bonusPoints").asInt()).isEqualTo(10);

        // scoring withdraws the bonus (a revised answer): version 3 replaces it
        publish(Topics.ITEM_SCORES, score("IS-1", "U061", 3, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(may("U061").get("bonusItems").asInt())
                .isZero());
        assertThat(may("U061").get("bonusPoints").asInt()).isZero();
    }

    @Test
    void anUnreadableItemScoreIsDeadLetteredAndConsumptionGoesOn() throws Exception {
        String key = "poison-score-" + System.nanoTime();
        publishRaw(Topics.ITEM_SCORES, key, "{not json");
        publish(Topics.UNITS, new UnitChanged("U063", "新单位丙", 3, true, Instant.parse("2023-01-01T00:00:00Z")));
        publish(Topics.ITEM_SCORES, score("IS-3", "U063", 1, true));

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reporting-it-dlt-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        try (Consumer<String, String> dlt = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer()) {
            dlt.subscribe(List.of(Topics.deadLetterTopicOf("reporting"))); // created by the service with its topics
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                assertThat(found).hasSize(1);
            });
            assertThat(found.get(0).value()).isEqualTo("{not json");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(may("U063").get("bonusItems").asInt())
                .isEqualTo(1));
    }
}
