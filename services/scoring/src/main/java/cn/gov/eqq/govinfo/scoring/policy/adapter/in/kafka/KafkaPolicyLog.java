package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code scoring.policy-events.v1} from the beginning to its current end with a consumer of its own (assigned
 * partitions, no group membership, no offsets committed; the group id is the service's only for its Kafka ACL). A record that cannot be decoded fails the read: a replay that skipped a
 * version would score months under the wrong rules.
 */
@Component
class KafkaPolicyLog implements PolicyLog {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final ConsumerFactory<String, String> consumers;
    private final EventCodec codec;

    private final String group;

    KafkaPolicyLog(ConsumerFactory<String, String> consumers, EventCodec codec,
                   @Value("${spring.application.name}") String group) {
        this.consumers = consumers;
        this.codec = codec;
        this.group = group;
    }

    @Override
    public List<AddedVersion> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "policy-log", null, props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.POLICIES, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("主题 " + Topics.POLICIES + " 不存在，无法重建积分标准版本");
            }
            List<TopicPartition> tps = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(10));
            List<AddedVersion> out = new ArrayList<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("读取 " + Topics.POLICIES + " 超时");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope<?> envelope = codec.decode(r.value());
                    if (envelope.payload() instanceof PolicyVersionAdded added) {
                        out.add(PolicyTranslation.addedVersion(added));
                    }
                }
            }
            return out;
        }
    }
}
