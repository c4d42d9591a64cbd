package cn.gov.eqq.govinfo.adoption.importing.domain;

import java.util.List;

/**
 * One row of an uploaded table as the person wrote it, with the line of the file it starts on, so that a problem
 * can name the line. Header included; blank rows are not rows.
 */
public record SheetRow(int line, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }
}
