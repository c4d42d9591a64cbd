package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.CommissionTaskingApplication;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commissiontesting.TestClockConfiguration;
import cn.gov.eqq.govinfo.commissiontesting.TestSmtp;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the service sweep the same commissions at the same moment: each reminder is claimed by one of
 * them, posted once, e-mailed once and published once.
 */
class RemindersAtTwoReplicasTest extends CommissionAppTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;

    @Test
    void bothReplicasSweepingAtOnceSendEachReminderOnceByPortalMailAndEvent() {
        try (TwoReplicas replicas = TwoReplicas.start(
                new Class<?>[]{CommissionTaskingApplication.class, TestClockConfiguration.class},
                standaloneArguments("commission-replicas", broker.getBrokersAsString()));
             Consumer<String, String> events = consumerFromNow()) {
            replicas.replica(0).getBean(MongoTemplate.class).remove(new Query(), "commissions");
            MongoUnitDirectory directory = replicas.replica(0).getBean(MongoUnitDirectory.class);
            directory.apply("U001", "敖勒召其镇", 1, true, Instant.parse("2026-01-01T00:00:00Z"));
            directory.apply("U006", "发改委", 2, true, Instant.parse("2026-01-01T00:00:00Z"));
            String id = replicas.replica(1).getBean(Commissioning.class).issue(new NewCommission("乡村振兴典型做法",
                    "800字以内", List.of("U001", "U006"), LocalDateTime.parse("2026-07-31T23:59")), "room-editor").id();

            clock.setBeijing("2026-07-29T08:00");
            List<Integer> claimed = replicas.atOnce(RemindingUnits.class, RemindingUnits::run);
            assertThat(claimed.get(0) + claimed.get(1)).as("three days before: two reminders, claimed once")
                    .isEqualTo(2);
            assertThat(replicas.atOnce(RemindingUnits.class, RemindingUnits::run)).containsExactly(0, 0);
            assertThat(TestSmtp.received()).hasSize(2);

            clock.setBeijing("2026-07-31T08:00");
            claimed = replicas.atOnce(RemindingUnits.class, RemindingUnits::run);
            assertThat(claimed.get(0) + claimed.get(1)).as("one day before: two more").isEqualTo(2);
            assertThat(replicas.atOnce(RemindingUnits.class, RemindingUnits::run)).containsExactly(0, 0);
            assertThat(TestSmtp.received()).hasSize(4);
            assertThat(replicas.replica(0).getBean(Commissioning.class).get(id).reminders())
                    .extracting(r -> r.kind() + "/" + r.unitId() + "/" + r.mail().status())
                    .containsExactly("BEFORE_3D/U001/SENT", "BEFORE_3D/U006/SENT", "BEFORE_1D/U001/SENT",
                            "BEFORE_1D/U006/SENT");

            List<String> published = published(events, id, 5);
            assertThat(published).containsExactly("CommissionIssued", "CommissionReminderSent",
                    "CommissionReminderSent", "CommissionReminderSent", "CommissionReminderSent");
        }
    }

    /** A reader of the commission topic from its end now: what other tests published before is not read. */
    private Consumer<String, String> consumerFromNow() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, Topics.COMMISSIONS);
        consumer.assignment().forEach(partition -> consumer.position(partition)); // fixes the start before any write
        return consumer;
    }

    /** The types of the events published for the commission, once {@code expected} arrived and a moment after. */
    private List<String> published(Consumer<String, String> consumer, String commissionId, int expected) {
        List<String> types = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            readInto(consumer, commissionId, types, Duration.ofMillis(300));
            return types.size() >= expected;
        });
        readInto(consumer, commissionId, types, Duration.ofMillis(500)); // a duplicate would arrive by now
        return types;
    }

    private void readInto(Consumer<String, String> consumer, String commissionId, List<String> types, Duration wait) {
        KafkaTestUtils.getRecords(consumer, wait).forEach(r -> {
            if (commissionId.equals(r.key())) {
                types.add(codec.decode(r.value()).type());
            }
        });
    }
}
