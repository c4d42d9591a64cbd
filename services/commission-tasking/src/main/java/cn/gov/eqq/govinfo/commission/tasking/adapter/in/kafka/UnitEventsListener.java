package cn.gov.eqq.govinfo.commission.tasking.adapter.in.kafka;

import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local unit directory (names for notices, which units may be commissioned) in step with intake. */
@Component
class UnitEventsListener {

    private final EventCodec codec;
    private final MongoUnitDirectory units;

    UnitEventsListener(EventCodec codec, MongoUnitDirectory units) {
        this.codec = codec;
        this.units = units;
    }

    @KafkaListener(topics = Topics.UNITS, groupId = "${spring.application.name}")
    void on(String value) {
        if (codec.decode(value).payload() instanceof UnitChanged u) {
            units.apply(u.unitId(), u.name(), u.group(), u.active(), u.changedAt());
        }
    }
}
