package cn.gov.eqq.govinfo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: printed as a table and written to {@code target/results/} as Markdown and JSON. */
public final class Results {

    /** One figure: which benchmark, what, the value, its unit and a short note (target, limit). */
    public record Figure(String benchmark, String metric, double value, String unit, String note) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(String benchmark, String metric, double value, String unit, String note) {
        Figure f = new Figure(benchmark, metric, value, unit, note == null ? "" : note);
        figures.add(f);
        System.out.println("[benchmarks] " + row(f));
    }

    public synchronized void note(String text) {
        notes.add(text);
        System.out.println("[benchmarks] " + text);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | metric | value | unit | note |\n|---|---|---:|---|---|\n");
        figures.forEach(f -> sb.append(row(f)).append('\n'));
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String row(Figure f) {
        return "| " + f.benchmark() + " | " + f.metric() + " | " + format(f.value()) + " | " + f.unit() + " | "
                + f.note() + " |";
    }

    public synchronized String json() {
        StringBuilder sb = new StringBuilder("{\"figures\":[");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"benchmark\":").append(quote(f.benchmark()))
                    .append(",\"metric\":").append(quote(f.metric()))
                    .append(",\"value\":").append(Double.isFinite(f.value()) ? String.valueOf(f.value()) : "null")
                    .append(",\"unit\":").append(quote(f.unit()))
                    .append(",\"note\":").append(quote(f.note())).append('}');
        }
        sb.append("],\"notes\":[");
        for (int i = 0; i < notes.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(notes.get(i)));
        }
        return sb.append("]}").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Writes {@code results-<stamp>.md|json} and {@code latest.md|json} under the directory. */
    public synchronized void write(Path dir, String header) {
        try {
            Files.createDirectories(dir);
            String stamp = Instant.now().toString().replace(':', '-');
            String md = header + "\n\n" + table();
            Files.writeString(dir.resolve("results-" + stamp + ".md"), md);
            Files.writeString(dir.resolve("results-" + stamp + ".json"), json());
            Files.writeString(dir.resolve("latest.md"), md);
            Files.writeString(dir.resolve("latest.json"), json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
