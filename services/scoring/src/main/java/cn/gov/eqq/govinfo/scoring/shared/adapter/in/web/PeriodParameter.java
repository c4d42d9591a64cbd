package cn.gov.eqq.govinfo.scoring.shared.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;

/** A period given in a request ({@code 2026-07}, {@code 2026-Q3}, {@code 2026}), refused in Chinese when it is none. */
public final class PeriodParameter {

    private PeriodParameter() {
    }

    /** @throws ApiProblem 400 {@code period.invalid} naming the field {@code period} */
    public static ReportingPeriod parse(String period) {
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("period.invalid", e.getMessage()).withField("period", e.getMessage());
        }
    }
}
