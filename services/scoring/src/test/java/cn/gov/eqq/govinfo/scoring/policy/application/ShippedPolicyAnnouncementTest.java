package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The shipped version reaches the other services the way added versions do: announced once on the policy topic,
 * while scoring's own history keeps it exactly once.
 */
class ShippedPolicyAnnouncementTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    private final InMemoryStores.PolicyVersions store = new InMemoryStores.PolicyVersions();
    private final EventCodec codec = new EventCodec();
    private final Policies policies = new Policies(store, new InMemoryStores.Circulars(),
            Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC), NOTICE, codec, mock(OutboxRelay.class));

    @Test
    void theShippedVersionIsAnnouncedOnceWithItsQuotas() {
        assertThat(policies.announceShipped()).isTrue();
        assertThat(policies.announceShipped()).as("a second start, or another replica").isFalse();

        assertThat(store.shippedAnnouncements).singleElement().satisfies(entry -> {
            assertThat(entry.topic()).isEqualTo("scoring.policy-events.v1");
            assertThat(entry.key()).isEqualTo(NOTICE.version());
            PolicyVersionAdded added = (PolicyVersionAdded) codec.decode(entry.json()).payload();
            assertThat(added.version()).isEqualTo(NOTICE.version());
            assertThat(added.monthlyQuota()).isEqualTo(NOTICE.monthlyQuota());
        });
        assertThat(store.all()).as("not an added version").isEmpty();
    }

    @Test
    void readingTheAnnouncementBackFromTheLogLeavesTheShippedVersionInTheHistoryOnce() {
        policies.announceShipped();

        List<String> restored = policies.restoreFrom(() -> List.of(
                new PolicyLog.AddedVersion(NOTICE, "system", Instant.parse("2026-10-10T02:00:00Z"))));

        assertThat(restored).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(policies.fresh().inForceOn(LocalDate.of(2026, 10, 1))).contains(NOTICE);
    }
}
