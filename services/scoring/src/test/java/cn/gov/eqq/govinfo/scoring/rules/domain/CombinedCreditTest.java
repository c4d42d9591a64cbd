package cn.gov.eqq.govinfo.scoring.rules.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.SHIPPED;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.bj;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.eventId;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.fold;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The combined-credit rule (综合采用) is scoring's, part of each policy version: under LEAD_ONLY only the lead source
 * earns, under FULL (the default) every source does; the version in force on the record's date decides.
 */
class CombinedCreditTest {

    /** The shipped version with LEAD_ONLY from 2026-09-01. */
    private static final PolicyHistory LEAD_ONLY_FROM_SEPTEMBER = PolicyHistory.of(List.of(
            SHIPPED.versions().get(0), leadOnly(SHIPPED.versions().get(0), LocalDate.of(2026, 9, 1))));

    private static ScoringPolicy leadOnly(ScoringPolicy p, LocalDate from) {
        return new ScoringPolicy("2026-09-01", from, p.source(), p.categories(), p.forwardPoints(), p.adoptionKinds(),
                p.commissionPoints(), p.monthlyQuota(), p.shortfall(), CombinedCredit.LEAD_ONLY);
    }

    private static ItemFact.AdoptionState source(String item, int position, String date) {
        Instant at = bj(date + "T10:00");
        return new ItemFact.AdoptionState(eventId(), item, "ADR-1." + (position + 1), "U010", "CITY_BULLETIN_ADOPTED",
                "鄂尔多斯政讯", "2026年第30期", null, LocalDate.parse(date), at, "ADR-1", position, at);
    }

    private static ItemFacts item(String item, ItemFact.AdoptionState state) {
        return fold(item, List.of(received(item, "U010", "DYNAMIC", "2026-07-01T09:00"), state));
    }

    @Test
    void underLeadOnlyASourceAfterTheLeadEarnsNothingAndSaysWhy() {
        ItemFacts second = item("B", source("B", 1, "2026-09-10"));

        assertThat(ItemScoring.score(second, LEAD_ONLY_FROM_SEPTEMBER))
                .filteredOn(e -> e.source() == PointSource.ADOPTION).singleElement().satisfies(e -> {
                    assertThat(e.points()).isZero();
                    assertThat(e.policyVersion()).isEqualTo("2026-09-01");
                    assertThat(e.explanation()).isEqualTo("《标题B》被《鄂尔多斯政讯》采用（综合采用，非首条来源信息）；"
                            + "综合采用按积分标准只计首条来源信息，本信息只作记录，不计分");
                });
        assertThat(ItemScoring.readings(second, LEAD_ONLY_FROM_SEPTEMBER)).singleElement().satisfies(r -> {
            assertThat(r.kindPoints()).isEqualTo(20);
            assertThat(r.countable()).isZero();
            assertThat(r.counts()).isFalse();
            assertThat(r.explanation()).isEqualTo("综合采用按积分标准只计首条来源信息，本信息只作记录，不计分");
        });
    }

    @Test
    void underLeadOnlyTheLeadSourceEarnsTheKindsPoints() {
        ItemFacts lead = item("A", source("A", 0, "2026-09-10"));

        assertThat(Facts.total(ItemScoring.score(lead, LEAD_ONLY_FROM_SEPTEMBER))).isEqualTo(1 + 20);
    }

    @Test
    void theVersionInForceOnTheRecordsDateDecides() {
        // dated in August, under the shipped version (FULL): the second source earns as any record
        ItemFacts august = item("B", source("B", 1, "2026-08-20"));

        assertThat(Facts.total(ItemScoring.score(august, LEAD_ONLY_FROM_SEPTEMBER))).isEqualTo(1 + 20);
    }

    @Test
    void underFullEverySourceEarns() {
        assertThat(Facts.total(ItemScoring.score(item("B", source("B", 3, "2026-09-10")), SHIPPED)))
                .isEqualTo(1 + 20);
    }

    @Test
    void aRecordWithoutPositionEarnsAsBeforeEvenUnderLeadOnly() {
        ItemFacts single = fold("C", List.of(received("C", "U010", "DYNAMIC", "2026-07-01T09:00"),
                Facts.adoption("C", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-09-10")));

        assertThat(Facts.total(ItemScoring.score(single, LEAD_ONLY_FROM_SEPTEMBER))).isEqualTo(1 + 20);
    }

    @Test
    void aCorrectionOfASourceKeepsItsPlaceInTheCombinedAdoption() {
        ItemFact.AdoptionState recorded = source("B", 1, "2026-09-10");
        // AdoptionCorrected says nothing of the combined adoption: the record stays the second source
        ItemFact.AdoptionState corrected = new ItemFact.AdoptionState(eventId(), "B", recorded.recordId(), "U010",
                "REGION_DAILY_BRIEF_ADOPTED", "每日要情", "第5期", null, LocalDate.of(2026, 9, 12),
                bj("2026-09-15T10:00"));

        for (ItemFacts facts : List.of(fold("B", List.of(received("B", "U010", "DYNAMIC", "2026-07-01T09:00"),
                        recorded, corrected)),
                fold("B", List.of(corrected, recorded, received("B", "U010", "DYNAMIC", "2026-07-01T09:00"))))) {
            assertThat(Facts.total(ItemScoring.score(facts, LEAD_ONLY_FROM_SEPTEMBER))).isEqualTo(1);
            assertThat(facts.adoptions().get(recorded.recordId()).state().kind())
                    .isEqualTo("REGION_DAILY_BRIEF_ADOPTED");
        }
    }

    @Test
    void aVersionWithoutTheRuleCreditsInFullAndAnUnknownRuleIsRefusedInChinese() {
        assertThat(SHIPPED.versions().get(0).combinedCredit()).isEqualTo(CombinedCredit.FULL);
        assertThat(CombinedCredit.parse(null)).isEqualTo(CombinedCredit.FULL);
        assertThat(CombinedCredit.parse("LEAD_ONLY")).isEqualTo(CombinedCredit.LEAD_ONLY);
        assertThatThrownBy(() -> CombinedCredit.parse("HALF")).isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).containsExactly(
                        "综合采用计分规则（combinedCredit）“HALF”无效，只能是 FULL（每条来源信息均计分）或 LEAD_ONLY（只计首条来源信息）"));
    }
}
