package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ContentView;
import cn.gov.eqq.govinfo.intake.item.adapter.in.web.ItemDtos.ItemView;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * One item as a Word document laid out like a 政务信息 page the room forwards or files: the title in 小标宋, the unit
 * and date, the body in 仿宋 with each paragraph indented two characters, 对策建议 where the unit gave them, and the
 * reporter with the number as this reader may see it (masked for those who see it masked on the page).
 */
final class ItemDocument {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String INDENT = "　　";

    private ItemDocument() {
    }

    static byte[] render(ItemView item, String unitName) {
        ContentView c = item.content();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, "政务信息", HEADING_FONT, 16, true, ParagraphAlignment.CENTER);
            paragraph(doc, c.title(), TITLE_FONT, 22, false, ParagraphAlignment.CENTER);
            paragraph(doc, "报送单位：" + unitName + "　　" + dated(item), BODY_FONT, 14, false,
                    ParagraphAlignment.CENTER);
            for (String line : c.body().split("\\R")) {
                if (!line.isBlank()) {
                    paragraph(doc, INDENT + line.strip(), BODY_FONT, 16, false, ParagraphAlignment.BOTH);
                }
            }
            if (c.countermeasures() != null && !c.countermeasures().isBlank()) {
                paragraph(doc, "对策建议", HEADING_FONT, 16, false, ParagraphAlignment.LEFT);
                for (String line : c.countermeasures().split("\\R")) {
                    if (!line.isBlank()) {
                        paragraph(doc, INDENT + line.strip(), BODY_FONT, 16, false, ParagraphAlignment.BOTH);
                    }
                }
            }
            paragraph(doc, "", BODY_FONT, 16, false, ParagraphAlignment.LEFT);
            paragraph(doc, "类别：" + nullToDash(c.categoryLabel()) + "　　重点方向："
                    + (c.topics() == null || c.topics().isEmpty() ? "—"
                    : c.topics().stream().map(FocusTopic::label).collect(Collectors.joining("、")))
                    + (c.majorEvent() ? "　　重大事件" : "") + (c.majorEmergency() ? "　　重大紧急" : ""),
                    BODY_FONT, 12, false, ParagraphAlignment.LEFT);
            paragraph(doc, "报送人：" + nullToDash(c.reporterName()) + "　　联系电话：" + nullToDash(c.contactPhone())
                    + "　　编号：" + item.id() + "　　状态：" + item.statusLabel(), BODY_FONT, 12, false,
                    ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name: the title, without the characters Windows refuses in a file name. */
    static String fileName(ItemView item) {
        String title = item.content().title().replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_").strip();
        return (title.length() > 60 ? title.substring(0, 60) : title) + ".docx";
    }

    private static String dated(ItemView item) {
        LocalDate day = (item.submittedAt() != null ? item.submittedAt() : item.createdAt()).atZone(BEIJING)
                .toLocalDate();
        return (item.submittedAt() != null ? "报送时间：" : "起草时间：") + day.getYear() + "年" + day.getMonthValue()
                + "月" + day.getDayOfMonth() + "日";
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static void paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
                                  ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
