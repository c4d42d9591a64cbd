package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String HEADER = String.join(",", ImportTemplate.COLUMNS) + "\n";

    private final InMemoryItemDirectory directory = new InMemoryItemDirectory()
            .unit("U006", "发改委").unit("U007", "教体局")
            .received("I-1", "U006", "我旗重点项目建设提速")
            .received("I-2", "U007", "校园食品安全专项整治")
            .received("I-3", "U007", "校园食品安全专项整治");

    @Test
    void goodFileIsPlannedWithItsRealDates() {
        String csv = HEADER
                + "I-1,,,CITY_BULLETIN_ADOPTED,,2026年第15期,2026-03-15,,,,\n"
                + ",发改委,我旗重点项目建设提速,市政府领导批示,,,2026/4/2,王副市长,\"请总结经验，推广\",报送经验,2026-04-30\n";

        ImportPlan plan = ImportingRecords.planOf(csv, directory, TODAY);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.acceptable()).isTrue();
        assertThat(plan.rows()).extracting(PlannedRow::line, PlannedRow::itemId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "I-1"), org.assertj.core.groups.Tuple.tuple(3, "I-1"));
        assertThat(plan.rows().get(0).content().publication()).isEqualTo("鄂尔多斯政讯");
        assertThat(plan.rows().get(0).content().effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(plan.rows().get(1).content().kind()).isEqualTo(AdoptionKind.CITY_LEADER_INSTRUCTION);
        assertThat(plan.rows().get(1).content().text()).isEqualTo("请总结经验，推广");
        assertThat(plan.rows().get(1).content().followUp().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void rowsByUnitAndTitleThatMatchNoItemAreReportedAndNothingIsPlanned() {
        String csv = HEADER
                + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n"
                + ",教体局,不存在的标题,CITY_BULLETIN_ADOPTED,,第3期,2026-03-17,,,,\n"
                + ",某某局,任意,CITY_BULLETIN_ADOPTED,,第4期,2026-03-17,,,,\n";

        ImportPlan plan = ImportingRecords.planOf(csv, directory, TODAY);

        assertThat(plan.acceptable()).isFalse();
        assertThat(plan.problems()).extracting(RowProblem::line, RowProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "import.no-matching-item"),
                org.assertj.core.groups.Tuple.tuple(4, "import.no-such-unit"));
        assertThat(plan.problems().get(0).message()).startsWith("第 3 行：").contains("item_id");
    }

    @Test
    void rowNamingAnItemNotYetReceivedByItsIdWaitsForItInsteadOfBeingRefused() {
        InMemoryItemDirectory withSubmitted = directory.put("I-5", new cn.gov.eqq.govinfo.adoption.record.domain
                .ItemFacts("U006", "已报送未接收", false, false, false, false));
        String csv = HEADER
                + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n"
                + "I-404,,,CITY_BULLETIN_ADOPTED,,第2期,2026-03-16,,,,\n"
                + "I-5,,,CITY_BULLETIN_ADOPTED,,第3期,2026-03-17,,,,\n";

        ImportPlan plan = ImportingRecords.planOf(csv, withSubmitted, TODAY);

        assertThat(plan.acceptable()).isTrue();
        assertThat(plan.rows()).extracting(PlannedRow::itemId, PlannedRow::waiting).containsExactly(
                org.assertj.core.groups.Tuple.tuple("I-1", false),
                org.assertj.core.groups.Tuple.tuple("I-404", true),
                org.assertj.core.groups.Tuple.tuple("I-5", true));
    }

    @Test
    void rowNamingAVoidedItemIsRefused() {
        InMemoryItemDirectory withVoided = directory.put("I-9", new cn.gov.eqq.govinfo.adoption.record.domain
                .ItemFacts("U006", "已作废", true, true, false, false));

        ImportPlan plan = ImportingRecords.planOf(HEADER + "I-9,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n",
                withVoided, TODAY);

        assertThat(plan.acceptable()).isFalse();
        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("item.voided");
            assertThat(p.message()).isEqualTo("第 2 行：信息 I-9 已作废，不能登记采用或批示");
        });
    }

    @Test
    void titleSharedByTwoItemsOfTheUnitIsAmbiguous() {
        String csv = HEADER + ",U007,校园食品安全专项整治,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n";

        ImportPlan plan = ImportingRecords.planOf(csv, directory, TODAY);

        assertThat(plan.problems()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("import.ambiguous-item"));
    }

    @Test
    void badKindDateAndMissingFieldsAreReportedPerLine() {
        String csv = HEADER
                + "I-1,,,被某报采用,,第1期,2026-03-15,,,,\n"
                + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,15.3.2026,,,,\n"
                + "I-1,,,CITY_LEADER_INSTRUCTION,,,2026-03-15,,请推广,,\n"
                + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2027-01-01,,,,\n";

        ImportPlan plan = ImportingRecords.planOf(csv, directory, TODAY);

        assertThat(plan.problems()).extracting(RowProblem::code).containsExactly(
                "import.unknown-kind", "import.bad-date", "record.leader-required", "record.date-in-future");
    }

    @Test
    void sameFileGivesTheSameFingerprintWhateverTheOrderOfLines() {
        String a = HEADER + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n"
                + "I-2,,,REGION_DAILY_BRIEF_ADOPTED,,第9期,2026-05-01,,,,\n";
        String b = HEADER + "I-2,,,REGION_DAILY_BRIEF_ADOPTED,,第9期,2026-05-01,,,,\r\n"
                + "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\r\n";

        ImportPlan first = ImportingRecords.planOf(a, directory, TODAY);
        ImportPlan second = ImportingRecords.planOf(b, directory, TODAY);

        assertThat(first.batchFingerprint()).isEqualTo(second.batchFingerprint());
        assertThat(first.rows().get(0).recordId()).isEqualTo(second.rows().get(1).recordId());
    }

    @Test
    void lineRepeatedInTheFileCountsOnce() {
        String line = "I-1,,,CITY_BULLETIN_ADOPTED,,第1期,2026-03-15,,,,\n";

        ImportPlan plan = ImportingRecords.planOf(HEADER + line + line, directory, TODAY);

        assertThat(plan.rows()).hasSize(1);
        assertThat(plan.duplicateLinesInFile()).isEqualTo(1);
    }

    @Test
    void excelByteOrderMarkAndColumnOrderDoNotMatter() {
        String csv = "\uFEFFdate,kind,item_id,issue_no\n2026-03-15,市政府办公室《鄂尔多斯政讯》采用,I-1,第1期\n";

        ImportPlan plan = ImportingRecords.planOf(csv, directory, TODAY);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).singleElement()
                .satisfies(r -> assertThat(r.content().kind()).isEqualTo(AdoptionKind.CITY_BULLETIN_ADOPTED));
    }

    @Test
    void headerWithoutAWayToFindTheItemIsRefused() {
        ImportPlan plan = ImportingRecords.planOf("kind,date\nCITY_BULLETIN_ADOPTED,2026-03-15\n", directory, TODAY);

        assertThat(plan.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void unclosedQuoteIsReportedNotThrown() {
        ImportPlan plan = ImportingRecords.planOf(HEADER + "I-1,,\"oops,CITY_BULLETIN_ADOPTED\n", directory, TODAY);

        assertThat(plan.acceptable()).isFalse();
        assertThat(plan.problems()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("import.unreadable"));
    }

    @Test
    void shippedExampleIsItselfAReadableTemplate() {
        InMemoryItemDirectory withExampleItems = new InMemoryItemDirectory().unit("U006", "发改委")
                .received("I-2026-0001", "U007", "x").received("I-9", "U006", "我旗重点项目建设提速");

        ImportPlan plan = ImportingRecords.planOf(ImportTemplate.EXAMPLE, withExampleItems, TODAY);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).hasSize(2);
    }
}
