package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.scoring.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.domain.Period;
import cn.gov.eqq.govinfo.scoring.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.domain.ScoringPolicy;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The policy versions in force: the shipped version of the notice plus those added by administrators. */
@Service
public class Policies {

    private final PolicyStore store;
    private final Clock clock;
    private final ScoringPolicy shipped;
    private volatile Cached cached;

    private static final long REREAD_NANOS = 1_000_000_000L;

    private record Cached(PolicyHistory history, long readAt) {
    }

    /** @param shipped the version that ships with the system (read from its resource file by the config) */
    public Policies(PolicyStore store, Clock clock, ScoringPolicy shipped) {
        this.store = store;
        this.clock = clock;
        this.shipped = shipped;
    }

    /**
     * Re-read from the store at most every {@link #REREAD_NANOS}: every event needs the history, and one store read
     * per event was a tenth of the ingestion's round trips. Safe because a version can only be added to take
     * effect after today, so a version added on another replica a second ago cannot change any score yet.
     */
    public PolicyHistory history() {
        Cached c = cached;
        if (c != null && System.nanoTime() - c.readAt() < REREAD_NANOS) {
            return c.history();
        }
        PolicyHistory fresh = read();
        cached = new Cached(fresh, System.nanoTime());
        return fresh;
    }

    /** @throws InvalidPolicyException with Chinese reasons when the draft may not be added */
    public ScoringPolicy add(ScoringPolicy draft, String addedBy) {
        read().adding(draft, today());
        if (!store.insert(draft, addedBy, clock.instant())) {
            throw new InvalidPolicyException(List.of("版本号 " + draft.version() + " 已存在"));
        }
        cached = null; // this replica sees its own addition at once
        return draft;
    }

    private PolicyHistory read() {
        List<ScoringPolicy> all = new ArrayList<>();
        all.add(shipped);
        all.addAll(store.all());
        return PolicyHistory.of(all);
    }

    public LocalDate today() {
        return Period.beijingDateOf(clock.instant());
    }
}
