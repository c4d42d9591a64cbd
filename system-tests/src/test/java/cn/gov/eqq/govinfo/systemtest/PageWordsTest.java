package cn.gov.eqq.govinfo.systemtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageWordsTest {

    @Test
    void officeWordsUnitNumbersAndFileNamesPass() {
        assertThat(PageWords.foreignWords("导出 Excel　导出 Word　U006 发改委　附件：照片.png、report-2026.xlsx　数据.CSV"))
                .isEmpty();
    }

    @Test
    void statusCodesEmptyValuesLoginNamesAndEnglishAreFound() {
        assertThat(PageWords.foreignWords("状态：PENDING　报送人：null　得分 NaN　room-editor　Internal Server Error"))
                .containsExactly("Error", "Internal", "NaN", "PENDING", "Server", "null", "room-editor");
    }
}
