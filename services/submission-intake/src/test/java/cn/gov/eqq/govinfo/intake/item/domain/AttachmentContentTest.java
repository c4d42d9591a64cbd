package cn.gov.eqq.govinfo.intake.item.domain;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attachment type is what the content is — checked on real Word and Excel files (made with Apache POI) and on
 * look-alikes that carry the right first bytes but are something else.
 */
class AttachmentContentTest {

    private final AttachmentPolicy policy = new AttachmentPolicy(10 * 1024 * 1024, 5 * 1024 * 1024, 10);

    @Test
    void realWordAndExcelFilesAreAcceptedWithTheirOwnMediaTypes() throws IOException {
        assertThat(policy.check("情况报告.docx", docx())).isEqualTo(AttachmentPolicy.WORD);
        assertThat(policy.check("统计表.xlsx", xlsx())).isEqualTo(AttachmentPolicy.EXCEL);
        assertThat(policy.check("统计表.xls", xls())).isEqualTo(AttachmentPolicy.EXCEL_97);
        assertThat(policy.check("统计表.et", xls())).isEqualTo(AttachmentPolicy.EXCEL_97);
        assertThat(policy.check("旧文档.doc", ole2("WordDocument"))).isEqualTo(AttachmentPolicy.WORD_97);
        assertThat(policy.check("金山文档.wps", ole2("WordDocument"))).isEqualTo(AttachmentPolicy.WORD_97);
        assertThat(AttachmentPolicy.WORD.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void aZipArchiveRenamedToDocxIsRefused() throws IOException {
        byte[] archive = zip(Map.of("材料/说明.txt", "不是文档"));
        assertThatThrownBy(() -> policy.check("材料.docx", archive)).isInstanceOf(ItemRuleException.class)
                .hasMessageContaining("不支持的附件类型");
    }

    @Test
    void aJavaProgramRenamedToXlsxIsRefused() throws IOException {
        byte[] jar = zip(Map.of("META-INF/MANIFEST.MF", "Main-Class: Evil\n", "Evil.class", "\u00ca\u00fe"));
        assertThatThrownBy(() -> policy.check("报表.xlsx", jar)).hasMessageContaining("不支持的附件类型");
    }

    @Test
    void anInstallerRenamedToDocIsRefused() throws IOException {
        // MSI packages are OLE2 compound files too, but hold no WordDocument or Workbook stream
        byte[] msi = ole2("\u0005SummaryInformation");
        assertThatThrownBy(() -> policy.check("通知.doc", msi)).hasMessageContaining("不支持的附件类型");
    }

    @Test
    void aWordDocumentNamedAsASpreadsheetIsRefused() throws IOException {
        byte[] word = docx();
        assertThatThrownBy(() -> policy.check("统计表.xlsx", word))
                .hasMessage("附件内容（Word 文档）与扩展名 .xlsx 不符");
        byte[] sheet = xls();
        assertThatThrownBy(() -> policy.check("报告.doc", sheet)).hasMessageContaining("与扩展名 .doc 不符");
    }

    @Test
    void documentsWithMacrosAreRefusedWhateverTheirName() throws IOException {
        byte[] docm = zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>",
                "word/vbaProject.bin", "VBA"));
        assertThatThrownBy(() -> policy.check("报告.docx", docm)).hasMessageContaining("宏");

        byte[] xlsWithMacros = ole2("Workbook", "_VBA_PROJECT_CUR");
        assertThatThrownBy(() -> policy.check("表.xls", xlsWithMacros)).hasMessageContaining("宏");
    }

    @Test
    void aTruncatedPackageIsRefused() throws IOException {
        byte[] whole = docx();
        byte[] head = java.util.Arrays.copyOf(whole, 200);
        assertThatThrownBy(() -> policy.check("报告.docx", head)).hasMessageContaining("不支持的附件类型");
    }

    // --- real files -------------------------------------------------------------------------------------------

    private static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("我旗召开政务信息工作推进会");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("统计").createRow(0).createCell(0).setCellValue("报送数");
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("统计").createRow(0).createCell(0).setCellValue("报送数");
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A real OLE2 compound file with the named streams; {@code _VBA_PROJECT_CUR} becomes a VBA project storage. */
    private static byte[] ole2(String... streams) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String stream : streams) {
                DirectoryEntry dir = fs.getRoot();
                if (stream.equals("_VBA_PROJECT_CUR")) {
                    dir = dir.createDirectory("_VBA_PROJECT_CUR").createDirectory("VBA");
                    dir.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[]{1, 2, 3}));
                    continue;
                }
                dir.createDocument(stream, new ByteArrayInputStream(new byte[4096]));
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
