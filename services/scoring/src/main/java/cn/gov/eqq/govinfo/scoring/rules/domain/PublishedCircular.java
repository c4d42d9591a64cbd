package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.LocalDate;

/**
 * A circular (季度通报 or 年度考评) that reporting has published: its figures are the official record, so no policy
 * version may change a day of its period.
 *
 * @param seriesId       the publication and its corrections, e.g. {@code QUARTERLY-2026-Q3}
 * @param period         the quarter or year it covers
 * @param title          its title as printed
 * @param documentNumber its document number (文号), e.g. 鄂前政办信〔2026〕7号
 */
public record PublishedCircular(String seriesId, ReportingPeriod period, String title, String documentNumber) {

    /** Whether a version in force from {@code from} until the day before {@code until} (null: open) would reach it. */
    public boolean overlaps(LocalDate from, LocalDate until) {
        return !period.lastDay().isBefore(from) && (until == null || until.isAfter(period.firstDay()));
    }

    /** How an administrator is told which circular it is: 《title》（文号，period）. */
    public String named() {
        String number = documentNumber == null || documentNumber.isBlank() ? "" : documentNumber + "，";
        return "《" + title + "》（" + number + "涵盖" + period.label() + "）";
    }
}
