package cn.gov.eqq.govinfo.systemtest.upgrade;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Compares two captures of {@link SystemAnswers}: the same files, every DOCX and XLSX byte for byte, every JSON answer
 * equal. In the JSON answers only the bookkeeping of the ranking snapshots is left out ({@link #BOOKKEEPING}): how
 * many snapshots scoring had published and when it computed and reporting received the newest, which a restart
 * may advance (scoring re-publishes the month that ended while it was down) without changing a figure.
 */
final class AnswerComparison {

    static final Set<String> BOOKKEEPING = Set.of("snapshotVersion", "lastSnapshotVersion", "computedAt", "keptAt");

    private AnswerComparison() {
    }

    /**
     * @param renderedWithTheClock the expected files come from a release that stamped the time of the download into
     *                             each DOCX/XLSX (zip entry times, the package's creation date) and listed the
     *                             counts per category and topic in a per-JVM order: compare their parts, with those
     *                             stamps left out and those counts in key order, instead of their bytes
     */
    static List<String> differences(Path expected, Path actual, boolean renderedWithTheClock) {
        List<String> differences = new ArrayList<>();
        Map<String, Path> want = files(expected);
        Map<String, Path> got = files(actual);
        for (String name : got.keySet()) {
            if (!want.containsKey(name)) {
                differences.add(name + ": answered now, not before");
            }
        }
        want.forEach((name, file) -> {
            Path other = got.get(name);
            if (other == null) {
                differences.add(name + ": answered before, not now");
                return;
            }
            byte[] a = read(file);
            byte[] b = read(other);
            if (name.endsWith(".json")) {
                JsonNode before = withoutBookkeeping(Api.JSON.readTree(a));
                JsonNode now = withoutBookkeeping(Api.JSON.readTree(b));
                // across releases an answer may gain fields (a later release adds, never changes or drops); between
                // two systems of one release it must be the same
                if (renderedWithTheClock ? !answersEverythingOf(before, now) : !before.equals(now)) {
                    differences.add(name + ": differs\n  before: " + text(a) + "\n  now:    " + text(b));
                }
            } else if (!Arrays.equals(a, b)) {
                if (!renderedWithTheClock) {
                    differences.add(name + ": not byte-identical (" + a.length + " / " + b.length + " bytes)");
                } else {
                    String partDifference = partDifference(a, b);
                    if (partDifference != null) {
                        differences.add(name + ": " + partDifference);
                    }
                }
            }
        });
        return differences;
    }

    /**
     * Every field of {@code before} is in {@code now} with an equal value (recursively); arrays keep their length and
     * order. Fields only {@code now} has are allowed: what a later release adds to an answer.
     */
    static boolean answersEverythingOf(JsonNode before, JsonNode now) {
        if (before.isObject()) {
            if (!now.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : before.properties()) {
                JsonNode other = now.get(field.getKey());
                if (other == null || !answersEverythingOf(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (before.isArray()) {
            if (!now.isArray() || before.size() != now.size()) {
                return false;
            }
            for (int i = 0; i < before.size(); i++) {
                if (!answersEverythingOf(before.get(i), now.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return before.equals(now);
    }

    /** The first part of two OOXML packages that differs (entry times and the creation stamp left out), or null. */
    static String partDifference(byte[] a, byte[] b) {
        Map<String, byte[]> left = parts(a);
        Map<String, byte[]> right = parts(b);
        if (!left.keySet().equals(right.keySet())) {
            return "different parts " + left.keySet() + " / " + right.keySet();
        }
        for (String part : left.keySet()) {
            if (!Arrays.equals(left.get(part), right.get(part))) {
                return "part " + part + " differs";
            }
        }
        return null;
    }

    private static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    content = inKeyOrder(content);
                }
                if (e.getName().equals("docProps/core.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceAll("<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\\1>", "")
                            .getBytes(StandardCharsets.UTF_8);
                }
                parts.put(e.getName(), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static final Pattern COUNTS = Pattern.compile("<t>([A-Z_]+:\\d+(?: [A-Z_]+:\\d+)+)</t>");

    /**
     * The earlier release wrote a unit's items per category and per topic ("DYNAMIC:2 BRIEF:1") in the iteration
     * order of an immutable map, which changes with every start of the JVM; the current one writes them in key order.
     */
    private static byte[] inKeyOrder(byte[] sheet) {
        Matcher m = COUNTS.matcher(new String(sheet, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "<t>" + Arrays.stream(m.group(1).split(" ")).sorted()
                    .collect(Collectors.joining(" ")) + "</t>");
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode withoutBookkeeping(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(BOOKKEEPING);
            object.properties().forEach(e -> withoutBookkeeping(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(AnswerComparison::withoutBookkeeping);
        }
        return node;
    }

    private static Map<String, Path> files(Path dir) {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] json) {
        String t = new String(json, StandardCharsets.UTF_8);
        return t.length() > 600 ? t.substring(0, 600) + "…" : t;
    }
}
