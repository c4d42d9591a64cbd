package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Opens the rendered documents with POI and compares them cell by cell with the ranking snapshots. */
class CircularDocumentsReadBackTest {

    private final Circular published = Circular.draft("c1", CircularKind.QUARTERLY, CircularFixtures.Q3,
                    CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room", NOW)
            .openReview(NOW.plus(Duration.ofDays(1)), NOW)
            .publish("鄂前政办信〔2026〕7号", "room", NOW.plus(Duration.ofDays(2)));

    private static List<String> expectedCells(RankingLine r) {
        return List.of(Integer.toString(r.rank()), r.unitName(), Integer.toString(r.points()),
                Integer.toString(r.submissionPoints()), Integer.toString(r.forwardPoints()),
                Integer.toString(r.adoptionPoints()), Integer.toString(r.commissionPoints()),
                Integer.toString(r.deductionPoints()), Integer.toString(r.receivedItems()), Integer.toString(r.quota()),
                r.shortfall() > 0 ? "差" + r.shortfall() + "条" : "完成");
    }

    @Test
    void wordTablesMatchTheRankingsFigureByFigure() throws Exception {
        byte[] docx = new CircularDocxRenderer().render(published, NOW);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("鄂前政办信〔2026〕7号");
            assertThat(paragraphs.get(1)).isEqualTo("关于2026年第三季度全旗政务信息工作情况的通报");
            assertThat(paragraphs.get(2)).isEqualTo("各镇人民政府，上海庙经济开发区管委会，旗直各部门、各单位：");
            assertThat(paragraphs.get(3)).startsWith("　　根据《鄂托克前旗人民政府办公室关于印发政府系统政务信息工作制度的补充通知》"
                    + "（鄂前政办发〔2022〕65号）要求，现将2026年第三季度全旗政务信息报送情况通报如下。");
            assertThat(paragraphs).contains("（一）第二组", "（二）第三组",
                    "　　本期未报送信息的单位：工信和科技局、供销社。",
                    "　　本期未完成基础条数的单位：教体局（收录20条，差4条）。");

            List<XWPFTable> tables = doc.getTables();
            // group 2, group 3, commissions, annex
            assertThat(tables).hasSize(4);
            List<RankingSnapshot> snapshots = List.of(CircularFixtures.group2(), CircularFixtures.group3());
            for (int t = 0; t < 2; t++) {
                List<XWPFTableRow> rows = tables.get(t).getRows();
                assertThat(cells(rows.get(0))).containsExactly("名次", "单位", "总积分", "报送积分", "转报积分", "采用积分",
                        "约稿积分", "扣分", "收录条数", "基础条数", "完成情况");
                List<RankingLine> lines = snapshots.get(t).lines();
                assertThat(rows).hasSize(lines.size() + 1);
                for (int i = 0; i < lines.size(); i++) {
                    assertThat(cells(rows.get(i + 1))).as("table %d row %d", t, i).isEqualTo(expectedCells(lines.get(i)));
                }
            }
            assertThat(cells(tables.get(2).getRow(1))).containsExactly("关于乡村振兴典型经验的约稿", "2026年8月15日 18:00",
                    "发改委（1条）", "教体局、工信和科技局");
            List<XWPFTableRow> annex = tables.get(3).getRows();
            assertThat(annex).hasSize(5);
            assertThat(cells(annex.get(1))).containsExactly("1", "发改委推进重点项目建设", "发改委",
                    "《鄂尔多斯政讯》2026年第15期；《每日要情》第88期", "2026-07-10", "30");
            assertThat(annex.subList(1, 5)).extracting(r -> r.getCell(5).getText()).containsExactly("30", "10", "0", "20");
        }
    }

    @Test
    void theWorkbookIsAPlainZipThatAStreamingReaderOpensEntryByEntry() throws Exception {
        // Excel reads the central directory; java.util.zip.ZipInputStream and other streaming readers trust the local
        // headers, which a Zip64 data descriptor left them unable to size (seen in PortalRoomIT's download)
        byte[] xlsx = new CircularXlsxRenderer().render(published);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                zip.readAllBytes();
            }
        }
        assertThat(entries).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    @Test
    void excelSheetsMatchTheRankingsFigureByFigureAsNumbers() throws Exception {
        byte[] xlsx = new CircularXlsxRenderer().render(published);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(sheetNames(wb)).containsExactly("第二组排名", "第三组排名", "未报送及未完成", "约稿完成情况",
                    "附件-采用及批示信息", "统计");
            List<RankingSnapshot> snapshots = List.of(CircularFixtures.group2(), CircularFixtures.group3());
            for (int t = 0; t < 2; t++) {
                Sheet s = wb.getSheetAt(t);
                assertThat(s.getRow(0).getCell(0).getStringCellValue())
                        .isEqualTo("关于2026年第三季度全旗政务信息工作情况的通报");
                assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("鄂前政办信〔2026〕7号");
                List<RankingLine> lines = snapshots.get(t).lines();
                assertThat(s.getLastRowNum()).isEqualTo(CircularXlsxRenderer.HEADER_ROW + lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    Row row = s.getRow(CircularXlsxRenderer.HEADER_ROW + 1 + i);
                    RankingLine r = lines.get(i);
                    assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r.rank());
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.unitName());
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(r.points());
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(r.submissionPoints());
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(r.forwardPoints());
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(r.adoptionPoints());
                    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(r.commissionPoints());
                    assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(r.deductionPoints());
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(r.receivedItems());
                    assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(r.quota());
                }
            }
            Sheet annex = wb.getSheet("附件-采用及批示信息");
            double total = 0;
            for (int i = CircularXlsxRenderer.HEADER_ROW + 1; i <= annex.getLastRowNum(); i++) {
                total += annex.getRow(i).getCell(5).getNumericCellValue();
            }
            // equals the sum of the adoption column of the rankings (40 + 20)
            assertThat(total).isEqualTo(60);
            Sheet stat = wb.getSheet("统计");
            assertThat(stat.getLastRowNum()).isEqualTo(CircularXlsxRenderer.HEADER_ROW + 15);
            DataFormatter fmt = new DataFormatter();
            Row first = stat.getRow(CircularXlsxRenderer.HEADER_ROW + 1);
            assertThat(fmt.formatCellValue(first.getCell(0))).isEqualTo("2026-07");
            assertThat(fmt.formatCellValue(first.getCell(2))).isEqualTo("发改委");
        }
    }

    @Test
    void theStatisticsCountsAreInKeyOrderSoEveryReplicaWritesTheSameWorkbook() throws Exception {
        byte[] xlsx = new CircularXlsxRenderer().render(published);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet stat = wb.getSheet("统计");
            List<String> mixed = new ArrayList<>();
            for (int i = CircularXlsxRenderer.HEADER_ROW + 1; i <= stat.getLastRowNum(); i++) {
                String byCategory = stat.getRow(i).getCell(4).getStringCellValue();
                if (byCategory.contains(" ")) {
                    mixed.add(byCategory);
                }
            }
            assertThat(mixed).containsExactly("BRIEF:1 RESEARCH_REPORT:1");
        }
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        return java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
    }
}
