package cn.gov.eqq.govinfo.commission.tasking.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

final class CommissionFixtures {

    static final Set<String> ACTIVE_UNITS = Set.of("U001", "U006", "U037");
    /** 2026-07-20 10:00 Beijing. */
    static final Instant ISSUED_AT = Instant.parse("2026-07-20T02:00:00Z");
    /** Deadline entered by the room: 2026-07-31 23:59 Beijing. */
    static final LocalDateTime DEADLINE = LocalDateTime.parse("2026-07-31T23:59");

    static Commission issued(String... targets) {
        return Commission.issue("C1", new NewCommission("乡村振兴典型做法", "800字以内，附图片", List.of(targets), DEADLINE),
                "room-editor", ISSUED_AT, ACTIVE_UNITS::contains).commission();
    }

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BeijingTime.ZONE).toInstant();
    }

    private CommissionFixtures() {
    }
}
