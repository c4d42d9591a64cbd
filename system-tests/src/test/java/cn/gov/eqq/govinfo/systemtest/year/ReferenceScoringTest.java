package cn.gov.eqq.govinfo.systemtest.year;

import cn.gov.eqq.govinfo.systemtest.year.ReferenceScoring.Figures;
import cn.gov.eqq.govinfo.systemtest.year.ReferenceScoring.Row;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Adoption;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Answer;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.Commission;
import cn.gov.eqq.govinfo.systemtest.year.YearOfRecords.PastItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference calculation against the worked examples and rules of the domain page, before it judges the system. */
class ReferenceScoringTest {

    private final YearOfRecords year = new YearOfRecords();
    /**
     * U006 in group 2 all year; U007 in group 2 until it leaves in September; U041 in group 3 until June, group 2 from
     * July; U053 joins group 3 in October.
     */
    private final ReferenceScoring.Membership membership = (unit, month) -> switch (unit) {
        case "U006" -> 2;
        case "U007" -> month.isBefore(YearMonth.of(2025, 9)) ? 2 : null;
        case "U041" -> month.isBefore(YearMonth.of(2025, 7)) ? 3 : 2;
        case "U053" -> month.isBefore(YearMonth.of(2025, 10)) ? null : 3;
        default -> null;
    };

    private PastItem item(String unit, String category, LocalDateTime submitted, LocalDateTime forwarded) {
        PastItem item = new PastItem(unit, unit + "-" + year.items.size(), category, submitted, false, forwarded, false);
        year.items.add(item);
        return item;
    }

    private ReferenceScoring reference() {
        return new ReferenceScoring(List.of("U006", "U007", "U041", "U053"), membership, year);
    }

