package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.CommissionLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.GroupTable;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.QuotaNote;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The circular as an Excel workbook: one sheet per group ranking (figures as numbers, so the office can sum and
 * sort), the named units, commissions, the annex, the per-unit monthly statistics and, for a correction, the
 * changes. The statistics are those stored with the circular, so a published workbook never changes; nor do its bytes (FixedTimePackage). Every sheet starts with the title (row 1), the document number (row 2) and the header (row 3).
 */
public final class CircularXlsxRenderer {

    public static final int HEADER_ROW = 2;

    public byte[] render(Circular c) {
        // Streaming workbook: rows beyond a small window go to a compressed temp file (/tmp, an emptyDir in the
        // chart) and strings are written inline instead of into one shared-strings table. The in-memory workbook
        // ran out of a 384 MB heap on the annual evaluation of 3,000 units (docs/performance.md).
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false);
        // plain (not Zip64) data descriptors: streaming zip readers (java.util.zip.ZipInputStream…) size the entries
        // right; a circular's workbook is megabytes, far from the 4 GB that would need Zip64
        wb.setZip64Mode(Zip64Mode.Never);
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            CircularFigures f = c.figures();
            for (GroupTable g : f.groups()) {
                Sheet s = sheet(wb, st, c, g.groupName() + "排名", CircularText.RANKING_HEADERS);
                for (RankingLine r : g.rows()) {
                    row(s, st, List.of(r.rank(), r.unitName(), r.points(), r.submissionPoints(), r.forwardPoints(),
                            r.adoptionPoints(), r.commissionPoints(), r.deductionPoints(), r.receivedItems(), r.quota(),
                            CircularText.completion(r)));
                }
            }

            Sheet named = sheet(wb, st, c, "未报送及未完成", List.of("组别", "单位", "情况", "收录条数", "基础条数", "差额"));
            for (QuotaNote n : f.noSubmission()) {
                row(named, st, List.of(n.group(), n.unitName(), "未报送", n.receivedItems(), n.quota(), n.shortfall()));
            }
            for (QuotaNote n : f.missedQuota()) {
                row(named, st, List.of(n.group(), n.unitName(), "未完成基础条数", n.receivedItems(), n.quota(),
                        n.shortfall()));
            }

            Sheet commissions = sheet(wb, st, c, "约稿完成情况", CircularText.COMMISSION_HEADERS);
            for (CommissionLine l : f.commissions()) {
                row(commissions, st, List.of(l.title(), CircularText.dateTime(l.deadline()),
                        CircularText.names(l.answered()), CircularText.names(l.missed())));
            }

            Sheet annex = sheet(wb, st, c, "附件-采用及批示信息", CircularText.ANNEX_HEADERS);
            for (AnnexLine a : f.annex()) {
                row(annex, st, List.of(a.no(), a.itemTitle() == null ? a.itemId() : a.itemTitle(), a.unitName(),
                        a.publication(), a.date() == null ? "" : a.date().toString(), a.points() == null ? CircularText.ANNEX_NOT_SCORED : a.points()));
            }

            Sheet stats = sheet(wb, st, c, "统计", List.of("月份", "组别", "单位", "收录条数", "分类", "主题", "喜", "忧",
                    "忧占比", "平均时效(天)", "时效中位数(天)", "最长时效(天)", "被采用条数", "采用率", "约稿数", "按时完成",
                    "逾期", "未通过", "未报", "约稿完成率"));
            for (UnitMonthStatistics m : f.statistics()) {
                List<Object> v = new ArrayList<>();
                v.add(m.month());
                v.add(m.group());
                v.add(m.unitName());
                v.add(m.receivedItems());
                v.add(counts(m.byCategory()));
                v.add(counts(m.byTopic()));
                v.add(m.goodNews());
                v.add(m.problems());
                v.add(m.balance());
                v.add(m.timeliness().averageDays());
                v.add(m.timeliness().medianDays());
                v.add(m.timeliness().maxDays());
                v.add(m.adoptedItems());
                v.add(m.adoptionRate());
                v.add(m.commissions().targeted());
                v.add(m.commissions().answered());
                v.add(m.commissions().late());
                v.add(m.commissions().rejected());
                v.add(m.commissions().missed());
                v.add(m.commissions().responseRate());
                row(stats, st, v);
            }

            if (c.version() > 1) {
                Sheet changes = sheet(wb, st, c, "更正说明", List.of("组别", "单位", "项目", "原数据", "更正后"));
                row(changes, st, List.of("", "更正原因", c.correctionReason(), "", ""));
                for (FigureChange ch : c.changes()) {
                    row(changes, st, List.of(ch.group() == null ? "" : ch.group(), ch.unitName(), ch.figure(),
                            ch.before(), ch.after()));
                }
            }
            Instant stamp = FixedTimePackage.timeOf(c);
            FixedTimePackage.date(wb.getXSSFWorkbook().getProperties(), stamp);
            wb.write(out);
            return FixedTimePackage.stamp(out.toByteArray(), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose(); // deletes the temp files
        }
    }

    /**
     * In key order: the stored maps come back in no fixed order (an immutable copy's order changes from one JVM to
     * the next), and a published workbook must read the same on every replica and after every restart.
     */
    private static String counts(Map<String, Integer> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static Sheet sheet(Workbook wb, Styles st, Circular c, String name, List<String> headers) {
        Sheet s = wb.createSheet(name);
        Row title = s.createRow(0);
        title.createCell(0).setCellValue(CircularText.title(c));
        title.getCell(0).setCellStyle(st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, headers.size() - 1)));
        s.createRow(1).createCell(0).setCellValue(CircularText.documentNumber(c));
        Row head = s.createRow(HEADER_ROW);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
            head.getCell(i).setCellStyle(st.header);
            s.setColumnWidth(i, i == 1 ? 24 * 256 : 12 * 256);
        }
        s.createFreezePane(0, HEADER_ROW + 1);
        return s;
    }

    private static void row(Sheet s, Styles st, List<?> values) {
        Row row = s.createRow(s.getLastRowNum() + 1);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                row.createCell(i);
            } else if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(v.toString());
            }
            row.getCell(i).setCellStyle(st.body);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle body;

        Styles(Workbook wb) {
            Font big = wb.createFont();
            big.setFontName("宋体");
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            Font bold = wb.createFont();
            bold.setFontName("宋体");
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            Font plain = wb.createFont();
            plain.setFontName("宋体");
            body = wb.createCellStyle();
            body.setFont(plain);
        }
    }
}
