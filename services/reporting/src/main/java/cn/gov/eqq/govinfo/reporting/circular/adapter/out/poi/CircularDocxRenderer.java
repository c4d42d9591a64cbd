package cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi;

import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.CommissionLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.GroupTable;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.QuotaNote;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The circular as a Word document laid out like the office's circulars: document number, title in 小标宋,
 * addressees, body in 仿宋 with 一、（一） headings, ranking tables per group, the office and date, then the annex.
 */
public final class CircularDocxRenderer {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";

    public byte[] render(Circular c, Instant printedAt) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CircularFigures f = c.figures();
            paragraph(doc, CircularText.documentNumber(c), BODY_FONT, 16, false, ParagraphAlignment.CENTER);
            paragraph(doc, CircularText.title(c), TITLE_FONT, 22, true, ParagraphAlignment.CENTER);
            paragraph(doc, CircularText.addressees(c), BODY_FONT, 16, false, ParagraphAlignment.LEFT);
            paragraph(doc, CircularText.intro(c), BODY_FONT, 16, false, ParagraphAlignment.BOTH);

            if (c.version() > 1) {
                heading(doc, "更正说明");
                paragraph(doc, "　　本通报为第" + c.version() + "版，更正原因：" + c.correctionReason()
                        + "。更正内容如下：", BODY_FONT, 16, false, ParagraphAlignment.BOTH);
                for (FigureChange ch : c.changes()) {
                    paragraph(doc, "　　" + ch.sentence() + "。", BODY_FONT, 16, false, ParagraphAlignment.BOTH);
                }
                if (c.changes().isEmpty()) {
                    paragraph(doc, "　　数据无变化。", BODY_FONT, 16, false, ParagraphAlignment.BOTH);
                }
            }

            heading(doc, "一、各组积分排名情况");
            String[] numerals = {"（一）", "（二）", "（三）", "（四）", "（五）"};
            int i = 0;
            for (GroupTable g : f.groups()) {
                paragraph(doc, numerals[Math.min(i++, numerals.length - 1)] + g.groupName(), BODY_FONT, 16, true,
                        ParagraphAlignment.LEFT);
                XWPFTable t = table(doc, CircularText.RANKING_HEADERS);
                for (RankingLine r : g.rows()) {
                    row(t, List.of(Integer.toString(r.rank()), r.unitName(), Integer.toString(r.points()),
                            Integer.toString(r.submissionPoints()), Integer.toString(r.forwardPoints()),
                            Integer.toString(r.adoptionPoints()), Integer.toString(r.commissionPoints()),
                            Integer.toString(r.deductionPoints()), Integer.toString(r.receivedItems()),
                            Integer.toString(r.quota()), CircularText.completion(r)));
                }
            }

            heading(doc, "二、未报送信息及未完成基础条数的单位");
            paragraph(doc, "　　本期未报送信息的单位：" + CircularText.join(f.noSubmission(), QuotaNote::unitName) + "。",
                    BODY_FONT, 16, false, ParagraphAlignment.BOTH);
            paragraph(doc, "　　本期未完成基础条数的单位：" + CircularText.join(f.missedQuota(),
                            n -> n.unitName() + "（收录" + n.receivedItems() + "条，差" + n.shortfall() + "条）") + "。",
                    BODY_FONT, 16, false, ParagraphAlignment.BOTH);

            heading(doc, "三、约稿任务完成情况");
            if (f.commissions().isEmpty()) {
                paragraph(doc, "　　本期无到期的约稿任务。", BODY_FONT, 16, false, ParagraphAlignment.BOTH);
            } else {
                XWPFTable t = table(doc, CircularText.COMMISSION_HEADERS);
                for (CommissionLine l : f.commissions()) {
                    row(t, List.of(l.title(), CircularText.dateTime(l.deadline()), CircularText.names(l.answered()),
                            CircularText.names(l.missed())));
                }
            }

            heading(doc, "四、工作要求");
            paragraph(doc, "　　各单位要高度重视政务信息工作，对照基础条数按月报送，坚持喜忧兼报，问题类信息须附对策建议。"
                    + "未完成基础条数的单位要认真查找原因，切实加以改进。", BODY_FONT, 16, false, ParagraphAlignment.BOTH);
            paragraph(doc, "　　附件：采用及批示信息目录", BODY_FONT, 16,
                    false, ParagraphAlignment.LEFT);
            paragraph(doc, CircularText.OFFICE, BODY_FONT, 16, false, ParagraphAlignment.RIGHT);
            paragraph(doc, CircularText.date(c.publishedAt() != null ? c.publishedAt() : printedAt), BODY_FONT, 16,
                    false, ParagraphAlignment.RIGHT);

            XWPFParagraph pageBreak = doc.createParagraph();
            pageBreak.createRun().addBreak(BreakType.PAGE);
            paragraph(doc, "附件", HEADING_FONT, 16, false, ParagraphAlignment.LEFT);
            paragraph(doc, "采用及批示信息目录", TITLE_FONT, 18, true, ParagraphAlignment.CENTER);
            XWPFTable annex = table(doc, CircularText.ANNEX_HEADERS);
            for (AnnexLine a : f.annex()) {
                row(annex, List.of(Integer.toString(a.no()), a.itemTitle() == null ? a.itemId() : a.itemTitle(),
                        a.unitName(), a.publication(), a.date() == null ? "" : a.date().toString(),
                        CircularText.annexPoints(a)));
            }
            if (!f.warnings().isEmpty() && !c.frozen()) {
                paragraph(doc, "核对提示（发布前处理）：" + f.warnings().stream().collect(Collectors.joining("；")),
                        BODY_FONT, 12, false, ParagraphAlignment.LEFT);
            }
            Instant stamp = FixedTimePackage.timeOf(c);
            FixedTimePackage.date(doc.getProperties(), stamp);
            doc.write(out);
            return FixedTimePackage.stamp(out.toByteArray(), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        paragraph(doc, text, HEADING_FONT, 16, false, ParagraphAlignment.LEFT);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
                                           ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        font(r, font, size, bold);
        r.setText(text);
        return p;
    }

    private static void font(XWPFRun r, String font, int size, boolean bold) {
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
    }

    private static XWPFTable table(XWPFDocument doc, List<String> headers) {
        XWPFTable t = doc.createTable(1, headers.size());
        t.setWidth("100%");
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        for (int i = 0; i < headers.size(); i++) {
            cell(head.getCell(i), headers.get(i), true);
        }
        return t;
    }

    private static void row(XWPFTable t, List<String> values) {
        XWPFTableRow row = t.createRow();
        for (int i = 0; i < values.size(); i++) {
            cell(row.getCell(i), values.get(i), false);
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        font(r, BODY_FONT, 10, bold);
        r.setText(text == null ? "" : text);
    }
}
