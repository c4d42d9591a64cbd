package cn.gov.eqq.govinfo.adoption.importing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma separated, double quotes around fields that hold commas, quotes or line breaks,
 * {@code ""} for a quote inside. A UTF-8 byte-order mark (Excel writes one) is ignored. Each row keeps the line
 * number it started on so problems can name it.
 */
public final class CsvTable {

    public record Row(int line, List<String> cells) {
    }

    private CsvTable() {
    }

    public static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (cellStarted && !cell.isEmpty()) {
                        throw new CsvFormatException(line, "引号只能出现在单元格开头");
                    }
                    quoted = true;
                    cellStarted = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = true;
                }
                case '\r' -> {
                    // CRLF: the \n ends the row
                }
                case '\n' -> {
                    cells.add(cell.toString());
                    addRow(rows, rowStart, cells);
                    cells = new ArrayList<>();
                    cell.setLength(0);
                    cellStarted = false;
                    line++;
                    rowStart = line;
                }
                default -> {
                    cell.append(ch);
                    cellStarted = true;
                }
            }
        }
        if (quoted) {
            throw new CsvFormatException(rowStart, "引号没有闭合");
        }
        if (cellStarted || !cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRow(rows, rowStart, cells);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        boolean blank = cells.stream().allMatch(String::isBlank);
        if (!blank) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }

    /** The file is not readable as CSV at all. */
    public static class CsvFormatException extends RuntimeException {
        private final int line;

        public CsvFormatException(int line, String message) {
            super("第 " + line + " 行：" + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
