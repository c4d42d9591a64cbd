package cn.gov.eqq.govinfo.contracts.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month, quarter or year of the Beijing calendar, written {@code 2026-07}, {@code 2026-Q3}, {@code 2026}: the
 * form every event, URL and snapshot key uses. The one period type of every service.
 *
 * @param index month 1–12, quarter 1–4, or 0 for a year
 */
public record ReportingPeriod(PeriodType type, int year, int index) implements Comparable<ReportingPeriod> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public ReportingPeriod {
        Objects.requireNonNull(type, "type");
        boolean valid = switch (type) {
            case MONTH -> index >= 1 && index <= 12;
            case QUARTER -> index >= 1 && index <= 4;
            case YEAR -> index == 0;
        };
        if (!valid || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("期间无效：" + type + " " + year + " " + index);
        }
    }

    public static ReportingPeriod month(int year, int month) {
        return new ReportingPeriod(PeriodType.MONTH, year, month);
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(PeriodType.QUARTER, year, quarter);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(PeriodType.YEAR, year, 0);
    }

    /** The month (Beijing calendar) an instant falls in: 00:30 on 1 August in Beijing is August. */
    public static ReportingPeriod monthOf(Instant instant) {
        return monthOf(BeijingTime.dateOf(instant));
    }

    public static ReportingPeriod monthOf(LocalDate beijingDate) {
        return month(beijingDate.getYear(), beijingDate.getMonthValue());
    }

    /**
     * Reads {@code 2026-07}, {@code 2026-Q3} or {@code 2026}.
     *
     * @throws IllegalArgumentException with a Chinese message when the text is not a period
     */
    public static ReportingPeriod parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "期间格式应为 2026-07（月）、2026-Q3（季度）或 2026（年度），收到：" + text));
    }

    /** Like {@link #parse}, empty when the text is not a period. */
    public static Optional<ReportingPeriod> tryParse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return Optional.of(month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = YEAR.matcher(t);
            if (m.matches()) {
                return Optional.of(year(Integer.parseInt(m.group(1))));
            }
        } catch (IllegalArgumentException e) {
            // a month 13 or a year 0123: not a period either
        }
        return Optional.empty();
    }

    public boolean isMonth() {
        return type == PeriodType.MONTH;
    }

    /** The month, its quarter and its year: the three periods a point of this month counts in. */
    public List<ReportingPeriod> withEnclosing() {
        requireMonth();
        return List.of(this, quarter(year, (index - 1) / 3 + 1), year(year));
    }

    /** The month after this one. */
    public ReportingPeriod next() {
        requireMonth();
        return monthOf(lastDay().plusDays(1));
    }

    /** The months this period is made of, in order. */
    public List<ReportingPeriod> months() {
        return switch (type) {
            case MONTH -> List.of(this);
            case QUARTER -> List.of(month(year, index * 3 - 2), month(year, index * 3 - 1), month(year, index * 3));
            case YEAR -> {
                List<ReportingPeriod> all = new ArrayList<>(12);
                for (int m = 1; m <= 12; m++) {
                    all.add(month(year, m));
                }
                yield all;
            }
        };
    }

    public boolean contains(ReportingPeriod other) {
        return !other.firstDay().isBefore(firstDay()) && !other.lastDay().isAfter(lastDay());
    }

    public boolean contains(LocalDate beijingDate) {
        return beijingDate != null && !beijingDate.isBefore(firstDay()) && !beijingDate.isAfter(lastDay());
    }

    /** Whether the instant falls in this period of the Beijing calendar. */
    public boolean contains(Instant instant) {
        return instant != null && contains(BeijingTime.dateOf(instant));
    }

    public LocalDate firstDay() {
        return switch (type) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, index * 3 - 2, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (type) {
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return lastDay().plusDays(1);
    }

    /** Beijing midnight at the start of the period. */
    public Instant startInstant() {
        return BeijingTime.startOf(firstDay());
    }

    /** Beijing midnight after the period's last day: the period is [startInstant, endInstant). */
    public Instant endInstant() {
        return BeijingTime.startOf(endExclusive());
    }

    /** The wire form: {@code 2026-07}, {@code 2026-Q3}, {@code 2026}. */
    public String code() {
        return switch (type) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    /** The name in tables and explanations: 2026年7月, 2026年第3季度, 2026年度. */
    public String label() {
        return switch (type) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + index + "季度";
            case YEAR -> year + "年度";
        };
    }

    /** The name in an official document (公文 write numbers in Chinese): 2026年7月, 2026年第三季度, 2026年度. */
    public String chineseName() {
        return switch (type) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + "一二三四".charAt(index - 1) + "季度";
            case YEAR -> year + "年度";
        };
    }

    private void requireMonth() {
        if (type != PeriodType.MONTH) {
            throw new IllegalStateException("not a month: " + this);
        }
    }

    /** By first day; a longer period before the shorter ones it starts with (the year, its Q1, then January). */
    @Override
    public int compareTo(ReportingPeriod o) {
        int c = firstDay().compareTo(o.firstDay());
        return c != 0 ? c : Integer.compare(o.type.ordinal(), type.ordinal());
    }

    @Override
    public String toString() {
        return code();
    }
}
