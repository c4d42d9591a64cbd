package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener takes a poll's records at once. Two bad records in the middle of one poll — one that cannot be
 * decoded, one that decodes but cannot be placed in a period — each end up on the dead-letter topic alone, and every
 * good record around them is applied exactly once.
 */
@TestPropertySource(properties = {"govinfo.kafka.retry.interval-ms=100"})
class PoisonInABatchIntegrationTest extends ScoringOnTheBroker {

    @Autowired
    ScoreQueries queries;
    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void badRecordsInOnePollAreDeadLetteredOneByOneAndTheGoodOnesAroundThemAreApplied() {
        MessageListenerContainer listener = registry.getListenerContainer("scoring-events");
        listener.stop(); // so that everything below arrives in one poll
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.ITEMS, received("I1", "2026-07-10T09:00"));
        kafka.send(Topics.ITEMS, "I-bad", "{not json").join();
        send(Topics.ITEMS, received("I2", "2026-07-11T09:00"));
        send(Topics.ADOPTIONS, new AdoptionRecorded("R1", "I2", "U006", "CITY_BULLETIN_ADOPTED", null, null, null,
                null, null, null, "room", Instant.now())); // no date: cannot be placed in a month
        send(Topics.ITEMS, received("I3", "2026-07-12T09:00"));
        send(Topics.ADOPTIONS, new AdoptionRecorded("R2", "I3", "U006", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                "第1期", LocalDate.of(2026, 7, 20), null, null, null, "room", bj("2026-07-20T10:00")));
        listener.start();

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (Consumer<String, String> reader = consumer()) {
            reader.subscribe(List.of(Topics.deadLetterTopicOf("scoring")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(2);
            });
            // nothing else follows them
            reader.poll(Duration.ofSeconds(2)).forEach(deadLetters::add);
        }
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("I-bad", "I2");
        assertThat(deadLetters).allSatisfy(r ->
                assertThat(header(r, "kafka_dlt-exception-message")).isNotBlank());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var july = queries.unitScore("U006", ReportingPeriod.month(2026, 7));
            assertThat(july.receivedItems()).isEqualTo(3);
            assertThat(july.adoptionPoints()).isEqualTo(20);
        });
    }

    private Consumer<String, String> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dead-letter-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static ItemReceived received(String item, String submittedBj) {
        return new ItemReceived(item, "U006", 1, "标题" + item, "PROBLEM", List.of(), false, "GOOD_NEWS",
                LocalDate.of(2026, 7, 1), bj(submittedBj), bj(submittedBj).plusSeconds(7200), "room", null);
    }
}
