package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.INVALID;

/**
 * What may be attached to an item: documents (PDF, Word, WPS, Excel) and images (JPEG, PNG), within size limits.
 * The type is decided by the file's first bytes (magic numbers), and the name's extension must agree, so that a
 * renamed program or a mislabelled file is refused.
 */
public final class AttachmentPolicy {

    public enum Kind { DOCUMENT, IMAGE }

    public record FileType(String name, Kind kind, String mediaType, List<String> extensions, byte[] magic) {
        boolean matches(byte[] head) {
            return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
        }
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    public static final List<FileType> TYPES = List.of(
            new FileType("PDF", Kind.DOCUMENT, "application/pdf", List.of("pdf"), new byte[]{0x25, 0x50, 0x44, 0x46, 0x2D}),
            new FileType("Word/Excel (OOXML)", Kind.DOCUMENT, "application/vnd.openxmlformats-officedocument",
                    List.of("docx", "xlsx"), ZIP),
            new FileType("Word/Excel/WPS (97-2003)", Kind.DOCUMENT, "application/x-ole-storage",
                    List.of("doc", "xls", "wps", "et"), OLE2),
            new FileType("JPEG", Kind.IMAGE, "image/jpeg", List.of("jpg", "jpeg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            new FileType("PNG", Kind.IMAGE, "image/png", List.of("png"),
                    new byte[]{(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}));

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
        FileType type = TYPES.stream().filter(t -> t.matches(content)).findFirst()
                .orElseThrow(() -> refuse("不支持的附件类型，只能上传 PDF、Word、WPS、Excel 文档或 JPG、PNG 图片"));
        if (!type.extensions().contains(ext)) {
            throw refuse("附件内容（" + type.name() + "）与扩展名 ." + ext + " 不符");
        }
        long limit = type.kind() == Kind.IMAGE ? maxImageBytes : maxDocumentBytes;
        if (content.length > limit) {
            throw refuse((type.kind() == Kind.IMAGE ? "图片" : "文档") + "不能超过 " + megabytes(limit) + "MB");
        }
        return type;
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
}
