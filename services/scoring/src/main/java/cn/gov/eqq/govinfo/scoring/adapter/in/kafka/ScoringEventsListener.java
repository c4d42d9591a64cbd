package cn.gov.eqq.govinfo.scoring.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.application.EventIngestion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One listener container for the four topics scoring reads: one consumer thread, so events for one item from
 * different topics are applied one after the other (the optimistic update would cope anyway). What cannot be
 * decoded goes to {@code scoring.dead-letter.v1} through the platform's error handler.
 */
@Component
class ScoringEventsListener {

    static final String ID = "scoring-events";
    static final String[] TOPICS = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS};

    private final EventCodec codec;
    private final EventIngestion ingestion;

    ScoringEventsListener(EventCodec codec, EventIngestion ingestion) {
        this.codec = codec;
        this.ingestion = ingestion;
    }

    @KafkaListener(id = ID, groupId = "${spring.application.name}",
            topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS})
    void on(ConsumerRecord<String, String> record) {
        ingestion.apply(codec.decode(record.value()));
    }
}
