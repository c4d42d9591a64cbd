package cn.gov.eqq.govinfo.platform.input;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TextRuleTest {

    @Test
    void ordinaryChineseTextWithLineBreaksTabsAndEmojiIsAccepted() {
        assertThat(TextRule.violation("关于乡村振兴\n\t第二段\r\n🌾 完")).isNull();
        assertThat(TextRule.violation("零宽\u200b连接在可见文字之间")).isNull();
        assertThat(TextRule.violation("")).isNull();
        assertThat(TextRule.violation(null)).isNull();
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefused() {
        for (String text : new String[] {"a\u0000b", "a\u0007b", "a\u001b[31mb", "a\u007fb", "a\u0085b", "a\u009bb"}) {
            assertThat(TextRule.violation(text)).as(text).isEqualTo("不能含有控制字符（换行和制表符除外）");
        }
    }

    @Test
    void directionCharactersAreRefused() {
        for (char c : new char[] {'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068',
                '\u2069'}) {
            assertThat(TextRule.violation("a" + c + "b")).isEqualTo("不能含有改变文字方向的控制字符");
        }
    }

    @Test
    void textOfOnlyInvisibleCharactersAndSpacesIsRefused() {
        assertThat(TextRule.violation("\u200b\u200b")).isEqualTo("不能只含有不可见字符");
        assertThat(TextRule.violation(" \ufeff\u200d \u2060")).isEqualTo("不能只含有不可见字符");
        assertThat(TextRule.violation("   ")).as("blank is the field's own concern (required or not)").isNull();
    }

    @Test
    void loneSurrogatesAreRefusedAndPairsAccepted() {
        assertThat(TextRule.violation("a\ud800b")).isEqualTo("含有无效的字符编码（孤立的代理项）");
        assertThat(TextRule.violation("a\udc00")).isEqualTo("含有无效的字符编码（孤立的代理项）");
        assertThat(TextRule.violation("a\ud800")).isEqualTo("含有无效的字符编码（孤立的代理项）");
        assertThat(TextRule.violation("\ud83c\udf3e")).isNull();
    }

    @Test
    void anImportedFileIsRefusedAtItsFirstBadLine() {
        assertThat(TextRule.lineViolation("\ufeff标题,日期\r\n乡村振兴,2026-01-02\r\n")).isNull();
        assertThat(TextRule.lineViolation("标题,日期\r\n好,2026-01-02\r\n坏\u0000,2026-01-03\r\n"))
                .isEqualTo("第 3 行不能含有控制字符（换行和制表符除外）");
    }

    @Test
    void datesFrom2000To2099AreAcceptedAndOthersRefused() {
        assertThat(DateRule.violation(LocalDate.of(2000, 1, 1))).isNull();
        assertThat(DateRule.violation(LocalDate.of(2099, 12, 31))).isNull();
        assertThat(DateRule.violation(LocalDate.of(1999, 12, 31))).isEqualTo("日期应在 2000-01-01 至 2099-12-31 之间");
        assertThat(DateRule.violation(LocalDate.of(9999, 12, 31))).isNotNull();
        assertThat(DateRule.violation(LocalDate.of(1, 1, 1))).isNotNull();
    }
}
