package cn.gov.eqq.govinfo.reporting.shared.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters read the same way by every controller, with Chinese 400 problems for bad input. */
public final class Params {

    public static final int MAX_PAGE_SIZE = 200;

    /** The years a period of this service may name: rankings and circulars exist for these only. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2999;

    public static ReportingPeriod period(String text) {
        try {
            ReportingPeriod period = ReportingPeriod.parse(text);
            if (period.year() < FIRST_YEAR || period.year() > LAST_YEAR) {
                throw new IllegalArgumentException("year out of range: " + period.year());
            }
            return period;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("period.invalid", "期间格式应为 2026-07（月）、2026-Q3（季度）或 2026（年度）")
                    .withField("period", "无法识别的期间：" + text);
        }
    }

    public static int group(int group) {
        if (group < 1 || group > 9) {
            throw ApiProblem.badRequest("group.invalid", "组别应为 1、2 或 3").withField("group", "无效的组别：" + group);
        }
        return group;
    }

    public static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant(); // Z or an offset such as +08:00
        } catch (DateTimeParseException e) {
            if (text.matches(".*T\\S* \\d{2}:?\\d{2}$")) {
                // an unencoded "+" in a query string arrives as a space
                throw ApiProblem.badRequest("time.plus-not-encoded",
                                "时间中的时区偏移 + 须在网址中编码为 %2B，如 2026-10-01T08:00:00%2B08:00，或改用 UTC（Z）")
                        .withField(name, "时区偏移前的 + 未编码：" + text);
            }
            throw ApiProblem.badRequest("time.invalid",
                            "时间应为 ISO-8601 格式，如 2026-10-01T00:00:00Z 或 2026-10-01T08:00:00+08:00（+ 编码为 %2B）")
                    .withField(name, "无法识别的时间：" + text);
        }
    }

    public static void paging(int page, int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("page.invalid", "页码从 0 开始").withField("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("size.invalid", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间")
                    .withField("size", "无效的每页条数：" + size);
        }
    }

    private Params() {
    }
}
