package cn.gov.eqq.govinfo.reporting.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2026-07}), quarter ({@code 2026-Q3}) or year ({@code 2026}) of the calendar in Beijing time,
 * written the way scoring names its ranking periods.
 */
public record ReportingPeriod(PeriodType type, int year, int number) {

    /** Periods are calendar periods in Asia/Shanghai (the notice's own calendar), whatever the server's zone. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public ReportingPeriod {
        Objects.requireNonNull(type, "type");
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (number < 1 || number > max) {
            throw new IllegalArgumentException("period number out of range: " + number);
        }
    }

    /** Parses {@code 2026-07}, {@code 2026-Q3} or {@code 2026}; throws {@link IllegalArgumentException} otherwise. */
    public static ReportingPeriod parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("期间不能为空");
        }
        String t = text.trim();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            return new ReportingPeriod(PeriodType.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            return new ReportingPeriod(PeriodType.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            return new ReportingPeriod(PeriodType.YEAR, Integer.parseInt(m.group(1)), 1);
        }
        throw new IllegalArgumentException("期间格式应为 2026-07、2026-Q3 或 2026：" + text);
    }

    public static ReportingPeriod month(int year, int month) {
        return new ReportingPeriod(PeriodType.MONTH, year, month);
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(PeriodType.QUARTER, year, quarter);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(PeriodType.YEAR, year, 1);
    }

    /** The month (Beijing calendar) in which an instant falls. */
    public static ReportingPeriod monthOf(Instant instant) {
        LocalDate d = instant.atZone(BEIJING).toLocalDate();
        return month(d.getYear(), d.getMonthValue());
    }

    public LocalDate firstDay() {
        return switch (type) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (type) {
            case MONTH -> firstDay().plusMonths(1);
            case QUARTER -> firstDay().plusMonths(3);
            case YEAR -> firstDay().plusYears(1);
        };
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(firstDay()) && date.isBefore(endExclusive());
    }

    /** Whether the instant falls in this period of the Beijing calendar. */
    public boolean contains(Instant instant) {
        return instant != null && contains(instant.atZone(BEIJING).toLocalDate());
    }

    /** The instant the period ends (Beijing midnight after its last day). */
    public Instant endInstant() {
        return endExclusive().atStartOfDay(BEIJING).toInstant();
    }

    public List<ReportingPeriod> months() {
        List<ReportingPeriod> result = new ArrayList<>();
        for (YearMonth ym = YearMonth.from(firstDay()); ym.isBefore(YearMonth.from(endExclusive())); ym = ym.plusMonths(1)) {
            result.add(month(ym.getYear(), ym.getMonthValue()));
        }
        return result;
    }

    /** The wire name used by scoring and in every URL. */
    public String code() {
        return switch (type) {
            case MONTH -> String.format("%04d-%02d", year, number);
            case QUARTER -> year + "-Q" + number;
            case YEAR -> Integer.toString(year);
        };
    }

    /** How a circular names the period: 2026年7月, 2026年第三季度, 2026年度. */
    public String chineseName() {
        return switch (type) {
            case MONTH -> year + "年" + number + "月";
            case QUARTER -> year + "年第" + "一二三四".charAt(number - 1) + "季度";
            case YEAR -> year + "年度";
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
