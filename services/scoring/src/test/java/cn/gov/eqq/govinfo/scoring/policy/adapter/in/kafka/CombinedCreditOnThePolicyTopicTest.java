package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyEvents;
import cn.gov.eqq.govinfo.scoring.rules.domain.CombinedCredit;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version's combined-credit rule travels with it: published on the policy topic, read back in a replay, stored as
 * JSON; a version published or stored before the rule was part of it reads as FULL.
 */
class CombinedCreditOnThePolicyTopicTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    private static ScoringPolicy leadOnly() {
        return new ScoringPolicy("county-2026", LocalDate.of(2026, 1, 1), "本旗", NOTICE.categories(),
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall(), CombinedCredit.LEAD_ONLY);
    }

    @Test
    void aLeadOnlyVersionIsPublishedWithItsRuleAndReadsBackEqual() {
        PolicyVersionAdded added = PolicyEvents.added(leadOnly(), "admin", Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(added.combinedCredit()).isEqualTo("LEAD_ONLY");
        assertThat(PolicyTranslation.policyOf(added)).isEqualTo(leadOnly());
    }

    @Test
    void aVersionPublishedWithoutTheRuleCreditsInFull() {
        PolicyVersionAdded old = new PolicyVersionAdded("2022-07-06", LocalDate.of(2022, 7, 6), "65号文", null, 2, null,
                10, null, null, "system", Instant.parse("2022-07-06T00:00:00Z"));

        assertThat(PolicyTranslation.policyOf(old).combinedCredit()).isEqualTo(CombinedCredit.FULL);
    }

    @Test
    void aStoredVersionKeepsItsRuleAndOneStoredWithoutItCreditsInFull() {
        assertThat(PolicyJson.read(PolicyJson.write(leadOnly()))).isEqualTo(leadOnly());
        assertThat(PolicyJson.read(PolicyJson.write(NOTICE).replace(",\"combinedCredit\":\"FULL\"", ""))
                .combinedCredit()).isEqualTo(CombinedCredit.FULL);
        assertThat(PolicyJson.write(NOTICE)).contains(",\"combinedCredit\":\"FULL\"");
    }
}
