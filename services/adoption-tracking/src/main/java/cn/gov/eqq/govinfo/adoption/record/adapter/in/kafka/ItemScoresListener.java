package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.application.ItemScoresUpdating;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hears scoring's decision of each item, to show its points and explanations instead of computing them. */
@Component
class ItemScoresListener {

    private final EventCodec codec;
    private final ItemScoresUpdating updating;

    ItemScoresListener(EventCodec codec, ItemScoresUpdating updating) {
        this.codec = codec;
        this.updating = updating;
    }

    @KafkaListener(topics = Topics.ITEM_SCORES, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        // undecodable values throw EventDecodingException: dead-lettered at once by service-defaults
        updating.apply(codec.decode(record.value()));
    }
}
