package cn.gov.eqq.govinfo.platform.input;

import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A CSV file the room uploads, made from a template in Excel: what is refused at the door, and how it is read. */
public final class CsvUploads {

    private CsvUploads() {
    }

    /**
     * Refuses an Excel workbook (422 {@code import.xlsx-unsupported}) and a file with a character the text rule
     * refuses on any line (400 {@code import.invalid-text}), as {@link ApiProblem}s for the web adapter to throw.
     */
    public static void check(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw ApiProblem.unprocessable("import.xlsx-unsupported",
                    "暂不支持 Excel 文件，请在 Excel 中“另存为”CSV（UTF-8）后导入");
        }
        // read as UTF-8; a GB18030 file's Chinese becomes U+FFFD here, which the rule lets pass, while its control
        // characters stay what they are
        String refused = TextRule.lineViolation(new String(content, StandardCharsets.UTF_8));
        if (refused != null) {
            throw ApiProblem.badRequest("import.invalid-text", "导入文件" + refused + "，请修改后重新导入");
        }
    }

    /**
     * The file's text: UTF-8 (with or without BOM) as the templates are; Excel's Chinese default GB18030 is read
     * too. Refuses anything else with {@link UseCaseFailure} {@code import.encoding}. Plain Java, for use cases.
     */
    public static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                throw UseCaseFailure.invalid("import.encoding", "无法识别文件编码，请保存为 UTF-8 编码的 CSV 文件");
            }
        }
    }
}
