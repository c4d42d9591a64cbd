package cn.gov.eqq.govinfo.intake.item.application;

import java.util.List;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.time.YearMonth;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.input.CsvUploads;

import static org.assertj.core.api.Assertions.assertThat;

class PastRecordParserTest {

    private static final List<Unit> UNITS = List.of(Unit.memberSinceFirstMonth("U006", "旗发改委", 2),
            Unit.memberSinceFirstMonth("U019", "旗林草局", 2), Unit.memberSinceFirstMonth("U050", "旗统计局", 3));
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    private static final PastRecordParser.Check CHECK = PastRecordParser.Check.beforeCommit(UNITS, NOW, n -> {
    });
    private static final String HEADER = "unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,"
            + "major_emergency,topics,void_reason,body\n";

    @Test
    void goodRowsAreReadWithBeijingTimes() {
        var result = PastRecordParser.parse(HEADER
                + "U006,\"我旗召开推进会，部署工作\",DYNAMIC,2025-08-01 00:30,RECEIVED,2025-08-02 09:00,2025-08-03,是,"
                + "深化改革;LIVELIHOOD,,\n"
                + "U019,草原保护补助发放,动态类,2025-04-01,作废,,,否,,与U006信息重复,\n", CHECK);

        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).hasSize(2);
        var first = result.records().get(0);
        assertThat(first.title()).isEqualTo("我旗召开推进会，部署工作");
        assertThat(first.submittedAt()).as("Beijing 00:30 is still July 31 in UTC")
                .isEqualTo(Instant.parse("2025-07-31T16:30:00Z"));
        assertThat(first.forwardedAt()).isEqualTo(Instant.parse("2025-08-02T16:00:00Z"));
        assertThat(first.majorEmergency()).isTrue();
        assertThat(first.topics()).containsExactly(FocusTopic.DEEPENING_REFORM, FocusTopic.LIVELIHOOD);
        var second = result.records().get(1);
        assertThat(second.category()).isEqualTo(Category.DYNAMIC);
        assertThat(second.outcome()).isEqualTo(Item.PastOutcome.VOIDED);
        assertThat(second.decidedAt()).as("no decision time: the submission time").isEqualTo(second.submittedAt());
    }

    @Test
    void everyBadCellIsReportedByRowAndColumn() {
        var result = PastRecordParser.parse(HEADER
                + "U006,好的一行,BRIEF,2025-03-05,RECEIVED,,,,,,\n"
                + "U999,未知单位,BRIEF,2025-03-05,RECEIVED,,,,,,\n"
                + "U006,错误类别,GOSSIP,2025/03/05,RECEIVED,,,,,,\n"
                + "U019,作废无理由,BRIEF,2025-03-05,VOIDED,,2025-03-06,,,,\n"
                + "U006,未来的信息,BRIEF,2027-01-01,RECEIVED,,,也许,乡村振兴;外星,,\n", CHECK);

        assertThat(result.errors()).extracting(PastRecordParser.CellError::row, PastRecordParser.CellError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "unit_id"),
                        org.assertj.core.groups.Tuple.tuple(4, "category"),
                        org.assertj.core.groups.Tuple.tuple(4, "submitted_at"),
                        org.assertj.core.groups.Tuple.tuple(5, "forwarded_at"),
                        org.assertj.core.groups.Tuple.tuple(5, "void_reason"),
                        org.assertj.core.groups.Tuple.tuple(6, "submitted_at"),
                        org.assertj.core.groups.Tuple.tuple(6, "major_emergency"),
                        org.assertj.core.groups.Tuple.tuple(6, "topics"));
        assertThat(result.errors().get(0).message()).isEqualTo("第3行「单位」：「U999」不在单位目录中（请填写单位名称或编号，如 城川镇 或 U003）");
        assertThat(result.errors().get(4).message()).isEqualTo("第5行「作废理由」：作废的信息必须填写作废理由");
    }

    @Test
    void sameRecordTwiceInOneFileIsReported() {
        var result = PastRecordParser.parse(HEADER
                + "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n"
                + "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n", CHECK);
        assertThat(result.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("与第 2 行是同一条信息"));
    }

    @Test
    void sameRecordAlwaysGetsTheSameId() {
        String row = "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n";
        var a = PastRecordParser.parse(HEADER + row, CHECK).records().get(0);
        var b = PastRecordParser.parse(HEADER + "U050,别的,BRIEF,2025-03-01,RECEIVED,,,,,,\n" + row, CHECK)
                .records().get(1);
        assertThat(a.itemId()).isEqualTo(b.itemId()).startsWith("IMP-");
    }

    @Test
    void missingColumnsAreNamed() {
        var result = PastRecordParser.parse("unit_id,title\nU006,x\n", CHECK);
        assertThat(result.errors()).extracting(PastRecordParser.CellError::column)
                .containsExactly("category", "submitted_at", "outcome");
    }

    @Test
    void csvSavedByChineseExcelAsGb18030IsRead() {
        byte[] gbk = (HEADER + "U006,政务信息,BRIEF,2025-03-05,RECEIVED,,,,,,\n").getBytes(Charset.forName("GB18030"));
        String text = CsvUploads.decode(gbk);
        assertThat(PastRecordParser.parse(text, CHECK).records()).singleElement()
                .extracting(PastRecordParser.PastRecord::title).isEqualTo("政务信息");
    }

    @Test
    void templateParsesCleanly() {
        assertThat(PastRecordParser.parse(PastRecordParser.TEMPLATE, PastRecordParser.Check.beforeCommit(
                List.of(Unit.memberSinceFirstMonth("U006", "旗发改委", 2), Unit.memberSinceFirstMonth("U003", "城川镇", 1)),
                NOW, n -> {
                })).errors()).isEmpty();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedOnTheLineItStartsNotThrown() {
        var result = PastRecordParser.parse(HEADER
                + "U006,\"标题未闭合,动态类,2025-04-01,采用,,,否,,,\n", CHECK);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("引号没有闭合");
        });
    }

    @Test
    void quotedCellsKeepTheirCommasAndQuotes() {
        assertThat(PastRecordParser.Csv.parse("\uFEFFa,\"b, \"\"c\"\"\"\r\n\nd,e"))
                .containsExactly(List.of("a", "b, \"c\""), List.of(""), List.of("d", "e"));
    }

    @Test
    void aUnitNamedByItsNameIsTheUnitOfThatIdAndTheSameItem() {
        String file = "unit,title,category,submitted_at,outcome\n"
                + "旗林草局,草原保护,BRIEF,2025-03-05 10:00,RECEIVED\n";
        var byName = PastRecordParser.parse(file, CHECK);
        var byId = PastRecordParser.parse(HEADER + "U019,草原保护,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n", CHECK);

        assertThat(byName.errors()).isEmpty();
        assertThat(byName.records()).singleElement().satisfies(r -> {
            assertThat(r.unitId()).isEqualTo("U019");
            assertThat(r.itemId()).isEqualTo(byId.records().get(0).itemId());
        });
        assertThat(byName.units()).containsExactly(Map.entry("旗林草局", "U019"));
    }

    @Test
    void aNameTwoUnitsShareIsRefusedAskingForTheId() {
        var twins = PastRecordParser.Check.beforeCommit(List.of(Unit.memberSinceFirstMonth("U006", "综合办", 2),
                Unit.memberSinceFirstMonth("U007", "综合办", 2)), NOW, n -> {
        });
        var result = PastRecordParser.parse("unit,title,category,submitted_at,outcome\n"
                + "综合办,同名单位,BRIEF,2025-03-05,RECEIVED\n", twins);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("unit");
            assertThat(e.message()).isEqualTo("第2行「单位」：有 2 个单位名为「综合办」（U006、U007），请填写单位编号");
        });
    }

    @Test
    void aRowOfAMonthInWhichTheUnitWasNoMemberIsAnErrorNamingTheUnitAndTheMonth() {
        Unit joinedInOctober = Unit.joining("U053", "新设单位", 2, YearMonth.of(2025, 10));
        Unit leftInJuly = Unit.memberSinceFirstMonth("U040", "撤并单位", 1).leaving(YearMonth.of(2025, 7));
        var check = PastRecordParser.Check.beforeCommit(List.of(joinedInOctober, leftInJuly), NOW, n -> {
        });
        var result = PastRecordParser.parse("unit,title,category,submitted_at,outcome\n"
                + "新设单位,加入前的信息,BRIEF,2025-09-30 23:00,RECEIVED\n"
                + "新设单位,加入当月的信息,BRIEF,2025-10-01 08:00,RECEIVED\n"
                + "U040,退出前的信息,BRIEF,2025-06-30 10:00,RECEIVED\n"
                + "U040,退出后的信息,BRIEF,2025-07-01 00:10,RECEIVED\n"
                + "U040,开始前的信息,BRIEF,2022-06-30 10:00,RECEIVED\n", check);

        assertThat(result.errors()).extracting(PastRecordParser.CellError::message).containsExactly(
                "第2行「单位」：单位「新设单位」（U053）2025年9月不是任何分组的成员（成员期间：2025年10月起），不能导入该月报送的信息",
                "第5行「单位」：单位「撤并单位」（U040）2025年7月不是任何分组的成员（成员期间：2022年7月至2025年6月），不能导入该月报送的信息",
                "第6行「单位」：单位「撤并单位」（U040）2022年6月不是任何分组的成员（成员期间：2022年7月至2025年6月），不能导入该月报送的信息");
        assertThat(result.records()).extracting(PastRecordParser.PastRecord::row).containsExactly(3, 4);
    }

    @Test
    void aCommittedFileIsReadWithTheUnitsAsAtItsCommitAndNotCheckedAgainstMembership() {
        String file = "unit,title,category,submitted_at,outcome\n旗林草局,草原保护,BRIEF,2025-03-05 10:00,RECEIVED\n";
        // since the commit the unit was renamed and its membership rewritten to begin later
        Unit renamed = Unit.joining("U019", "旗林业和草原局", 2, YearMonth.of(2025, 6));
        var result = PastRecordParser.parse(file, PastRecordParser.Check.committed(List.of(renamed),
                Map.of("旗林草局", "U019"), NOW));
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).singleElement().extracting(PastRecordParser.PastRecord::unitId)
                .isEqualTo("U019");
    }

    @Test
    void theRowsCheckedAreToldAsTheCheckGoesOn() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 1200; i++) {
            file.append("U006,第").append(i).append("条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n");
        }
        List<Integer> told = new ArrayList<>();
        PastRecordParser.parse(file.toString(), PastRecordParser.Check.beforeCommit(UNITS, NOW, told::add));
        assertThat(told).containsExactly(500, 1000, 1200);
    }
}
