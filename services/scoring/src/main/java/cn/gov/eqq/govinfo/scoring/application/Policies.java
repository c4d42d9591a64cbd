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

    /** @param shipped the version that ships with the system (read from its resource file by the config) */
    public Policies(PolicyStore store, Clock clock, ScoringPolicy shipped) {
        this.store = store;
        this.clock = clock;
        this.shipped = shipped;
    }

    /** Read from the store each time: a version added on another replica is seen at once (the list is tiny). */
    public PolicyHistory history() {
        List<ScoringPolicy> all = new ArrayList<>();
        all.add(shipped);
        all.addAll(store.all());
        return PolicyHistory.of(all);
    }

    /** @throws InvalidPolicyException with Chinese reasons when the draft may not be added */
    public ScoringPolicy add(ScoringPolicy draft, String addedBy) {
        history().adding(draft, today());
        if (!store.insert(draft, addedBy, clock.instant())) {
            throw new InvalidPolicyException(List.of("版本号 " + draft.version() + " 已存在"));
        }
        return draft;
    }

    public LocalDate today() {
        return Period.beijingDateOf(clock.instant());
    }
}
