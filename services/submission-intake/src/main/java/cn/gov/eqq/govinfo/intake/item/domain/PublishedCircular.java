package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.util.List;

/**
 * A circular (季度通报 or 年度考评) reporting has published: its figures are the official record, so no item of its
 * period may be corrected any more.
 *
 * @param period         the quarter ({@code 2026-Q3}) or year ({@code 2026}) it covers
 * @param documentNumber its 文号, or null
 */
public record PublishedCircular(String seriesId, String period, String title, String documentNumber) {

    /**
     * The periods whose published circular freezes an item that counts from {@code countsFrom}: the quarter
     * ({@code 2026-Q3}) and the year ({@code 2026}) it falls in, Beijing time.
     */
    public static List<String> periodsFreezing(Instant countsFrom) {
        List<ReportingPeriod> monthQuarterYear = ReportingPeriod.monthOf(countsFrom).withEnclosing();
        return monthQuarterYear.subList(1, monthQuarterYear.size()).stream().map(ReportingPeriod::code).toList();
    }

    /** How the room is told which circular it is: 《title》（文号）. */
    public String named() {
        String number = documentNumber == null || documentNumber.isBlank() ? "" : "（" + documentNumber + "）";
        return "《" + title + "》" + number;
    }
}
