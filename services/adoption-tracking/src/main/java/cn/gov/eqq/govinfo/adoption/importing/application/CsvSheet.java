package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.SheetRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file (RFC 4180, as Excel and WPS save it) into rows with Apache Commons CSV. A UTF-8
 * byte-order mark is ignored; blank rows are dropped (empty lines are read as rows, so that the line each row
 * starts on stays right).
 */
final class CsvSheet {

    /** The file is not readable as CSV at all (e.g. a quote that never closes). */
    static final class Unreadable extends RuntimeException {
        private final int line;

        Unreadable(int line, String message) {
            super("第 " + line + " 行：" + message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSheet() {
    }

    static List<SheetRow> read(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            long nextLine = 1;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw new Unreadable((int) nextLine, "无法按 CSV 读取（引号没有闭合，或引号不在单元格开头）");
                }
                List<String> cells = record.toList();
                int start = (int) nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new SheetRow(start, cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
