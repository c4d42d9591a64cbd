package cn.gov.eqq.govinfo.scoring.domain;

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
 * A month, quarter or year of the Beijing calendar. Written {@code 2026-07}, {@code 2026-Q3}, {@code 2026}.
 *
 * @param index month 1–12, quarter 1–4, or 0 for a year
 */
public record Period(PeriodType type, int year, int index) implements Comparable<Period> {

    /** Every period is cut in Beijing time: a submission at 00:30 on 1 August in Beijing counts in August. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Period {
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

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 0);
    }

    public static Period monthOf(Instant instant) {
        return monthOf(LocalDate.ofInstant(instant, BEIJING));
    }

    public static Period monthOf(LocalDate beijingDate) {
        return month(beijingDate.getYear(), beijingDate.getMonthValue());
    }

    public static LocalDate beijingDateOf(Instant instant) {
        return LocalDate.ofInstant(instant, BEIJING);
    }

    /**
     * Reads {@code 2026-07}, {@code 2026-Q3} or {@code 2026}.
     *
     * @throws IllegalArgumentException with a Chinese message when the text is not a period
     */
    public static Period parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = YEAR.matcher(t);
            if (m.matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("期间格式应为 2026-07（月）、2026-Q3（季度）或 2026（年度），收到：" + text);
    }

    /** The month, its quarter and its year: the three periods a point of this month counts in. */
    public List<Period> withEnclosing() {
        requireMonth();
        return List.of(this, quarter(year, (index - 1) / 3 + 1), year(year));
    }

    /** The month after this one. */
    public Period next() {
        requireMonth();
        return monthOf(lastDay().plusDays(1));
    }

    /** The months this period is made of, in order. */
    public List<Period> months() {
        return switch (type) {
            case MONTH -> List.of(this);
            case QUARTER -> List.of(month(year, index * 3 - 2), month(year, index * 3 - 1), month(year, index * 3));
            case YEAR -> {
                List<Period> all = new ArrayList<>(12);
                for (int m = 1; m <= 12; m++) {
                    all.add(month(year, m));
                }
                yield all;
            }
        };
    }

    public boolean contains(Period other) {
        return !other.firstDay().isBefore(firstDay()) && !other.lastDay().isAfter(lastDay());
    }

    public boolean contains(LocalDate beijingDate) {
        return !beijingDate.isBefore(firstDay()) && !beijingDate.isAfter(lastDay());
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

    /** Chinese name for people, e.g. 2026年7月, 2026年第3季度, 2026年度. */
    public String label() {
        return switch (type) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + index + "季度";
            case YEAR -> year + "年度";
        };
    }

    private void requireMonth() {
        if (type != PeriodType.MONTH) {
            throw new IllegalStateException("not a month: " + this);
        }
    }

    @Override
    public int compareTo(Period o) {
        int c = firstDay().compareTo(o.firstDay());
        return c != 0 ? c : Integer.compare(o.type.ordinal(), type.ordinal());
    }

    @Override
    public String toString() {
        return switch (type) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}
