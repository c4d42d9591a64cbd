package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.ImportProblem;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import as the room prepares it in Excel: a CSV file made from {@link #TEMPLATE}, one line per answer. A
 * commission's columns are repeated on each line of its answers (or left empty there); a line whose commission
 * columns differ from the line above begins the next commission; a commission without answers is one line with the
 * answer columns empty. Also tells where an error of the check lies, by line and column, or by commission number
 * for the JSON form.
 */
public final class PastCommissionFile {

    public static final List<String> COLUMNS = List.of("约稿编号", "约稿标题", "约稿要求", "约稿单位", "下达时间",
            "截止时间", "答复单位", "答复信息编号", "稿次", "答复时间", "是否采纳", "不采纳理由", "审核时间");
    /** The header and one example commission with two answers. */
    public static final String TEMPLATE = String.join(",", COLUMNS) + "\n"
            + ",一季度乡村振兴典型做法,800字以内，附典型案例,U006；U037,2026-03-01 09:00,2026-03-31 17:00,U006,"
            + "ITEM-示例-1,1,2026-03-31 16:30,是,,2026-04-02 09:00\n"
            + ",一季度乡村振兴典型做法,800字以内，附典型案例,U006；U037,2026-03-01 09:00,2026-03-31 17:00,U037,"
            + "ITEM-示例-2,2,2026-04-01 08:00,否,逾期且未附案例,2026-04-02 09:30\n";

    private static final int COMMISSION_COLUMNS = 6;
    private static final Map<String, String> HEADER_OF_FIELD = Map.ofEntries(Map.entry("id", "约稿编号"),
            Map.entry("title", "约稿标题"), Map.entry("requirements", "约稿要求"), Map.entry("targetUnitIds", "约稿单位"),
            Map.entry("issuedAt", "下达时间"), Map.entry("deadline", "截止时间"), Map.entry("unitId", "答复单位"),
            Map.entry("itemId", "答复信息编号"), Map.entry("revision", "稿次"), Map.entry("answeredAt", "答复时间"),
            Map.entry("accepted", "是否采纳"), Map.entry("reason", "不采纳理由"), Map.entry("judgedAt", "审核时间"));
    private static final Pattern WHERE = Pattern.compile("第(\\d+)条约稿(?:\\.答复第(\\d+)条)?(?:\\.(\\w+))?");
    private static final Pattern UNIT_SEPARATORS = Pattern.compile("[;；,，、\\s]+");

    /**
     * What was read: the commissions, the lines they came from ({@code lines.get(i)}: the commission's first line,
     * then one line per answer; empty for JSON) and the cells that could not be read.
     */
    public record Read(List<PastCommissionRow> commissions, List<List<Integer>> lines,
                       List<CommissionImportStore.RowError> problems) {

        /** Where an error of the check lies: by the file's line and column, or by the commission's number. */
        public CommissionImportStore.RowError locate(ImportProblem problem) {
            Matcher m = WHERE.matcher(problem.where());
            if (!m.matches()) {
                return new CommissionImportStore.RowError(0, "", problem.where(), problem.message());
            }
            int commission = Integer.parseInt(m.group(1));
            Integer answer = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            String field = m.group(3) == null ? "" : m.group(3);
            if (lines.isEmpty() || commission > lines.size()) {
                String column = (answer == null ? "" : "答复第" + answer + "条" + (field.isEmpty() ? "" : "."))
                        + field;
                return new CommissionImportStore.RowError(commission, column, problem.where(), problem.message());
            }
            List<Integer> at = lines.get(commission - 1);
            int line = answer != null && answer < at.size() ? at.get(answer) : at.get(0);
            String column = HEADER_OF_FIELD.getOrDefault(field, "");
            return new CommissionImportStore.RowError(line, column, "第" + line + "行" + (column.isEmpty() ? ""
                    : "." + column), problem.message());
        }
    }

    private PastCommissionFile() {
    }

    public static Read json(List<PastCommissionRow> commissions) {
        return new Read(commissions, List.of(), List.of());
    }

    public static Read csv(String text) {
        List<List<String>> table = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<CommissionImportStore.RowError> problems = new ArrayList<>();
        List<String[]> commissions = new ArrayList<>();
        List<List<PastCommissionRow.Answer>> answersOf = new ArrayList<>();
        List<List<Integer>> lines = new ArrayList<>();
        if (table.isEmpty()) {
            return new Read(List.of(), List.of(), List.of());
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip(), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new CommissionImportStore.RowError(1, "", "第1行", "表头缺少列：" + String.join("、", missing)
                    + "；请用“下载模板”得到的文件填写"));
            return new Read(List.of(), List.of(), problems);
        }
        String[] previous = null;
        for (int r = 1; r < table.size(); r++) {
            int line = r + 1;
            List<String> cells = table.get(r);
            String[] v = COLUMNS.stream().map(c -> cell(cells, index.get(c))).toArray(String[]::new);
            if (Arrays.stream(v).allMatch(String::isEmpty)) {
                continue;
            }
            String[] commission = Arrays.copyOf(v, COMMISSION_COLUMNS);
            boolean continues = previous != null && (Arrays.stream(commission).allMatch(String::isEmpty)
                    || Arrays.equals(commission, previous));
            if (!continues) {
                previous = commission;
                commissions.add(commission);
                answersOf.add(new ArrayList<>());
                lines.add(new ArrayList<>(List.of(line)));
            }
            if (Arrays.stream(v, COMMISSION_COLUMNS, v.length).allMatch(String::isEmpty)) {
                continue;
            }
            answersOf.get(answersOf.size() - 1).add(new PastCommissionRow.Answer(v[6], v[7], revision(v[8], line, problems), v[9],
                    accepted(v[10], line, problems), v[11], v[12]));
            lines.get(lines.size() - 1).add(line);
        }
        List<PastCommissionRow> read = new ArrayList<>();
        for (int i = 0; i < commissions.size(); i++) {
            String[] c = commissions.get(i);
            read.add(new PastCommissionRow(c[0], c[1], c[2],
                    c[3].isEmpty() ? List.of() : List.of(UNIT_SEPARATORS.split(c[3])), c[4], c[5], answersOf.get(i)));
        }
        return new Read(read, lines.stream().map(List::copyOf).toList(), problems);
    }

    private static Integer revision(String text, int line, List<CommissionImportStore.RowError> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new CommissionImportStore.RowError(line, "稿次", "第" + line + "行.稿次",
                    "稿次“" + text + "”须为数字，如 1"));
            return null;
        }
    }

    private static Boolean accepted(String text, int line, List<CommissionImportStore.RowError> problems) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "是", "采纳", "true" -> true;
            case "否", "不采纳", "false" -> false;
            default -> {
                problems.add(new CommissionImportStore.RowError(line, "是否采纳", "第" + line + "行.是否采纳",
                        "是否采纳“" + text + "”无法识别，请填“是”或“否”，未审核的留空"));
                yield null;
            }
        };
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    /** RFC 4180 as Excel writes it: quoted cells may hold commas, doubled quotes and line breaks. */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (!cell.isEmpty() || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
