package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2026-07}), quarter ({@code 2026-Q3}) or year ({@code 2026}) of the Beijing calendar, as the
 * notice counts them, turned into the instants it covers: [from, to).
 */
public record ReportingPeriod(String name, Instant from, Instant to) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(0[1-9]|1[0-2])$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

    public static Optional<ReportingPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        Matcher m;
        if ((m = MONTH.matcher(s)).matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(between(s, ym.atDay(1), ym.plusMonths(1).atDay(1)));
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return Optional.of(between(s, start, start.plusMonths(3)));
        }
        if ((m = YEAR.matcher(s)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return Optional.of(between(s, start, start.plusYears(1)));
        }
        return Optional.empty();
    }

    public static ReportingPeriod monthOf(Instant instant) {
        YearMonth ym = YearMonth.from(instant.atZone(BEIJING));
        return parse(ym.toString()).orElseThrow();
    }

    /** The quarter ({@code 2026-Q3}) and the year ({@code 2026}) an instant lies in, Beijing time. */
    public static java.util.List<String> quarterAndYearOf(Instant instant) {
        YearMonth ym = YearMonth.from(instant.atZone(BEIJING));
        return java.util.List.of(ym.getYear() + "-Q" + ((ym.getMonthValue() - 1) / 3 + 1), String.valueOf(ym.getYear()));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    private static ReportingPeriod between(String name, LocalDate start, LocalDate end) {
        return new ReportingPeriod(name, start.atStartOfDay(BEIJING).toInstant(), end.atStartOfDay(BEIJING).toInstant());
    }
}
