package cn.gov.eqq.govinfo.intake.item.application;

import java.util.List;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PastRecordParserTest {

    private static final Set<String> UNITS = Set.of("U006", "U019", "U050");
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    private static final String HEADER = "unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,"
            + "major_emergency,topics,void_reason,body\n";

    @Test
    void goodRowsAreReadWithBeijingTimes() {
        var result = PastRecordParser.parse(HEADER
                + "U006,\"我旗召开推进会，部署工作\",DYNAMIC,2025-08-01 00:30,RECEIVED,2025-08-02 09:00,2025-08-03,是,"
                + "深化改革;LIVELIHOOD,,\n"
                + "U019,草原保护补助发放,动态类,2025-04-01,作废,,,否,,与U006信息重复,\n", UNITS, NOW);

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
                + "U006,未来的信息,BRIEF,2027-01-01,RECEIVED,,,也许,乡村振兴;外星,,\n", UNITS, NOW);

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
        assertThat(result.errors().get(0).message()).isEqualTo("第3行「单位编号」：单位编号 U999 不在单位目录中");
        assertThat(result.errors().get(4).message()).isEqualTo("第5行「作废理由」：作废的信息必须填写作废理由");
    }

    @Test
    void sameRecordTwiceInOneFileIsReported() {
        var result = PastRecordParser.parse(HEADER
                + "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n"
                + "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n", UNITS, NOW);
        assertThat(result.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("与第 2 行是同一条信息"));
    }

    @Test
    void sameRecordAlwaysGetsTheSameId() {
        String row = "U006,同一条,BRIEF,2025-03-05 10:00,RECEIVED,,,,,,\n";
        var a = PastRecordParser.parse(HEADER + row, UNITS, NOW).records().get(0);
        var b = PastRecordParser.parse(HEADER + "U050,别的,BRIEF,2025-03-01,RECEIVED,,,,,,\n" + row, UNITS, NOW)
                .records().get(1);
        assertThat(a.itemId()).isEqualTo(b.itemId()).startsWith("IMP-");
    }

    @Test
    void missingColumnsAreNamed() {
        var result = PastRecordParser.parse("unit_id,title\nU006,x\n", UNITS, NOW);
        assertThat(result.errors()).extracting(PastRecordParser.CellError::column)
                .containsExactly("category", "submitted_at", "outcome");
    }

    @Test
    void csvSavedByChineseExcelAsGb18030IsRead() {
        byte[] gbk = (HEADER + "U006,政务信息,BRIEF,2025-03-05,RECEIVED,,,,,,\n").getBytes(Charset.forName("GB18030"));
        String text = HistoryImport.decode(gbk);
        assertThat(PastRecordParser.parse(text, UNITS, NOW).records()).singleElement()
                .extracting(PastRecordParser.PastRecord::title).isEqualTo("政务信息");
    }

    @Test
    void templateParsesCleanly() {
        assertThat(PastRecordParser.parse(PastRecordParser.TEMPLATE, Set.of("U006", "U019"), NOW).errors()).isEmpty();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedOnTheLineItStartsNotThrown() {
        var result = PastRecordParser.parse(HEADER
                + "U006,\"标题未闭合,动态类,2025-04-01,采用,,,否,,,\n", UNITS, NOW);
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
}
