package cn.gov.eqq.govinfo.intake.item.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.INVALID;

/**
 * What may be attached to an item: documents (PDF, Word, WPS, Excel) and images (JPEG, PNG), within size limits.
 * The type is decided by the file's content, and the name's extension must agree, so that a renamed program or a
 * mislabelled file is refused:
 * <ul>
 *   <li>PDF, JPEG, PNG by their first bytes (magic numbers);</li>
 *   <li>Word/Excel 2007+ are ZIP packages: the package must hold {@code [Content_Types].xml} and the main part of a
 *       document ({@code word/document.xml}) or a workbook ({@code xl/workbook.xml}) — a ZIP archive, a JAR or an
 *       APK renamed to .docx is not one;</li>
 *   <li>Word/WPS/Excel/ET 97–2003 are OLE2 compound files: the file must hold a {@code WordDocument} or a
 *       {@code Workbook}/{@code Book} stream — an MSI installer (also OLE2) renamed to .doc is not one;</li>
 *   <li>documents carrying macros (a VBA project) are refused whatever their name.</li>
 * </ul>
 * Only names are read from the packages, nothing is decompressed, so a ZIP bomb costs nothing.
 */
public final class AttachmentPolicy {

    public enum Kind { DOCUMENT, IMAGE }

    public record FileType(String name, Kind kind, String mediaType, List<String> extensions) {
    }

    public static final FileType PDF = new FileType("PDF", Kind.DOCUMENT, "application/pdf", List.of("pdf"));
    public static final FileType WORD = new FileType("Word 文档", Kind.DOCUMENT,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
    public static final FileType EXCEL = new FileType("Excel 表格", Kind.DOCUMENT,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));
    public static final FileType WORD_97 = new FileType("Word/WPS 文档（97-2003）", Kind.DOCUMENT, "application/msword",
            List.of("doc", "wps"));
    public static final FileType EXCEL_97 = new FileType("Excel/ET 表格（97-2003）", Kind.DOCUMENT,
            "application/vnd.ms-excel", List.of("xls", "et"));
    public static final FileType JPEG = new FileType("JPEG", Kind.IMAGE, "image/jpeg", List.of("jpg", "jpeg"));
    public static final FileType PNG = new FileType("PNG", Kind.IMAGE, "image/png", List.of("png"));

    public static final List<FileType> TYPES = List.of(PDF, WORD, EXCEL, WORD_97, EXCEL_97, JPEG, PNG);

    private static final byte[] PDF_MAGIC = {0x25, 0x50, 0x44, 0x46, 0x2D};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};

    private static final String UNSUPPORTED = "不支持的附件类型，只能上传 PDF、Word、WPS、Excel 文档或 JPG、PNG 图片";
    private static final String MACROS = "附件含有宏（VBA 代码），为安全起见不予接收，请另存为不含宏的文档后上传";

    private final long maxDocumentBytes;
    private final long maxImageBytes;
    private final int maxPerItem;

    public AttachmentPolicy(long maxDocumentBytes, long maxImageBytes, int maxPerItem) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxImageBytes = maxImageBytes;
        this.maxPerItem = maxPerItem;
    }

    public int maxPerItem() {
        return maxPerItem;
    }

    /** The accepted type of this file, or a Chinese refusal. */
    public FileType check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw refuse("附件为空");
        }
        String ext = extension(fileName).orElseThrow(() -> refuse("附件文件名缺少扩展名，支持 PDF、Word、WPS、Excel、JPG、PNG"));
        FileType type = detect(content).orElseThrow(() -> refuse(UNSUPPORTED));
        if (!type.extensions().contains(ext)) {
            throw refuse("附件内容（" + type.name() + "）与扩展名 ." + ext + " 不符");
        }
        long limit = type.kind() == Kind.IMAGE ? maxImageBytes : maxDocumentBytes;
        if (content.length > limit) {
            throw refuse((type.kind() == Kind.IMAGE ? "图片" : "文档") + "不能超过 " + megabytes(limit) + "MB");
        }
        return type;
    }

    /** The type the content really is, whatever the file is called; a refusal for documents with macros. */
    static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return officeOpenXml(content);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return compoundDocument(content);
        }
        return Optional.empty();
    }

    private static Optional<FileType> officeOpenXml(byte[] content) {
        Set<String> names = ZipNames.of(content);
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            throw refuse(MACROS);
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(WORD);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(EXCEL);
        }
        return Optional.empty();
    }

    private static Optional<FileType> compoundDocument(byte[] content) {
        Set<String> streams = Ole2Names.of(content);
        if (streams.contains("_VBA_PROJECT") || streams.contains("_VBA_PROJECT_CUR") || streams.contains("Macros")) {
            throw refuse(MACROS);
        }
        if (streams.contains("WordDocument")) {
            return Optional.of(WORD_97);
        }
        if (streams.contains("Workbook") || streams.contains("Book")) {
            return Optional.of(EXCEL_97);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static Optional<String> extension(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? Optional.empty()
                : Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    private static ItemRuleException refuse(String message) {
        return new ItemRuleException(INVALID, "attachment.invalid", message, List.of(new Violation("file", message)));
    }

    /** Entry names from a ZIP's central directory (read, never inflated). Empty when it is not a well-formed ZIP. */
    static final class ZipNames {
        private static final int EOCD = 0x06054b50;
        private static final int CENTRAL = 0x02014b50;

        private ZipNames() {
        }

        static Set<String> of(byte[] zip) {
            Set<String> names = new HashSet<>();
            int eocd = -1;
            for (int p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 65_535); p--) {
                if (int32(zip, p) == EOCD) {
                    eocd = p;
                    break;
                }
            }
            if (eocd < 0) {
                return names;
            }
            int entries = int16(zip, eocd + 10);
            long offset = int32(zip, eocd + 16) & 0xFFFFFFFFL;
            int p = (int) Math.min(offset, Integer.MAX_VALUE);
            for (int i = 0; i < entries && p >= 0 && p + 46 <= zip.length && int32(zip, p) == CENTRAL; i++) {
                int nameLength = int16(zip, p + 28);
                int next = p + 46 + nameLength + int16(zip, p + 30) + int16(zip, p + 32);
                if (p + 46 + nameLength > zip.length) {
                    break;
                }
                names.add(new String(zip, p + 46, nameLength, StandardCharsets.UTF_8));
                p = next;
            }
            return names;
        }
    }

    /**
     * Stream and storage names of an OLE2 compound file. Directory entries are 128 bytes, sector-aligned, with the
     * UTF-16LE name first, its byte length at 0x40 and the entry type at 0x42 (1 storage, 2 stream, 5 root).
     */
    static final class Ole2Names {
        private Ole2Names() {
        }

        static Set<String> of(byte[] file) {
            Set<String> names = new HashSet<>();
            for (int p = 512; p + 128 <= file.length; p += 128) {
                int length = int16(file, p + 0x40);
                int type = file[p + 0x42];
                if ((type == 1 || type == 2) && length >= 4 && length <= 64 && length % 2 == 0
                        && file[p + length - 2] == 0 && file[p + length - 1] == 0) {
                    names.add(new String(file, p, length - 2, StandardCharsets.UTF_16LE));
                }
            }
            return names;
        }
    }

    private static int int16(byte[] b, int p) {
        return p + 2 > b.length || p < 0 ? -1 : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int p) {
        return p + 4 > b.length || p < 0 ? 0
                : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
