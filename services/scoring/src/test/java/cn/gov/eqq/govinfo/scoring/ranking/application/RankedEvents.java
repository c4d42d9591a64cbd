package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The events the publishing tests rank with: a unit of a group, and a brief item received at a Beijing time. */
final class RankedEvents {

    private RankedEvents() {
    }

    /** A unit of {@code group} since the first policy month (a record without membership spans). */
    static EventEnvelope<UnitChanged> unit(String id, int group) {
        return EventEnvelope.wrap(new UnitChanged(id, "单位" + id, group, true,
                Instant.parse("2026-01-01T00:00:00Z")), "submission-intake", Instant.now());
    }

    /** A brief item of {@code unit} received an hour after its submission at the Beijing time {@code bj}. */
    static EventEnvelope<ItemReceived> received(String item, String unit, String bj) {
        Instant at = LocalDateTime.parse(bj).atZone(BeijingTime.ZONE).toInstant();
        return EventEnvelope.wrap(new ItemReceived(item, unit, 1, "标题" + item, "BRIEF", List.of(), false,
                "GOOD_NEWS", LocalDate.ofInstant(at, BeijingTime.ZONE), at, at.plusSeconds(3600), "room", null),
                "submission-intake", Instant.now());
    }
}
