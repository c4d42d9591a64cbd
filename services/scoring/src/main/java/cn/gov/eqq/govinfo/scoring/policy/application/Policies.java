package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.scoring.rules.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;


import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy versions in force: the shipped version of the notice plus those added by administrators, each added one
 * published as a {@code PolicyVersionAdded} on {@code scoring.policy-events.v1} through the outbox of its document.
 */
public class Policies {

    private final PolicyStore store;
    private final CircularStore circulars;
    private final Clock clock;
    private final ScoringPolicy shipped;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private static final String PRODUCER = "scoring";
    /** Who "added" the shipped version, in its announcement. */
    static final String SHIPPED_BY = "system";
    private volatile Cached cached;

    private static final long REREAD_NANOS = 1_000_000_000L;

    private record Cached(PolicyHistory history, long readAt) {
    }

    /** @param shipped the version that ships with the system (read from its resource file by the config) */
    public Policies(PolicyStore store, CircularStore circulars, Clock clock, ScoringPolicy shipped, EventCodec codec,
                    OutboxRelay relay) {
        this.store = store;
        this.circulars = circulars;
        this.clock = clock;
        this.shipped = shipped;
        this.codec = codec;
        this.relay = relay;
    }

    /**
     * Re-read from the store at most every {@link #REREAD_NANOS}: every event needs the history, and one store read
     * per event was a tenth of the ingestion's round trips. A version added on another replica may thus be missed
     * for up to that long by an item scored here; the ledger's re-scoring ({@code Rescoring}) scores every item again
     * only once the version is waiting for longer than this, after every replica has seen it.
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

    /** Reporting published a circular: from now on no version may reach into its period. */
    public void circularPublished(PublishedCircular circular, int version) {
        circulars.published(circular, version);
    }

    /** The history as stored now (no cache): what re-scoring uses. */
    public PolicyHistory fresh() {
        return read();
    }

    /**
     * Adds a version from any date whose span reaches no published circular; the periods it governs are scored again
     * by the ledger's re-scoring ({@code Rescoring}).
     *
     * @throws InvalidPolicyException with Chinese reasons when the draft may not be added
     */
    public ScoringPolicy add(ScoringPolicy draft, String addedBy) {
        read().adding(draft, circulars.all());
        Instant now = clock.instant();
        EventEnvelope<PolicyVersionAdded> fact = EventEnvelope.wrap(PolicyEvents.added(draft, addedBy, now),
                PRODUCER, now);
        if (!store.insert(draft, addedBy, now, OutboxEntry.of(fact, Topics.POLICIES, codec))) {
            throw new InvalidPolicyException(List.of("版本号 " + draft.version() + " 已存在"));
        }
        cached = null; // this replica sees its own addition at once
        relay.kick();
        return draft;
    }

    /**
     * Announces the shipped version on {@code scoring.policy-events.v1} once (at start; replicas and restarts find it
     * announced): the other services learn its quotas from the topic as they learn every added version's.
     *
     * @return true when this call announced it
     */
    public boolean announceShipped() {
        Instant now = clock.instant();
        EventEnvelope<PolicyVersionAdded> fact = EventEnvelope.wrap(PolicyEvents.added(shipped, SHIPPED_BY, now),
                PRODUCER, now);
        boolean announced = store.announceShipped(shipped, SHIPPED_BY, now, OutboxEntry.of(fact, Topics.POLICIES, codec));
        if (announced) {
            relay.kick();
        }
        return announced;
    }

    /**
     * Rebuilds the stored history from the policy topic (a replay, or a database restored without its
     * {@code policies}): every version on the log that is not stored is stored again.
     *
     * @return the names of the versions restored
     */
    public List<String> restoreFrom(PolicyLog log) {
        List<String> restored = new ArrayList<>();
        for (PolicyLog.AddedVersion e : log.readAll()) {
            if (e.policy().version().equals(shipped.version())) {
                continue; // the shipped version is the resource file; its announcement is not an added version
            }
            if (store.restore(e.policy(), e.addedBy(), e.addedAt())) {
                restored.add(e.policy().version());
            }
        }
        cached = null;
        return restored;
    }

    private PolicyHistory read() {
        List<ScoringPolicy> all = new ArrayList<>();
        all.add(shipped);
        store.all().stream().filter(p -> !p.version().equals(shipped.version())).forEach(all::add);
        return PolicyHistory.of(all);
    }

    public LocalDate today() {
        return BeijingTime.dateOf(clock.instant());
    }
}