    @Test
    void aGroupTwoUnitInJulyWithSixDynamicItemsOneProblemItemAndOneForwardEarnsThirteenAndIsOneItemShort() {
        for (int i = 0; i < 6; i++) {
            item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 3 + i, 10, 0),
                    i == 0 ? LocalDateTime.of(2025, 7, 10, 10, 0) : null);
        }
        item("U006", "PROBLEM", LocalDateTime.of(2025, 7, 20, 10, 0), null);

        Figures july = reference().unitScore("U006", "2025-07");

        assertThat(july.submission() + july.forward()).isEqualTo(13);
        assertThat(july.received()).isEqualTo(7);
        assertThat(july.deduction()).as("the county's tier for one item short").isEqualTo(-1);
    }

    @Test
    void aHigherAdoptionAddsOnlyTheDifferenceInItsOwnMonthAndALowerRecordAddsNothing() {
        PastItem x = item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 1, 10, 0), null);
        year.adoptions.add(YearOfRecords.record(x, "CITY_BULLETIN_ADOPTED", LocalDate.of(2025, 7, 15), 1));
        year.adoptions.add(YearOfRecords.record(x, "REGION_DAILY_BRIEF_ADOPTED", LocalDate.of(2025, 9, 2), 2));
        year.adoptions.add(YearOfRecords.record(x, "CITY_LEADER_INSTRUCTION", LocalDate.of(2025, 9, 20), 3));

        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U006", "2025-07").adoption()).isEqualTo(20);
        assertThat(reference.unitScore("U006", "2025-09").adoption()).isEqualTo(10);
        assertThat(reference.unitScore("U006", "2025").adoption()).isEqualTo(30);
    }

    @Test
    void aWithdrawnRecordIsAsIfNeverRecorded() {
        PastItem x = item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 1, 10, 0), null);
        year.adoptions.add(YearOfRecords.record(x, "CITY_BULLETIN_ADOPTED", LocalDate.of(2025, 7, 15), 1));
        Adoption higher = YearOfRecords.record(x, "STATE_COUNCIL_ADOPTED", LocalDate.of(2025, 8, 15), 2);
        higher.withdrawn = true;
        year.adoptions.add(higher);

        assertThat(reference().unitScore("U006", "2025").adoption()).isEqualTo(20);
    }

    @Test
    void anInstructionOnAMajorEmergencyItemEarnsNothingOnceTheRoomSetsTheFlag() {
        PastItem x = item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 1, 10, 0), null);
        year.adoptions.add(YearOfRecords.record(x, "REGION_LEADER_INSTRUCTION", LocalDate.of(2025, 7, 15), 1));
        x.correctedMajorEmergency = true;

        assertThat(reference().unitScore("U006", "2025-07").adoption()).isZero();
    }

    @Test
    void aCommissionedResearchReportAcceptedInTheDeadlinesMinuteEarnsFifteenAndOneAMinuteLaterFive() {
        LocalDateTime deadline = LocalDateTime.of(2025, 3, 20, 17, 0);
        PastItem onTime = item("U006", "RESEARCH_REPORT", deadline, null);
        PastItem late = item("U007", "RESEARCH_REPORT", deadline.plusMinutes(1), null);
        year.commissions.add(new Commission("C", "约稿", List.of("U006", "U007"), deadline.minusDays(10), deadline,
                List.of(new Answer("U006", onTime, onTime.submittedAt, true, null),
                        new Answer("U007", late, late.submittedAt, true, null))));

        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U006", "2025-03").points() - reference.unitScore("U006", "2025-03").deduction())
                .isEqualTo(15);
        assertThat(reference.unitScore("U007", "2025-03").commission()).isZero();
    }

    @Test
    void aVoidedItemTakesAwayItsForwardAdoptionCommissionAndPlaceInTheQuota() {
        PastItem x = item("U006", "PROBLEM", LocalDateTime.of(2025, 5, 5, 10, 0), LocalDateTime.of(2025, 5, 6, 10, 0));
        year.adoptions.add(YearOfRecords.record(x, "CITY_BULLETIN_ADOPTED", LocalDate.of(2025, 5, 15), 1));
        LocalDateTime deadline = LocalDateTime.of(2025, 5, 20, 17, 0);
        year.commissions.add(new Commission("C", "约稿", List.of("U006"), deadline.minusDays(19), deadline,
                List.of(new Answer("U006", x, x.submittedAt, true, null))));
        x.voidedLater = true;

        assertThat(reference().unitScore("U006", "2025-05"))
                .isEqualTo(new Figures(0, 0, 0, 0, CountyRules.nothingReceived(2), 0, 8, 8));
    }

    @Test
    void nothingReceivedCostsTheTierThatCoversTheGroupsWholeQuota() {
        assertThat(CountyRules.nothingReceived(2)).isEqualTo(-4);
        assertThat(CountyRules.nothingReceived(3)).isEqualTo(-3);
        assertThat(reference().unitScore("U041", "2025-01").deduction()).isEqualTo(-3);
        assertThat(reference().unitScore("U041", "2025-07").deduction()).isEqualTo(-4);
    }

    @Test
    void aUnitThatMovesInJulyStandsInBothGroupsYearRankingsWithTheMonthsOfEach() {
        item("U041", "PROBLEM", LocalDateTime.of(2025, 6, 30, 23, 50), null);
        item("U041", "PROBLEM", LocalDateTime.of(2025, 7, 1, 0, 20), null);
        ReferenceScoring reference = reference();

        Row inGroup3 = reference.ranking(3, "2025").stream().filter(r -> r.unitId().equals("U041")).findFirst()
                .orElseThrow();
        Row inGroup2 = reference.ranking(2, "2025").stream().filter(r -> r.unitId().equals("U041")).findFirst()
                .orElseThrow();

        assertThat(inGroup3.figures()).isEqualTo(new Figures(5, 0, 0, 0, 5 * -3 + -2, 1, 6 * 4, 5 * 4 + 3));
        assertThat(inGroup2.figures()).isEqualTo(new Figures(5, 0, 0, 0, 5 * -4 + -4, 1, 6 * 8, 5 * 8 + 7));
        assertThat(reference.ranking(3, "2025-Q3")).extracting(Row::unitId).doesNotContain("U041");
    }

    @Test
    void aUnitThatJoinsInOctoberHasNoQuotaBeforeAndStandsOnlyInTheRankingsOfItsMonths() {
        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U053", "2025-Q3")).isEqualTo(Figures.NONE);
        assertThat(reference.unitScore("U053", "2025").deduction()).isEqualTo(3 * -3);
        assertThat(reference.ranking(3, "2025-Q2")).extracting(Row::unitId).containsExactly("U041");
        assertThat(reference.ranking(3, "2025-Q3")).isEmpty();
        assertThat(reference.ranking(3, "2025-Q4")).extracting(Row::unitId).containsExactly("U053");
    }

    @Test
    void equalPointsShareARankAndAreListedByUnitId() {
        item("U041", "PROBLEM", LocalDateTime.of(2025, 8, 3, 10, 0), null);

        List<Row> august = reference().ranking(2, "2025-08");

        assertThat(august).extracting(Row::unitId).containsExactly("U041", "U006", "U007");
        assertThat(august).extracting(Row::rank).containsExactly(1, 2, 2);
    }

    @Test
    void theGeneratedYearHoldsEveryCaseButWhatTheRoomDoesAfterTheImports() {
        YearOfRecords generated = YearOfRecords.generate(20251231L, (unit, month) -> switch (unit) {
            case "U001", "U002" -> 1;
            case "U006", "U007", "U008" -> 2;
            case "U041" -> month.isBefore(YearOfRecords.MOVES) ? 3 : 2;
            case "U053" -> month.isBefore(YearOfRecords.JOINS) ? null : 3;
            default -> 3;
        });

        assertThat(generated.rulesNotExercised()).containsExactlyInAnyOrder("an item voided later",
                "a category corrected", "an instruction on a 重大紧急 item", "a withdrawn record",
                "a returned item never received", "a returned item received after its revision",
                "a 综合采用 crediting every source", "a 综合采用 crediting its lead source only",
                "a judged answer revised and judged again", "a judged answer revised and not judged again");
    }

    @Test
    void aReturnedItemCountsNothingUntilItsRevisionIsReceivedAndThenWithTheRevisionsCategoryAndMonth() {
        PastItem never = item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 3, 10, 0), null);
        never.returnedWith = "请补充数据";
        never.neverReceived = true;
        PastItem revised = item("U006", "PROBLEM", LocalDateTime.of(2025, 8, 2, 9, 0), null);
        revised.returnedWith = "请按问题类重报";

        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U006", "2025-07").received()).isZero();
        assertThat(reference.unitScore("U006", "2025-07").submission()).isZero();
        assertThat(reference.unitScore("U006", "2025-08").submission()).isEqualTo(5);
        assertThat(reference.unitScore("U006", "2025-08").received()).isEqualTo(1);
    }

    @Test
    void aCombinedAdoptionCreditsEverySourceUntilJulyAndOnlyTheLeadSourceFromJuly() {
        PastItem[] may = {item("U006", "DYNAMIC", LocalDateTime.of(2025, 5, 2, 9, 0), null),
                item("U007", "DYNAMIC", LocalDateTime.of(2025, 5, 3, 9, 0), null)};
        PastItem[] september = {item("U006", "DYNAMIC", LocalDateTime.of(2025, 8, 2, 9, 0), null),
                item("U041", "DYNAMIC", LocalDateTime.of(2025, 8, 3, 9, 0), null)};
        for (int position = 0; position < 2; position++) {
            Adoption inMay = YearOfRecords.record(may[position], "REGION_DAILY_BRIEF_ADOPTED", LocalDate.of(2025, 5, 20), 1);
            inMay.combinedPosition = position;
            Adoption inSeptember = YearOfRecords.record(september[position], "CITY_BULLETIN_ADOPTED",
                    LocalDate.of(2025, 9, 25), 2);
            inSeptember.combinedPosition = position;
            year.adoptions.add(inMay);
            year.adoptions.add(inSeptember);
        }

        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U006", "2025-05").adoption()).isEqualTo(30);
        assertThat(reference.unitScore("U007", "2025-05").adoption()).isEqualTo(30);
        assertThat(reference.unitScore("U006", "2025-09").adoption()).as("the lead source").isEqualTo(20);
        assertThat(reference.unitScore("U041", "2025-09").adoption()).as("a further source").isZero();
    }

    @Test
    void aRevisedAnswerLosesItsBonusUntilTheRoomJudgesTheRevisionWhichCountsInTheRevisionsMonth() {
        LocalDateTime deadline = LocalDateTime.of(2025, 4, 20, 17, 0);
        PastItem notJudgedAgain = item("U006", "DYNAMIC", LocalDateTime.of(2025, 4, 2, 9, 0), null);
        PastItem judgedAgain = item("U007", "DYNAMIC", LocalDateTime.of(2025, 4, 3, 9, 0), null);
        year.commissions.add(new Commission("C", "约稿", List.of("U006", "U007"), deadline.minusDays(30), deadline,
                List.of(new Answer("U006", notJudgedAgain, LocalDateTime.of(2025, 3, 28, 9, 0), true, null,
                                notJudgedAgain.submittedAt, null),
                        new Answer("U007", judgedAgain, LocalDateTime.of(2025, 3, 28, 9, 0), true, null,
                                judgedAgain.submittedAt, true))));

        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U006", "2025-Q2").commission()).isZero();
        assertThat(reference.unitScore("U007", "2025-03").commission()).isZero();
        assertThat(reference.unitScore("U007", "2025-04").commission()).isEqualTo(10);
    }

    @Test
    void aUnitThatLeavesHasNoQuotaOrDeductionAfterwardsAndStandsOnlyInTheRankingsOfItsMonths() {
        ReferenceScoring reference = reference();

        assertThat(reference.unitScore("U007", "2025-Q4")).isEqualTo(Figures.NONE);
        assertThat(reference.unitScore("U007", "2025-Q3"))
                .isEqualTo(new Figures(0, 0, 0, 0, 2 * -4, 0, 2 * 8, 2 * 8));
        assertThat(reference.ranking(2, "2025-Q3")).extracting(Row::unitId).contains("U007");
        assertThat(reference.ranking(2, "2025-09")).extracting(Row::unitId).doesNotContain("U007");
    }

    @Test
    void theRunningMonthShowsItsQuotaAndShortfallButDeductsNothingAndAMonthNotBegunHasNoQuota() {
        item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 3, 10, 0), null);
        ReferenceScoring midJuly = new ReferenceScoring(List.of("U006"), membership, year, LocalDate.of(2025, 7, 15));

        assertThat(midJuly.unitScore("U006", "2025-07")).isEqualTo(new Figures(1, 0, 0, 0, 0, 1, 8, 7));
        assertThat(midJuly.unitScore("U006", "2025-08")).isEqualTo(Figures.NONE);
        assertThat(midJuly.unitScore("U006", "2025-Q3")).isEqualTo(new Figures(1, 0, 0, 0, 0, 1, 8, 7));
        assertThat(midJuly.unitScore("U006", "2025-06").deduction()).isEqualTo(CountyRules.nothingReceived(2));
    }

    @Test
    void aSurplusInOneMonthDoesNotMakeUpTheShortfallOfAnother() {
        for (int i = 0; i < 10; i++) {
            item("U006", "DYNAMIC", LocalDateTime.of(2025, 7, 1 + i, 10, 0), null);
        }
        item("U006", "DYNAMIC", LocalDateTime.of(2025, 8, 1, 10, 0), null);

        Figures q3 = reference().unitScore("U006", "2025-Q3");

        assertThat(q3.quota()).isEqualTo(3 * 8);
        assertThat(q3.received()).isEqualTo(11);
        assertThat(q3.shortfall()).as("July's two extra items count for nothing in August or September").isEqualTo(7 + 8);
        assertThat(q3.deduction()).isEqualTo(-4 + -4);
    }
}
