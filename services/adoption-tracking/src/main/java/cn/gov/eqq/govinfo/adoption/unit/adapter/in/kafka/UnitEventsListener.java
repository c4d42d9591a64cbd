package cn.gov.eqq.govinfo.adoption.unit.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;
import cn.gov.eqq.govinfo.adoption.unit.domain.ReportingUnit;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps unit names for views and for matching spreadsheet lines by unit name: intake's {@code UnitChanged} becomes a
 * {@link ReportingUnit} here. Upserts are idempotent.
 */
@Component
class UnitEventsListener {

    private final EventCodec codec;
    private final UnitDirectory units;

    UnitEventsListener(EventCodec codec, UnitDirectory units) {
        this.codec = codec;
        this.units = units;
    }

    @KafkaListener(topics = Topics.UNITS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        if (codec.decode(record.value()).payload() instanceof UnitChanged unit) {
            units.apply(new ReportingUnit(unit.unitId(), unit.name(), unit.group(), unit.active(),
                    unit.changedAt()));
        }
    }
}
