package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating;
import cn.gov.eqq.govinfo.adoption.record.application.ItemScoresUpdating;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What other services say about items: from intake, which items exist, their unit, title, major-emergency flag,
 * receipt and voiding; from scoring, what it decided for each (shown instead of points computed here). Each event is
 * translated here ({@link IntakeItemTranslation}, {@link ItemScoredTranslation}) and the use case hears it in this
 * service's words; other event types on the topics are skipped. Undecodable values throw EventDecodingException and
 * are dead-lettered at once by service-defaults.
 */
@Component
class ItemEventsListener {

    private final EventCodec codec;
    private final ItemFactsUpdating facts;
    private final ItemScoresUpdating scores;

    ItemEventsListener(EventCodec codec, ItemFactsUpdating facts, ItemScoresUpdating scores) {
        this.codec = codec;
        this.facts = facts;
        this.scores = scores;
    }

    @KafkaListener(topics = Topics.ITEMS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        IntakeItemTranslation.of(codec.decode(record.value())).ifPresent(facts::apply);
    }

    @KafkaListener(topics = Topics.ITEM_SCORES, groupId = "${spring.application.name}")
    void onScore(ConsumerRecord<String, String> record) {
        ItemScoredTranslation.of(codec.decode(record.value())).ifPresent(scores::apply);
    }
}
