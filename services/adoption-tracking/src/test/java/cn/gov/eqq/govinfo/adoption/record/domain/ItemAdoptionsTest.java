package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.NOW;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.ROOM;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemAdoptionsTest {

    @Test
    void recordSaysWhoEnteredItAndWhen() {
        ItemAdoptions item = Fixtures.receivedItem("I-1");

        RecordChange change = item.record("r1", Fixtures.cityBulletin(LocalDate.of(2026, 7, 15), "2026年第15期"),
                ROOM, NOW, TODAY);

        assertThat(change.type()).isEqualTo(ChangeType.RECORDED);
        assertThat(change.record().enteredBy()).isEqualTo(ROOM);
        assertThat(change.record().enteredAt()).isEqualTo(NOW);
        assertThat(change.record().content().publication()).isEqualTo("鄂尔多斯政讯");
    }

    @Test
    void itemNotYetReceivedCannotBeCredited() {
        ItemAdoptions item = ItemAdoptions.firstHeardOf("I-2");
        item.updateFacts(item.facts().submitted("U006", "标题"));

        assertThatThrownBy(() -> item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "1"), ROOM, NOW,
                TODAY)).isInstanceOf(AdoptionRuleViolation.class).hasMessageContaining("尚未被信息室接收");
    }

    @Test
    void voidedItemCannotBeCredited() {
        ItemAdoptions item = Fixtures.receivedItem("I-3");
        item.updateFacts(item.facts().voidedNow(null));

        assertThatThrownBy(() -> item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "1"), ROOM, NOW,
                TODAY)).isInstanceOf(AdoptionRuleViolation.class)
                .extracting(e -> ((AdoptionRuleViolation) e).code()).isEqualTo("item.voided");
    }

    @Test
    void publicationAdoptionNeedsItsIssueNumber() {
        ItemAdoptions item = Fixtures.receivedItem("I");

        assertThatThrownBy(() -> item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), " "), ROOM, NOW,
                TODAY)).hasMessage("刊物采用须填写期号");
    }

    @Test
    void stateCouncilAdoptionNeedsThePublicationNamed() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        RecordContent noPublication = new RecordContent(AdoptionKind.STATE_COUNCIL_ADOPTED, null, "第3期",
                LocalDate.of(2026, 7, 1), null, null, null);

        assertThatThrownBy(() -> item.record("r", noPublication, ROOM, NOW, TODAY)).hasMessage("刊物采用须填写刊物名称");
    }

    @Test
    void instructionNeedsLeaderAndText() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        RecordContent noLeader = new RecordContent(AdoptionKind.CITY_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 7, 1), null, "请推广", null);
        RecordContent noText = new RecordContent(AdoptionKind.CITY_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 7, 1), "王副市长", "", null);

        assertThatThrownBy(() -> item.record("r", noLeader, ROOM, NOW, TODAY)).hasMessage("领导批示须填写批示领导");
        assertThatThrownBy(() -> item.record("r", noText, ROOM, NOW, TODAY)).hasMessage("领导批示须填写批示内容");
    }

    @Test
    void recordCannotBeDatedAfterToday() {
        ItemAdoptions item = Fixtures.receivedItem("I");

        assertThatThrownBy(() -> item.record("r", Fixtures.cityBulletin(TODAY.plusDays(1), "1"), ROOM, NOW, TODAY))
                .extracting(e -> ((AdoptionRuleViolation) e).code()).isEqualTo("record.date-in-future");
    }

    @Test
    void sameAdoptionTwiceIsRefusedAsDoubleEntry() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("r1", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);

        assertThatThrownBy(() -> item.record("r2", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM,
                NOW, TODAY)).extracting(e -> ((AdoptionRuleViolation) e).code()).isEqualTo("record.duplicate");
    }

    @Test
    void correctionKeepsEveryVersionWithItsReason() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);

        RecordChange change = item.correct("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第11期"),
                "期号录错", "editor-2", NOW.plusSeconds(3600), TODAY);

        AdoptionRecord record = change.record();
        assertThat(change.type()).isEqualTo(ChangeType.CORRECTED);
        assertThat(record.versions()).extracting(RecordVersion::number, RecordVersion::change, RecordVersion::reason,
                        RecordVersion::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, ChangeType.RECORDED, null, ROOM),
                        org.assertj.core.groups.Tuple.tuple(2, ChangeType.CORRECTED, "期号录错", "editor-2"));
        assertThat(record.versions().get(0).content().issueNo()).isEqualTo("第1期");
        assertThat(record.content().issueNo()).isEqualTo("第11期");
        assertThat(record.enteredBy()).isEqualTo(ROOM);
    }

    @Test
    void correctionNeedsAReasonAndAChange() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);

        assertThatThrownBy(() -> item.correct("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第2期"), " ",
                ROOM, NOW, TODAY)).hasMessage("更正须填写原因");
        assertThatThrownBy(() -> item.correct("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), "原因",
                ROOM, NOW, TODAY)).hasMessage("更正内容与当前记录相同");
        assertThat(item.find("r").orElseThrow().versions()).hasSize(1);
    }

    @Test
    void withdrawalNeedsAReasonAndIsFinal() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);

        assertThatThrownBy(() -> item.withdraw("r", "", ROOM, NOW)).hasMessage("撤销须填写原因");
        RecordChange change = item.withdraw("r", "刊物实际未采用", ROOM, NOW.plusSeconds(5));

        assertThat(change.type()).isEqualTo(ChangeType.WITHDRAWN);
        assertThat(change.record().withdrawn()).isTrue();
        assertThat(change.record().versions()).hasSize(2);
        assertThatThrownBy(() -> item.withdraw("r", "再撤一次", ROOM, NOW)).hasMessage("该记录已撤销，不能再修改");
        assertThatThrownBy(() -> item.correct("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第2期"), "改",
                ROOM, NOW, TODAY)).hasMessage("该记录已撤销，不能再修改");
    }

    @Test
    void withdrawnAdoptionCanBeRecordedAgainCorrectly() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);
        item.withdraw("r", "录错信息", ROOM, NOW);

        item.record("r2", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期"), ROOM, NOW, TODAY);

        assertThat(item.records()).hasSize(2);
    }

    @Test
    void unknownRecordIsReportedAsNotFound() {
        ItemAdoptions item = Fixtures.receivedItem("I");

        assertThatThrownBy(() -> item.withdraw("nope", "原因", ROOM, NOW)).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void followUpIsOverdueAfterItsDueDateUntilTheUnitReports() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        FollowUpRequest ask = new FollowUpRequest("报送推广经验做法", LocalDate.of(2026, 11, 20));
        item.record("i", Fixtures.instruction(AdoptionKind.CITY_LEADER_INSTRUCTION, LocalDate.of(2026, 11, 1), ask),
                ROOM, NOW, TODAY);
        AdoptionRecord record = item.find("i").orElseThrow();

        assertThat(record.followUpOverdue(LocalDate.of(2026, 11, 20))).isFalse();
        assertThat(record.followUpOverdue(LocalDate.of(2026, 11, 21))).isTrue();
        assertThat(item.earliestOpenFollowUpDue()).contains(LocalDate.of(2026, 11, 20));

        AdoptionRecord done = item.reportFollowUp("i", "U006",
                new FollowUpReport("已形成经验材料报市政府办", LocalDate.of(2026, 11, 25), "reporter-1", NOW), TODAY);

        assertThat(done.followUpOverdue(TODAY)).isFalse();
        assertThat(done.latestFollowUpReport()).hasValueSatisfying(r ->
                assertThat(r.doneOn()).isEqualTo(LocalDate.of(2026, 11, 25)));
        assertThat(item.earliestOpenFollowUpDue()).isEmpty();
    }

    @Test
    void onlyTheItemsUnitReportsOnAFollowUp() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("i", Fixtures.instruction(AdoptionKind.CITY_LEADER_INSTRUCTION, LocalDate.of(2026, 11, 1),
                new FollowUpRequest("落实", LocalDate.of(2026, 11, 30))), ROOM, NOW, TODAY);

        assertThatThrownBy(() -> item.reportFollowUp("i", "U007",
                new FollowUpReport("做了", LocalDate.of(2026, 11, 2), "someone", NOW), TODAY))
                .hasMessage("只有信息的报送单位可以填写落实情况");
    }

    @Test
    void followUpBelongsToInstructionsOnly() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        RecordContent adoptionWithFollowUp = new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, "第1期",
                LocalDate.of(2026, 7, 1), null, null, new FollowUpRequest("x", LocalDate.of(2026, 8, 1)));

        assertThatThrownBy(() -> item.record("r", adoptionWithFollowUp, ROOM, NOW, TODAY))
                .hasMessage("只有领导批示可以要求落实反馈");
    }

    @Test
    void withdrawnInstructionIsNoLongerOverdue() {
        ItemAdoptions item = Fixtures.receivedItem("I");
        item.record("i", Fixtures.instruction(AdoptionKind.CITY_LEADER_INSTRUCTION, LocalDate.of(2026, 10, 1),
                new FollowUpRequest("落实", LocalDate.of(2026, 10, 30))), ROOM, NOW, TODAY);
        item.withdraw("i", "录错", ROOM, NOW);

        assertThat(item.find("i").orElseThrow().followUpOverdue(TODAY)).isFalse();
        assertThat(item.earliestOpenFollowUpDue()).isEmpty();
    }

    @Test
    void importedRowAlreadyOnFileAddsNothing() {
        ItemAdoptions item = new ItemAdoptions("I", Fixtures.receivedItem("I").facts(), List.of());
        RecordContent c = Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "第1期");

        assertThat(item.recordImported("IMP-1", "imp-1", "key-1", c, ROOM, NOW, TODAY)).isPresent();
        assertThat(item.recordImported("IMP-1", "imp-1", "key-1", c, ROOM, NOW, TODAY)).isEmpty();
        assertThat(item.records()).hasSize(1);
    }

    @Test
    void importedLineWaitsUntilTheItemIsReceivedAndIsRecordedOnce() {
        ItemAdoptions item = ItemAdoptions.firstHeardOf("I-7");
        WaitingImport line = new WaitingImport("IMP-1", 2, "imp-1", "key-1",
                Fixtures.cityBulletin(LocalDate.of(2026, 3, 1), "2026年第5期"), Fixtures.ROOM, Fixtures.NOW);

        assertThat(item.awaitImport(line)).isTrue();
        assertThat(item.awaitImport(line)).isFalse();
        assertThat(item.recordWaitingImports(Fixtures.TODAY)).isEmpty();
        item.updateFacts(new ItemFacts("U006", "标题", true, false, false, false));

        assertThat(item.recordWaitingImports(Fixtures.TODAY)).singleElement()
                .satisfies(c -> assertThat(c.record().recordId()).isEqualTo("imp-1"));
        assertThat(item.waitingImports()).isEmpty();
        assertThat(item.awaitImport(line)).isFalse();
    }

    @Test
    void aVoidedItemTakesNoWaitingImport() {
        ItemAdoptions item = new ItemAdoptions("I-8", new ItemFacts("U006", "标题", false, true, false, false),
                java.util.List.of());

        assertThatThrownBy(() -> item.awaitImport(new WaitingImport("IMP-1", 2, "imp-2", "key-2",
                Fixtures.cityBulletin(LocalDate.of(2026, 3, 1), "2026年第5期"), Fixtures.ROOM, Fixtures.NOW)))
                .hasMessage("信息 I-8 已作废，不能登记采用或批示");
    }
}
