package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.ledger.application.ConsumedEvent;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.LiveIngestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * One listener container for the four topics scoring reads: one consumer thread, so events for one item from
 * different topics are applied one after the other (the optimistic update would cope anyway). It takes a poll's
 * records at once, so that ingestion can read and write them in bulk (a replay of a province-year made ten round
 * trips per event before). Each record is decoded and its contract translated here ({@link EventTranslation}); the
 * use case sees only scoring's terms. A record that cannot be applied is named to the platform's error handler by
 * its index: the records before it are applied and committed, it is retried or (if it can never be decoded, or
 * lacks what scoring needs) put on {@code scoring.dead-letter.v1}, and the ones after it are delivered again.
 * While a rebuild runs, each poll is also applied to the generation being built ({@link LiveIngestion}).
 */
@Component
class ScoringEventsListener {

    static final String ID = "scoring-events";
    static final String[] TOPICS = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS};

    private final EventCodec codec;
    private final LiveIngestion ingestion;

    ScoringEventsListener(EventCodec codec, LiveIngestion ingestion) {
        this.codec = codec;
        this.ingestion = ingestion;
    }

    @KafkaListener(id = ID, groupId = "${spring.application.name}", batch = "true",
            topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS})
    void on(List<ConsumerRecord<String, String>> records) {
        List<ConsumedEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(EventTranslation.of(codec.decode(records.get(i).value())));
            } catch (EventDecodingException e) {
                apply(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        apply(events);
    }

    private void apply(List<ConsumedEvent> events) {
        try {
            ingestion.applyAll(events);
        } catch (EventIngestion.NotApplied e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        }
    }
}
