package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.adoption;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.answered;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.fold;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.forwarded;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.judged;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.receivedEmergency;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.score;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.total;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.voided;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ItemScoringTest {

    @Test
    void receivedItemEarnsItsCategoryPointsInTheMonthItWasSubmitted() {
        List<LedgerEntry> entries = score("I1", received("I1", "U010", "PROBLEM", "2026-07-10T09:00"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.points()).isEqualTo(5);
            assertThat(e.source()).isEqualTo(PointSource.SUBMISSION);
            assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 7));
            assertThat(e.unitId()).isEqualTo("U010");
            assertThat(e.rule()).isEqualTo("category:PROBLEM");
            assertThat(e.policyVersion()).isEqualTo("2022-07-06");
            assertThat(e.explanation()).isEqualTo("《标题I1》（问题类）已被信息室接收，报送积分 +5");
        });
    }

    @Test
    void briefDynamicAndComprehensiveEarnOnePointResearchReportFive() {
        assertThat(total(score("a", received("a", "U010", "BRIEF", "2026-07-01T09:00")))).isEqualTo(1);
        assertThat(total(score("b", received("b", "U010", "DYNAMIC", "2026-07-01T09:00")))).isEqualTo(1);
        assertThat(total(score("c", received("c", "U010", "COMPREHENSIVE", "2026-07-01T09:00")))).isEqualTo(1);
        assertThat(total(score("d", received("d", "U010", "RESEARCH_REPORT", "2026-07-01T09:00")))).isEqualTo(5);
    }

    @Test
    void anItemNotYetReceivedEarnsNothing() {
        assertThat(score("I1", forwarded("I1", "U010", "2026-07-12T10:00"),
                adoption("I1", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20"))).isEmpty();
    }

    @Test
    void forwardToTheCityAddsTwoInTheMonthOfTheForward() {
        List<LedgerEntry> entries = score("I1", received("I1", "U010", "DYNAMIC", "2026-07-30T09:00"),
                forwarded("I1", "U010", "2026-08-02T10:00"));

        assertThat(entries).extracting(LedgerEntry::source, LedgerEntry::points, LedgerEntry::month)
                .containsExactly(tuple(PointSource.SUBMISSION, 1, ReportingPeriod.month(2026, 7)),
                        tuple(PointSource.FORWARD, 2, ReportingPeriod.month(2026, 8)));
        assertThat(entries.get(1).explanation()).isEqualTo("《标题I1》转报市政府，在报送积分上累加 +2");
    }

    @Test
    void aSecondForwardOfTheSameItemEarnsNothingMore() {
        List<LedgerEntry> entries = score("I1", received("I1", "U010", "DYNAMIC", "2026-07-01T09:00"),
                forwarded("I1", "U010", "2026-07-03T10:00"), forwarded("I1", "U010", "2026-07-02T10:00"));

        assertThat(entries).filteredOn(e -> e.source() == PointSource.FORWARD).singleElement()
                .satisfies(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2026, 7, 2)));
        assertThat(total(entries)).isEqualTo(3);
    }

    /** docs/rules.md worked example 2. */
    @Test
    void laterHigherAdoptionAddsOnlyTheDifferenceInItsOwnMonthAndALowerInstructionChangesNothing() {
        List<LedgerEntry> entries = score("X", received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20"),
                adoption("X", "U010", "r2", "REGION_DAILY_BRIEF_ADOPTED", "2026-09-03"),
                adoption("X", "U010", "r3", "CITY_LEADER_INSTRUCTION", "2026-09-10"));

        List<LedgerEntry> adoptions = entries.stream().filter(e -> e.source() == PointSource.ADOPTION).toList();
        assertThat(adoptions).extracting(LedgerEntry::points, LedgerEntry::month)
                .containsExactly(tuple(20, ReportingPeriod.month(2026, 7)), tuple(10, ReportingPeriod.month(2026, 9)),
                        tuple(0, ReportingPeriod.month(2026, 9)));
        assertThat(adoptions).extracting(LedgerEntry::explanation).containsExactly(
                "《标题X》被《鄂尔多斯政讯》采用 +20",
                "《标题X》被《每日要情》采用 +30（替代此前《鄂尔多斯政讯》采用 +20，净增 +10）",
                "《标题X》被市政府领导批示（20分）；同一条信息按最高积分计算，不高于此前《每日要情》采用的 30 分，不另加分");
        assertThat(adoptions.stream().mapToInt(LedgerEntry::points).sum()).isEqualTo(30);
    }

    @Test
    void highestOnlyHoldsForEveryOrderOfArrival() {
        ItemFact[] facts = {
                received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20"),
                adoption("X", "U010", "r2", "REGION_DAILY_BRIEF_ADOPTED", "2026-09-03"),
                adoption("X", "U010", "r3", "CITY_LEADER_INSTRUCTION", "2026-09-10"),
                adoption("X", "U010", "r4", "REGION_LEADER_INSTRUCTION", "2026-08-01"),
                adoption("X", "U010", "r5", "STATE_COUNCIL_ADOPTED", "2026-10-01")};
        List<LedgerEntry> expected = score("X", facts);
        List<List<ItemFact>> orders = permutations(List.of(facts));

        assertThat(orders).hasSize(720);
        for (List<ItemFact> order : orders) {
            assertThat(ItemScoring.score(fold("X", order), Facts.SHIPPED)).isEqualTo(expected);
        }
        assertThat(expected).filteredOn(e -> e.source() == PointSource.ADOPTION)
                .extracting(LedgerEntry::points).containsExactly(20, 10, 0, 0, 70);
        assertThat(total(expected)).isEqualTo(1 + 100);
    }

    @Test
    void recordsOfTheSameDateAreTakenInRecordIdOrderAndStillOnlyTheHighestCounts() {
        List<LedgerEntry> entries = score("X", received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "b", "CITY_BULLETIN_ADOPTED", "2026-07-20"),
                adoption("X", "U010", "a", "REGION_DAILY_BRIEF_ADOPTED", "2026-07-20"));

        assertThat(entries).filteredOn(e -> e.source() == PointSource.ADOPTION)
                .extracting(LedgerEntry::entryId, LedgerEntry::points)
                .containsExactly(tuple("X:adoption:a", 30), tuple("X:adoption:b", 0));
    }

    @Test
    void instructionOnAMajorEmergencyItemIsKeptOnRecordButEarnsNothingAndSaysWhy() {
        List<LedgerEntry> entries = score("E", receivedEmergency("E", "U023", "DYNAMIC", "2026-07-01T09:00"),
                adoption("E", "U023", "r1", "REGION_LEADER_INSTRUCTION", "2026-07-05"));

        assertThat(entries).filteredOn(e -> e.source() == PointSource.ADOPTION).singleElement().satisfies(e -> {
            assertThat(e.points()).isZero();
            assertThat(e.explanation()).contains("重大紧急类").contains("批示不计分");
        });
        assertThat(total(entries)).isEqualTo(1);
    }

    @Test
    void adoptionOfAMajorEmergencyItemStillCountsAndIgnoresTheEarlierInstruction() {
        List<LedgerEntry> entries = score("E", receivedEmergency("E", "U023", "DYNAMIC", "2026-07-01T09:00"),
                adoption("E", "U023", "r1", "CENTRAL_LEADER_INSTRUCTION", "2026-07-05"),
                adoption("E", "U023", "r2", "CITY_BULLETIN_ADOPTED", "2026-07-09"));

        assertThat(entries).filteredOn(e -> e.source() == PointSource.ADOPTION)
                .extracting(LedgerEntry::points).containsExactly(0, 20);
        assertThat(entries.get(2).explanation()).isEqualTo("《标题E》被《鄂尔多斯政讯》采用 +20");
    }

    @Test
    void adoptionRecordedBeforeTheItemArrivedIsNotLost() {
        ItemFacts facts = fold("A", List.of(adoption("A", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20")));
        assertThat(ItemScoring.score(facts, Facts.SHIPPED)).isEmpty();
        assertThat(facts.unitId()).isEqualTo("U010");

        List<LedgerEntry> entries = ItemScoring.score(
                facts.with(received("A", "U011", "DYNAMIC", "2026-07-15T09:00")), Facts.SHIPPED);

        assertThat(total(entries)).isEqualTo(21);
        // the item's own unit wins over what the adoption record said
        assertThat(entries).extracting(LedgerEntry::unitId).containsOnly("U011");
    }

    @Test
    void withdrawnRecordCountsAsNeverRecordedEvenWhenTheWithdrawalArrivesFirst() {
        ItemFact.AdoptionState daily = adoption("X", "U010", "r2", "REGION_DAILY_BRIEF_ADOPTED", "2026-09-03");
        ItemFact.AdoptionWithdrawal undo = withdrawal("X", "r2", "2026-09-20T10:00");
        ItemFact.Received item = received("X", "U010", "DYNAMIC", "2026-07-01T09:00");
        ItemFact.AdoptionState city = adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20");

        assertThat(score("X", item, city, daily, undo)).isEqualTo(score("X", undo, daily, city, item));
        assertThat(score("X", item, city, daily, undo)).filteredOn(e -> e.source() == PointSource.ADOPTION)
                .extracting(LedgerEntry::points).containsExactly(20);
    }

    @Test
    void correctedRecordReplacesItsEarlierStateWhateverTheArrivalOrder() {
        ItemFact.Received item = received("X", "U010", "DYNAMIC", "2026-07-01T09:00");
        ItemFact.AdoptionState recorded = adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20");
        ItemFact.AdoptionState corrected = new ItemFact.AdoptionState(Facts.eventId(), "X", "r1", "U010",
                "REGION_DAILY_BRIEF_ADOPTED", "每日要情", "第3期", null, LocalDate.parse("2026-08-02"),
                recorded.changedAt().plusSeconds(86400));

        List<LedgerEntry> entries = score("X", item, corrected, recorded);

        assertThat(entries).isEqualTo(score("X", item, recorded, corrected));
        assertThat(entries).filteredOn(e -> e.source() == PointSource.ADOPTION).singleElement()
                .satisfies(e -> {
                    assertThat(e.points()).isEqualTo(30);
                    assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 8));
                });
    }

    @Test
    void voidAfterAdoptionTakesBackEveryPointAndSaysWhat() {
        List<LedgerEntry> entries = score("V", received("V", "U010", "PROBLEM", "2026-07-01T09:00"),
                forwarded("V", "U010", "2026-07-03T10:00"),
                adoption("V", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-20"),
                voided("V", "U010", "2026-08-05T10:00"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.points()).isZero();
            assertThat(e.source()).isEqualTo(PointSource.VOID);
            assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 7));
            assertThat(e.explanation()).isEqualTo("《标题V》已作废（原因：内容与事实不符），如同未被接收：收回其全部积分"
                    + "（报送 +5、转报市政府 +2、采用/批示 +20）共 27 分，且不计入报送条数");
        });
    }

    @Test
    void voidThatArrivesBeforeTheReceiptStillWins() {
        ItemFact.Voided v = voided("V", "U010", "2026-08-05T10:00");
        ItemFact.Received r = received("V", "U010", "PROBLEM", "2026-07-01T09:00");

        assertThat(score("V", v, r)).isEqualTo(score("V", r, v));
        assertThat(total(score("V", v, r))).isZero();
    }

    /** docs/rules.md worked example 3. */
    @Test
    void commissionedResearchReportDeliveredOnTimeAndAcceptedEarnsFifteen() {
        List<LedgerEntry> entries = score("C", received("C", "U010", "RESEARCH_REPORT", "2026-07-10T09:00"),
                judged("C", "U010", "K1", "2026-07-10T09:00", "2026-07-15T18:00", true, "2026-07-20T10:00"));

        assertThat(total(entries)).isEqualTo(15);
        assertThat(entries).extracting(LedgerEntry::source, LedgerEntry::points)
                .containsExactly(tuple(PointSource.SUBMISSION, 5), tuple(PointSource.COMMISSION, 10));
        assertThat(entries.get(1).explanation()).isEqualTo("《标题C》按时完成约稿并被信息室认可 +10");
    }

    @Test
    void commissionAnswerSubmittedExactlyAtTheDeadlineIsOnTimeAndCountsInTheMonthOfTheAnswer() {
        List<LedgerEntry> entries = score("C", received("C", "U010", "DYNAMIC", "2026-07-31T23:59"),
                judged("C", "U010", "K1", "2026-07-31T23:59", "2026-07-31T23:59", true, "2026-08-03T10:00"));

        assertThat(entries).filteredOn(e -> e.source() == PointSource.COMMISSION).singleElement()
                .satisfies(e -> {
                    assertThat(e.points()).isEqualTo(10);
                    assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 7));
                });
    }

    @Test
    void lateCommissionAnswerEarnsOnlyItsCategoryPoints() {
        List<LedgerEntry> entries = score("C", received("C", "U010", "RESEARCH_REPORT", "2026-07-16T09:00"),
                judged("C", "U010", "K1", "2026-07-16T09:00", "2026-07-15T18:00", true, "2026-07-20T10:00"));

        assertThat(total(entries)).isEqualTo(5);
        assertThat(entries.get(1).explanation())
                .isEqualTo("《标题C》作为约稿答复提交于 2026-07-16 09:00（北京时间），晚于截止时间 2026-07-15 18:00（北京时间），不计约稿分");
    }

    @Test
    void rejectedCommissionAnswerEarnsNoBonusUntilALaterJudgementAcceptsIt() {
        ItemFact.Received r = received("C", "U010", "DYNAMIC", "2026-07-10T09:00");
        ItemFact.CommissionJudgement rejected =
                judged("C", "U010", "K1", "2026-07-10T09:00", "2026-07-15T18:00", false, "2026-07-12T10:00");
        ItemFact.CommissionJudgement accepted =
                judged("C", "U010", "K1", "2026-07-10T09:00", "2026-07-15T18:00", true, "2026-07-18T10:00");

        assertThat(total(score("C", r, rejected))).isEqualTo(1);
        assertThat(score("C", r, rejected).get(1).explanation()).contains("未被信息室认可").contains("未达到约稿要求");
        assertThat(total(score("C", r, accepted, rejected))).isEqualTo(11);
        assertThat(total(score("C", r, rejected, accepted))).isEqualTo(11);
    }

    @Test
    void aRevisedAnswerWithdrawsTheBonusUntilTheRoomJudgesTheNewVersion() {
        ItemFact.CommissionAnswer first = answered("C", "U010", "K1", 1, "2026-07-10T09:00");
        ItemFact.CommissionJudgement acceptedFirst =
                judged("C", "U010", "K1", "2026-07-10T09:00", "2026-07-31T18:00", true, "2026-07-11T10:00");
        ItemFact.CommissionAnswer revised = answered("C", "U010", "K1", 2, "2026-08-02T09:00");
        ItemFact.Received receivedRevision = received("C", "U010", "RESEARCH_REPORT", "2026-08-02T09:00");

        List<LedgerEntry> beforeRevision = score("C", received("C", "U010", "RESEARCH_REPORT", "2026-07-10T09:00"),
                first, acceptedFirst);
        assertThat(total(beforeRevision)).isEqualTo(15);

        List<LedgerEntry> revisedNotJudged = score("C", receivedRevision, first, acceptedFirst, revised);
        assertThat(revisedNotJudged).extracting(LedgerEntry::points).containsExactly(5, 0);
        assertThat(revisedNotJudged.get(1).explanation()).isEqualTo(
                "《标题C》作为约稿答复已修改重报（第2版，2026-08-02 09:00（北京时间）报送），原审核结论不再适用，待信息室重新审核，暂不计约稿分");
        // whatever order the events arrive in
        assertThat(score("C", revised, acceptedFirst, receivedRevision, first)).isEqualTo(revisedNotJudged);

        // the room judges the revised version: it is late now, so accepted it still earns no bonus
        ItemFact.CommissionJudgement acceptedRevision =
                judged("C", "U010", "K1", "2026-08-02T09:00", "2026-07-31T18:00", true, "2026-08-03T10:00");
        assertThat(score("C", receivedRevision, first, acceptedFirst, revised, acceptedRevision))
                .extracting(LedgerEntry::points).containsExactly(5, 0);
    }

    @Test
    void aRevisedAnswerJudgedAgainOnTimeEarnsTheBonusInTheMonthOfTheRevision() {
        ItemFact.CommissionAnswer first = answered("C", "U010", "K1", 1, "2026-07-30T09:00");
        ItemFact.CommissionAnswer revised = answered("C", "U010", "K1", 2, "2026-08-01T09:00");
        ItemFact.CommissionJudgement rejectedFirst =
                judged("C", "U010", "K1", "2026-07-30T09:00", "2026-08-05T18:00", false, "2026-07-31T10:00");
        ItemFact.CommissionJudgement acceptedRevision =
                judged("C", "U010", "K1", "2026-08-01T09:00", "2026-08-05T18:00", true, "2026-08-02T10:00");

        List<LedgerEntry> entries = score("C", received("C", "U010", "DYNAMIC", "2026-08-01T09:00"), first, revised,
                rejectedFirst, acceptedRevision);

        assertThat(entries).extracting(LedgerEntry::points).containsExactly(1, 10);
        assertThat(entries.get(1).month()).isEqualTo(ReportingPeriod.month(2026, 8));
    }

    @Test
    void voidedCommissionAnswerLosesItsBonusWhateverTheOrder() {
        ItemFact.Received r = received("C", "U010", "DYNAMIC", "2026-07-10T09:00");
        ItemFact.CommissionJudgement accepted =
                judged("C", "U010", "K1", "2026-07-10T09:00", "2026-07-15T18:00", true, "2026-07-18T10:00");
        ItemFact.CommissionAnswerVoid voidAnswer =
                new ItemFact.CommissionAnswerVoid(Facts.eventId(), "C", "K1", "答非所问", Facts.bj("2026-07-20T10:00"));

        assertThat(score("C", r, accepted, voidAnswer)).isEqualTo(score("C", voidAnswer, r, accepted));
        assertThat(score("C", r, accepted, voidAnswer)).extracting(LedgerEntry::points).containsExactly(1, 0);
        assertThat(score("C", r, accepted, voidAnswer).get(1).explanation())
                .isEqualTo("《标题C》作为约稿答复已被信息室作废（原因：答非所问），不计约稿分");
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        ItemFact.Received r = received("D", "U010", "DYNAMIC", "2026-07-10T09:00");
        ItemFact.Forwarded f = forwarded("D", "U010", "2026-07-11T09:00");
        ItemFacts once = fold("D", List.of(r, f));

        assertThat(fold("D", List.of(r, f, f, r))).isEqualTo(once);
        assertThat(once.with(f)).isSameAs(once);
    }

    @Test
    void resubmittedItemCountsWhenTheReceivedRevisionWasSubmitted() {
        ItemFact.Received first = new ItemFact.Received("e-r1", "R", "U010", 1, "标题R", "DYNAMIC", false,
                Facts.bj("2026-06-28T09:00"), Facts.bj("2026-06-29T09:00"), null);
        ItemFact.Received revised = new ItemFact.Received("e-r2", "R", "U010", 2, "标题R（修改）", "PROBLEM", false,
                Facts.bj("2026-07-02T09:00"), Facts.bj("2026-07-03T09:00"), null);

        List<LedgerEntry> entries = score("R", revised, first);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 7));
            assertThat(e.points()).isEqualTo(5);
        });
    }

    @Test
    void unknownCategoryCountsForTheQuotaButEarnsNothingAndSaysWhy() {
        List<LedgerEntry> entries = score("U", received("U", "U010", "PODCAST", "2026-07-10T09:00"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(PointSource.SUBMISSION);
            assertThat(e.points()).isZero();
            assertThat(e.explanation()).contains("PODCAST").contains("不计报送积分");
        });
    }

    /** docs/rules.md worked example 4, first half. */
    @Test
    void itemSubmittedJustAfterMidnightOnTheFirstOfAugustInBeijingCountsInAugust() {
        List<LedgerEntry> entries = score("T", received("T", "U010", "DYNAMIC", "2026-08-01T00:30"));

        assertThat(Facts.bj("2026-08-01T00:30").toString()).isEqualTo("2026-07-31T16:30:00Z");
        assertThat(entries.get(0).month()).isEqualTo(ReportingPeriod.month(2026, 8));
    }

    /** docs/rules.md worked example 4, second half. */
    @Test
    void itemSubmittedOnTheLastEveningOfSeptemberAndReceivedInOctoberCountsInSeptemberAndTheThirdQuarter() {
        ItemFact.Received r = new ItemFact.Received("e-q3", "T", "U010", 1, "标题T", "DYNAMIC", false,
                Facts.bj("2026-09-30T23:50"), Facts.bj("2026-10-08T09:00"), null);

        LedgerEntry e = score("T", r).get(0);

        assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 9));
        assertThat(ReportingPeriod.parse("2026-Q3").contains(e.month())).isTrue();
        assertThat(ReportingPeriod.parse("2026-Q4").contains(e.month())).isFalse();
    }

    @Test
    void newYearInBeijingStartsEightHoursBeforeUtc() {
        assertThat(score("Y1", received("Y1", "U010", "DYNAMIC", "2026-12-31T23:59")).get(0).month())
                .isEqualTo(ReportingPeriod.month(2026, 12));
        assertThat(score("Y2", received("Y2", "U010", "DYNAMIC", "2027-01-01T00:00")).get(0).month())
                .isEqualTo(ReportingPeriod.month(2027, 1));
        assertThat(ReportingPeriod.monthOf(Facts.bj("2027-01-01T00:00")).withEnclosing().stream().map(ReportingPeriod::toString))
                .containsExactly("2027-01", "2027-Q1", "2027");
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> p : permutations(rest)) {
                List<T> l = new ArrayList<>();
                l.add(head);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void nothingScoresBeforeTheFirstVersion() {
        // the first version takes effect on 2022-07-06: an item received on 5 July earns nothing and fills no quota;
        // its adoption after that date is scored by the version then in force
        List<LedgerEntry> entries = score("early", received("early", "U013", "PROBLEM", "2022-07-05T10:00"),
                forwarded("early", "U013", "2022-07-05T11:00"),
                adoption("early", "U013", "r1", "CITY_BULLETIN_ADOPTED", "2022-07-10"));

        assertThat(entries).extracting(LedgerEntry::rule, LedgerEntry::points, LedgerEntry::month)
                .containsExactly(tuple("adoption:CITY_BULLETIN_ADOPTED", 20, ReportingPeriod.month(2022, 7)));
        assertThat(score("void-early", received("void-early", "U013", "DYNAMIC", "2022-07-05T10:00"),
                voided("void-early", "U013", "2022-07-05T12:00"))).isEmpty();
    }

    @Test
    void aMonthThatBeganBeforeTheFirstVersionHasNoQuotaAndNoDeduction() {
        Unit unit = new Unit("U013", "财政局", 2, true, null);

        UnitPeriodScore july2022 = PeriodScoring.unitScore("U013", unit, ReportingPeriod.month(2022, 7), List.of(),
                Facts.SHIPPED, LocalDate.of(2026, 1, 1));
        UnitPeriodScore august2022 = PeriodScoring.unitScore("U013", unit, ReportingPeriod.month(2022, 8), List.of(),
                Facts.SHIPPED, LocalDate.of(2026, 1, 1));

        assertThat(july2022.quota()).isZero();
        assertThat(july2022.deductionPoints()).isZero();
        assertThat(august2022.quota()).isEqualTo(8);
        assertThat(august2022.deductionPoints()).isEqualTo(-3);
    }
}
