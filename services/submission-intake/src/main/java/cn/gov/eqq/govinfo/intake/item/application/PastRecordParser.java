package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemValidation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import java.time.YearMonth;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the room's spreadsheet of past items (CSV, the documented template) and checks every row before anything
 * is written. Times without a zone are Beijing time. Each row gets an id derived from unit, title and submission
 * time, so the same record imported twice is the same item.
 */
public final class PastRecordParser {

    public static final List<String> COLUMNS = List.of("unit", "title", "category", "submitted_at", "outcome",
            "decided_at", "forwarded_at", "major_emergency", "topics", "void_reason", "body");
    public static final String TEMPLATE = String.join(",", COLUMNS) + "\n"
            + "U006,我旗召开2025年政务信息工作推进会,动态类,2025-03-05 10:30,已接收,2025-03-06 09:00,2025-03-07,否,"
            + "深化改革;民生改善,,\n"
            + "城川镇,草原生态保护补助发放情况,动态类,2025-04-01,作废,2025-04-02,,否,,与U006信息重复,\n";

    /** The unit column's names: {@code unit} (name or id), and the earlier template's {@code unit_id}. */
    static final List<String> UNIT_COLUMNS = List.of("unit", "unit_id", "unit_name", "单位");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("unit", "单位"), Map.entry("unit_id", "单位"), Map.entry("unit_name", "单位"),
            Map.entry("单位", "单位"), Map.entry("title", "标题"), Map.entry("category", "类别"),
            Map.entry("submitted_at", "报送时间"), Map.entry("outcome", "处理结果"), Map.entry("decided_at", "处理时间"),
            Map.entry("forwarded_at", "转报市政府时间"), Map.entry("major_emergency", "重大紧急类"),
            Map.entry("topics", "报送重点"), Map.entry("void_reason", "作废理由"), Map.entry("body", "正文"));
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One checked row. {@code row} is the 1-based line number in the file (the header is line 1). */
    public record PastRecord(int row, String itemId, String unitId, String title, String body, Category category,
                             Instant submittedAt, Item.PastOutcome outcome, Instant decidedAt, Instant forwardedAt,
                             boolean majorEmergency, List<FocusTopic> topics, String voidReason) {
    }

    /** A problem in one cell: row number (as the spreadsheet shows it), column name, Chinese message. */
    public record CellError(int row, String column, String message) {
    }

    /**
     * @param records the good rows
     * @param checked the data rows read
     * @param units   how each unit cell was read (the cell as written → unit id), so that a committed file is read
     *                the same way later, whatever was renamed meanwhile
     */
    public record Result(List<PastRecord> records, List<CellError> errors, Map<String, String> units, int checked) {
        Result(List<PastRecord> records, List<CellError> errors) {
            this(records, errors, Map.of(), 0);
        }
    }

    /**
     * How the rows are checked. A file being committed is checked against the unit directory, each row's month
     * against the unit's membership; a committed file is read again only to be written, with the units as read at
     * its commit ({@code committedUnits}) and no check of membership (the commit has decided).
     *
     * @param units          the unit directory
     * @param committedUnits the unit cells as read at the commit, or null for a file not yet committed
     * @param onChecked      told the number of rows checked so far, now and then
     */
    public record Check(Collection<Unit> units, Map<String, String> committedUnits, Instant now, IntConsumer onChecked) {
        public static Check beforeCommit(Collection<Unit> units, Instant now, IntConsumer onChecked) {
            return new Check(units, null, now, onChecked);
        }

        public static Check committed(Collection<Unit> units, Map<String, String> committedUnits, Instant now) {
            return new Check(units, committedUnits, now, n -> {
            });
        }
    }

    private static final int PROGRESS_EVERY = 500;

    private PastRecordParser() {
    }

    public static Result parse(String text, Check check) {
        Instant now = check.now();
        List<CellError> errors = new ArrayList<>();
        List<PastRecord> records = new ArrayList<>();
        List<List<String>> lines;
        try {
            lines = Csv.parse(text);
        } catch (Csv.Unreadable e) {
            errors.add(new CellError(e.line, "", e.getMessage()));
            return new Result(records, errors);
        }
        if (lines.isEmpty()) {
            errors.add(new CellError(1, "", "文件为空：第一行应为表头 " + String.join(",", COLUMNS)));
            return new Result(records, errors);
        }
        List<String> header = lines.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        String unitColumn = UNIT_COLUMNS.stream().filter(index::containsKey).findFirst().orElse(null);
        if (unitColumn == null) {
            errors.add(new CellError(1, "unit", "表头缺少必需的列「单位」(unit，填写单位名称或编号)"));
        }
        for (String required : List.of("title", "category", "submitted_at", "outcome")) {
            if (!index.containsKey(required)) {
                errors.add(new CellError(1, required, "表头缺少必需的列「" + LABELS.get(required) + "」(" + required + ")"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(records, errors);
        }
        UnitCells unitCells = new UnitCells(check);
        Map<String, Integer> seenIds = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            int row = n + 1;
            List<String> cells = lines.get(n);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (n % PROGRESS_EVERY == 0) {
                check.onChecked().accept(n);
            }
            Row r = new Row(row, cells, index, errors);
            Unit unit = unitCells.read(r, unitColumn);
            String unitId = unit == null ? null : unit.id();
            String title = r.required("title");
            if (title != null && title.codePointCount(0, title.length()) > ItemValidation.MAX_TITLE) {
                r.error("title", "标题不能超过" + ItemValidation.MAX_TITLE + "字");
            }
            Category category = r.category();
            Instant submittedAt = r.time("submitted_at", true);
            if (submittedAt != null && submittedAt.isAfter(now)) {
                r.error("submitted_at", "报送时间不能晚于现在");
            } else if (submittedAt != null && unit != null && check.committedUnits() == null) {
                YearMonth month = YearMonth.from(BeijingTime.of(submittedAt));
                if (unit.groupIn(month).isEmpty()) {
                    r.error(unitColumn, "单位「" + unit.name() + "」（" + unit.id() + "）" + month.getYear() + "年"
                            + month.getMonthValue() + "月不是任何分组的成员（成员期间：" + unit.membershipLabel()
                            + "），不能导入该月报送的信息");
                }
            }
            Item.PastOutcome outcome = r.outcome();
            Instant decidedAt = r.time("decided_at", false);
            if (decidedAt != null && submittedAt != null && decidedAt.isBefore(submittedAt)) {
                r.error("decided_at", "处理时间不能早于报送时间");
            }
            Instant forwardedAt = r.time("forwarded_at", false);
            if (forwardedAt != null && outcome == Item.PastOutcome.VOIDED) {
                r.error("forwarded_at", "已作废的信息不能有转报时间");
            }
            Instant decided = decidedAt != null ? decidedAt : submittedAt;
            if (forwardedAt != null && decided != null && forwardedAt.isBefore(decided)
                    && !forwardedAt.equals(startOfDay(decided))) {
                r.error("forwarded_at", "转报时间不能早于接收时间");
            }
            String voidReason = r.optional("void_reason");
            if (outcome == Item.PastOutcome.VOIDED && voidReason == null) {
                r.error("void_reason", "作废的信息必须填写作废理由");
            }
            boolean majorEmergency = r.flag("major_emergency");
            List<FocusTopic> topics = r.topics();
            if (r.clean()) {
                String id = idOf(unitId, title, submittedAt);
                Integer earlier = seenIds.putIfAbsent(id, row);
                if (earlier != null) {
                    r.error("title", "与第 " + earlier + " 行是同一条信息（单位、标题、报送时间相同）");
                } else {
                    records.add(new PastRecord(row, id, unitId, title, r.optional("body"), category, submittedAt,
                            outcome, decided, forwardedAt, majorEmergency, topics, voidReason));
                }
            }
        }
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(new CellError(2, "", "文件中没有数据行"));
        }
        check.onChecked().accept(lines.size() - 1);
        return new Result(records, errors, unitCells.read, lines.size() - 1);
    }

    /**
     * Reads the unit cell: a unit id (U006) or the unit's name as the directory has it now. A name two units share
     * needs the id. A committed file reads each cell as it was read at its commit.
     */
    private static final class UnitCells {
        private final Map<String, Unit> byId = new HashMap<>();
        private final Map<String, List<Unit>> byName = new HashMap<>();
        private final Map<String, String> committed;
        final Map<String, String> read = new HashMap<>();

        UnitCells(Check check) {
            for (Unit u : check.units()) {
                byId.put(u.id(), u);
                if (u.name() != null) {
                    byName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
                }
            }
            this.committed = check.committedUnits();
        }

        Unit read(Row r, String column) {
            String cell = r.required(column);
            if (cell == null) {
                return null;
            }
            String id = committed != null ? committed.get(cell) : null;
            Unit unit = id != null ? byId.get(id) : byId.get(cell.toUpperCase(Locale.ROOT));
            if (unit == null) {
                List<Unit> named = byName.getOrDefault(cell, List.of());
                if (named.size() > 1) {
                    r.error(column, "有 " + named.size() + " 个单位名为「" + cell + "」（" + named.stream().map(Unit::id)
                            .sorted().collect(Collectors.joining("、")) + "），请填写单位编号");
                    return null;
                }
                unit = named.isEmpty() ? null : named.get(0);
            }
            if (unit == null) {
                r.error(column, "「" + cell + "」不在单位目录中（请填写单位名称或编号，如 城川镇 或 U003）");
                return null;
            }
            read.put(cell, unit.id());
            return unit;
        }
    }

    /** Same unit, title and submission time: the same item, whichever file it comes from. */
    static String idOf(String unitId, String title, Instant submittedAt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((unitId + "|" + title + "|" + submittedAt).getBytes(StandardCharsets.UTF_8));
            return "IMP-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant startOfDay(Instant instant) {
        return BeijingTime.startOf(BeijingTime.dateOf(instant));
    }

    /** One data row with its error sink. */
    private static final class Row {
        private final int row;
        private final List<String> cells;
        private final Map<String, Integer> index;
        private final List<CellError> errors;
        private boolean clean = true;

        Row(int row, List<String> cells, Map<String, Integer> index, List<CellError> errors) {
            this.row = row;
            this.cells = cells;
            this.index = index;
            this.errors = errors;
        }

        boolean clean() {
            return clean;
        }

        void error(String column, String message) {
            clean = false;
            errors.add(new CellError(row, column, "第" + row + "行「" + LABELS.get(column) + "」：" + message));
        }

        String optional(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        String required(String column) {
            String v = optional(column);
            if (v == null) {
                error(column, "不能为空");
            }
            return v;
        }

        Category category() {
            String v = required("category");
            if (v == null) {
                return null;
            }
            for (Category c : Category.values()) {
                if (c.name().equalsIgnoreCase(v) || c.label().equals(v)) {
                    return c;
                }
            }
            error("category", "「" + v + "」不是有效类别（简讯类、动态类、综合类、问题类、调研报告）");
            return null;
        }

        Item.PastOutcome outcome() {
            String v = required("outcome");
            if (v == null) {
                return null;
            }
            switch (v.toUpperCase(Locale.ROOT)) {
                case "RECEIVED", "接收", "已接收":
                    return Item.PastOutcome.RECEIVED;
                case "VOIDED", "作废", "已作废":
                    return Item.PastOutcome.VOIDED;
                default:
                    error("outcome", "「" + v + "」无效，应为 RECEIVED（已接收）或 VOIDED（已作废）");
                    return null;
            }
        }

        Instant time(String column, boolean required) {
            String v = required ? required(column) : optional(column);
            if (v == null) {
                return null;
            }
            try {
                if (v.endsWith("Z") || v.contains("+")) {
                    return Instant.parse(v);
                }
                if (v.length() == 10) {
                    return BeijingTime.startOf(LocalDate.parse(v));
                }
                DateTimeFormatter f = v.length() == 16 ? MINUTES : SECONDS;
                return BeijingTime.toInstant(LocalDateTime.parse(v.replace('T', ' '), f));
            } catch (DateTimeParseException e) {
                error(column, "「" + v + "」不是有效时间，应为 2025-03-05 或 2025-03-05 10:30（北京时间）");
                return null;
            }
        }

        boolean flag(String column) {
            String v = optional(column);
            if (v == null) {
                return false;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "是", "true", "1", "y", "yes":
                    return true;
                case "否", "false", "0", "n", "no":
                    return false;
                default:
                    error(column, "「" + v + "」无效，应为 是 或 否");
                    return false;
            }
        }

        List<FocusTopic> topics() {
            String v = optional("topics");
            if (v == null) {
                return List.of();
            }
            Set<FocusTopic> topics = new LinkedHashSet<>();
            for (String part : v.split("[;；、|]")) {
                String t = part.strip();
                if (t.isEmpty()) {
                    continue;
                }
                FocusTopic found = null;
                for (FocusTopic topic : FocusTopic.values()) {
                    if (topic.name().equalsIgnoreCase(t) || topic.label().equals(t)) {
                        found = topic;
                    }
                }
                if (found == null) {
                    error("topics", "「" + t + "」不是有效的报送重点");
                } else {
                    topics.add(found);
                }
            }
            return List.copyOf(topics);
        }
    }

    /**
     * RFC 4180 CSV as Excel and WPS save it (Apache Commons CSV): quoted fields may hold commas, quotes ("") and
     * line breaks; a UTF-8 byte-order mark is ignored; an empty line stays a row, so row n is line n of a file
     * without line breaks inside cells.
     */
    static final class Csv {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180
                .builder().setIgnoreEmptyLines(false).get();

        /** The file is not CSV at all from {@code line} on (a quote that never closes). */
        static final class Unreadable extends RuntimeException {
            final int line;

            Unreadable(int line) {
                super("第 " + line + " 行起无法按 CSV 读取：引号没有闭合");
                this.line = line;
            }
        }

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
            List<List<String>> rows = new ArrayList<>();
            try (var parser = CSVParser.parse(new StringReader(csv), FORMAT)) {
                var records = parser.iterator();
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    try {
                        if (!records.hasNext()) {
                            return rows;
                        }
                        rows.add(records.next().toList());
                    } catch (UncheckedIOException e) {
                        throw new Unreadable((int) line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
