package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpRequest;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Reads a spreadsheet of past records and checks every line before anything is written: all lines are good, or
 * the import is refused with the list of problems (all-or-nothing). A line repeated in the file counts once. A line
 * naming by {@code item_id} an item not yet received here is good: it waits for the item ({@link PlannedRow#waiting}).
 */
public record ImportPlan(List<PlannedRow> rows, List<RowProblem> problems, int duplicateLinesInFile) {

    static final int PROGRESS_EVERY = 500;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");

    public ImportPlan {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean acceptable() {
        return problems.isEmpty() && !rows.isEmpty();
    }

    /** Fingerprint of the whole set of lines, whatever their order: the same file gives the same batch id. */
    public String batchFingerprint() {
        List<String> keys = rows.stream().map(PlannedRow::importKey).sorted().toList();
        return sha256(String.join("\n", keys));
    }

    /** A file that could not be read as a table at all: its one problem, on the line where reading stopped. */
    public static ImportPlan unreadable(int line, String message) {
        return new ImportPlan(List.of(), List.of(new RowProblem(line, "import.unreadable", message)), 0);
    }

    /** Checks the rows of an uploaded table (the header first) against the template and the items known. */
    public static ImportPlan read(List<SheetRow> table, ItemDirectory directory, LocalDate today) {
        return read(table, directory, today, checked -> { });
    }

    /**
     * As {@link #read(List, ItemDirectory, LocalDate)}, telling {@code progress} every {@value #PROGRESS_EVERY} lines
     * how many have been checked (a long check shows its progress and keeps its lease).
     */
    public static ImportPlan read(List<SheetRow> table, ItemDirectory directory, LocalDate today,
                                  IntConsumer progress) {
        if (table.isEmpty()) {
            return new ImportPlan(List.of(), List.of(new RowProblem(1, "import.empty", "文件为空，请按模板填写")), 0);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = table.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<RowProblem> problems = new ArrayList<>();
        for (String required : ImportTemplate.REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                problems.add(new RowProblem(1, "import.missing-column", "表头缺少列：" + required));
            }
        }
        if (!columns.containsKey("item_id") && !(columns.containsKey("unit") && columns.containsKey("title"))) {
            problems.add(new RowProblem(1, "import.missing-column", "表头须有 item_id 列，或同时有 unit 和 title 列"));
        }
        if (!problems.isEmpty()) {
            return new ImportPlan(List.of(), problems, 0);
        }
        if (table.size() == 1) {
            return new ImportPlan(List.of(), List.of(new RowProblem(1, "import.empty", "文件只有表头，没有记录")), 0);
        }
        Map<String, PlannedRow> planned = new LinkedHashMap<>();
        int duplicates = 0;
        int checked = 0;
        for (SheetRow row : table.subList(1, table.size())) {
            if (++checked % PROGRESS_EVERY == 0) {
                progress.accept(checked);
            }
            Cells cells = new Cells(columns, row.cells());
            try {
                PlannedRow p = readRow(row.line(), cells, directory, today);
                if (planned.putIfAbsent(p.importKey(), p) != null) {
                    duplicates++;
                }
            } catch (AdoptionRuleViolation v) {
                problems.add(new RowProblem(row.line(), v.code(), "第 " + row.line() + " 行：" + v.getMessage()));
            }
        }
        return new ImportPlan(List.copyOf(planned.values()), problems, duplicates);
    }

    private static PlannedRow readRow(int line, Cells cells, ItemDirectory directory, LocalDate today) {
        String itemId = matchItem(cells, directory);
        Optional<ItemFacts> facts = directory.item(itemId);
        if (facts.isPresent() && facts.get().voided()) {
            throw new AdoptionRuleViolation("item.voided", "信息 " + itemId + " 已作废，不能登记采用或批示");
        }
        boolean waiting = facts.isEmpty() || !facts.get().received();
        String kindText = cells.get("kind");
        AdoptionKind kind = AdoptionKind.parse(kindText).orElseThrow(() -> new AdoptionRuleViolation(
                "import.unknown-kind", "无法识别的类型：" + (kindText.isEmpty() ? "（空）" : kindText)));
        LocalDate date = date(cells.get("date"), "日期");
        FollowUpRequest followUp = null;
        if (!cells.get("follow_up_action").isEmpty() || !cells.get("follow_up_due").isEmpty()) {
            followUp = new FollowUpRequest(cells.get("follow_up_action"), date(cells.get("follow_up_due"), "落实期限"));
        }
        RecordContent content = new RecordContent(kind, cells.get("publication"), cells.get("issue_no"), date,
                cells.get("leader"), cells.get("text"), followUp);
        content.validate(today);
        String key = sha256(String.join("\u001f", itemId, kind.name(), nz(content.publication()),
                nz(content.issueNo()), date.toString(), nz(content.leader()), nz(content.text())));
        return new PlannedRow(line, itemId, content, key, waiting);
    }

    private static String matchItem(Cells cells, ItemDirectory directory) {
        String itemId = cells.get("item_id");
        if (!itemId.isEmpty()) {
            // an item not yet heard of is waited for: the imports of items and of their records may come in any order
            return itemId;
        }
        String unit = cells.get("unit");
        String title = cells.get("title");
        if (unit.isEmpty() || title.isEmpty()) {
            throw new AdoptionRuleViolation("import.no-item-reference", "须填写 item_id，或同时填写 unit 和 title");
        }
        Optional<String> unitId = directory.unitId(unit);
        if (unitId.isEmpty()) {
            throw new AdoptionRuleViolation("import.no-such-unit", "找不到报送单位：" + unit);
        }
        List<String> matches = directory.itemsOf(unitId.get(), title);
        if (matches.isEmpty()) {
            throw new AdoptionRuleViolation("import.no-matching-item", "找不到 " + unit + " 标题为《" + title
                    + "》的信息（尚未接收的信息请填写 item_id，导入后等待其接收）");
        }
        if (matches.size() > 1) {
            throw new AdoptionRuleViolation("import.ambiguous-item",
                    unit + " 有 " + matches.size() + " 条标题为《" + title + "》的信息，请填写 item_id：" + matches);
        }
        return matches.get(0);
    }

    private static LocalDate date(String text, String what) {
        if (text.isEmpty()) {
            throw new AdoptionRuleViolation("import.date-required", "请填写" + what);
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next spelling
            }
        }
        throw new AdoptionRuleViolation("import.bad-date", what + "格式不对（应为 2026-07-15）：" + text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cells(Map<String, Integer> columns, List<String> values) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= values.size()) {
                return "";
            }
            return values.get(i).strip();
        }
    }
}
