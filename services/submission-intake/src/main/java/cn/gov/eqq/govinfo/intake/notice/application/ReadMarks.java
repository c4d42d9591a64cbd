package cn.gov.eqq.govinfo.intake.notice.application;

import java.time.Instant;
import java.util.Optional;

/** Up to when each person (by login name) has read their notices: kept by the service, so it holds on every device. */
public interface ReadMarks {

    Optional<Instant> upTo(String login);

    /** Moves the mark forward to {@code upTo} (never back) and returns where it stands. */
    Instant raise(String login, Instant upTo);
}
