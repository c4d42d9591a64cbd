package cn.gov.eqq.govinfo.adoption.importing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.eqq.govinfo.adoption.importing.domain.SheetRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSheetTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKeepTheLineTheyStartOn() {
        List<SheetRow> rows = CsvSheet.read("\uFEFFa,b\r\n\"x, y\",\"他说\"\"好\"\"\"\n\n\"第一行\n第二行\",z\nlast,row");
        assertThat(rows).containsExactly(
                new SheetRow(1, List.of("a", "b")),
                new SheetRow(2, List.of("x, y", "他说\"好\"")),
                new SheetRow(4, List.of("第一行\n第二行", "z")),
                new SheetRow(6, List.of("last", "row")));
    }

    @Test
    void blankRowsAreNotRows() {
        assertThat(CsvSheet.read("a,b\n,\n  , \nc,d\n")).extracting(SheetRow::line).containsExactly(1, 4);
    }

    @Test
    void aQuoteThatNeverClosesIsUnreadableOnItsLine() {
        assertThatThrownBy(() -> CsvSheet.read("a,b\nc,\"oops\n"))
                .isInstanceOf(CsvSheet.Unreadable.class)
                .hasMessageStartingWith("第 2 行：");
    }
}
