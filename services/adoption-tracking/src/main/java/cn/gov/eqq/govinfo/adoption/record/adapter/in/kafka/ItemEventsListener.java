package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns from intake which items exist, their unit, title, major-emergency flag, receipt and voiding. */
@Component
class ItemEventsListener {

    private final EventCodec codec;
    private final ItemFactsUpdating updating;

    ItemEventsListener(EventCodec codec, ItemFactsUpdating updating) {
        this.codec = codec;
        this.updating = updating;
    }

    @KafkaListener(topics = Topics.ITEMS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        // undecodable values throw EventDecodingException: dead-lettered at once by service-defaults
        updating.apply(codec.decode(record.value()));
    }
}
