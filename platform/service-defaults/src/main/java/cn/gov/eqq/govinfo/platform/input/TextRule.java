package cn.gov.eqq.govinfo.platform.input;

/**
 * The one rule for free text a person types (titles, bodies, opinions, names, CSV cells): what is refused and why.
 * Refused are control characters other than tab and line breaks (NUL, BEL, ESC, DEL, C1), the bidirectional
 * formatting characters U+202A–U+202E and U+2066–U+2069 (they reorder what a reader sees in the circular and the
 * portal), a lone UTF-16 surrogate (no character at all; it would be stored as U+FFFD later), and text that consists
 * only of invisible characters (zero-width spaces and joiners, word joiner, BOM) and white space.
 * Plain Java: the JSON deserializer, the request-parameter binder and the CSV imports all ask this class.
 */
public final class TextRule {

    private TextRule() {
    }

    /** Why {@code text} is refused, in Chinese for the person who typed it, or {@code null} when it is acceptable. */
    public static String violation(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "含有无效的字符编码（孤立的代理项）";
                }
                i++;
                visible = true;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return "含有无效的字符编码（孤立的代理项）";
            }
            if (isControl(c)) {
                return "不能含有控制字符（换行和制表符除外）";
            }
            if (isBidiControl(c)) {
                return "不能含有改变文字方向的控制字符";
            }
            if (!isInvisible(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                visible = true;
            }
        }
        if (!visible && containsInvisible(text)) {
            return "不能只含有不可见字符";
        }
        return null;
    }

    /**
     * The rule for an imported text file (CSV), line by line: why the first refused line is refused ("第 3 行：…"),
     * or {@code null}. Line breaks separate lines; a line of nothing but separators is allowed.
     */
    public static String lineViolation(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String violation = violation(lines[i]);
            if (violation != null) {
                return "第 " + (i + 1) + " 行" + violation;
            }
        }
        return null;
    }

    /** {@code true} when {@link #violation(String)} finds nothing. */
    public static boolean accepts(String text) {
        return violation(text) == null;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u180E'
                || c == '\u200E' || c == '\u200F' || c == '\u00AD';
    }

    private static boolean containsInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isInvisible(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
