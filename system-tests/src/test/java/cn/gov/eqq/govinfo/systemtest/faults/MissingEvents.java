package cn.gov.eqq.govinfo.systemtest.faults;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Explains ids that a read of a topic did not find, for whoever reads a failure: is the id in any record's raw text
 * (then the reading is wrong), in the broker's segment files (then the consumer missed it), and what the services'
 * logs say about it. Diagnostics only: it asserts nothing.
 */
final class MissingEvents {

    private MissingEvents() {
    }

    /** Prints what explains the ids of {@code inDatabases} that are not in {@code onTopic}, if any. */
    static void explain(Set<String> inDatabases, Set<String> onTopic, EventLog log, String topic) {
        Set<String> missing = new TreeSet<>(inDatabases);
        missing.removeAll(onTopic);
        if (!missing.isEmpty()) {
            System.out.print(explain(missing, log, topic, FaultStack.kafkaDir(), FaultStack.logDir()));
        }
    }

    static String explain(Collection<String> ids, EventLog log, String topic, Path kafkaDir, Path logDir) {
        StringBuilder out = new StringBuilder("[faults] not found on " + topic + ": " + ids + "\n");
        List<ConsumerRecord<String, String>> records = log.readAll(topic);
        out.append("  a raw read of ").append(topic).append(": ").append(records.size()).append(" records\n");
        for (String id : ids) {
            for (ConsumerRecord<String, String> record : records) {
                if ((record.value() != null && record.value().contains(id)) || id.equals(record.key())) {
                    out.append("  record ").append(record.partition()).append('@').append(record.offset())
                            .append(" key ").append(record.key()).append(": ").append(record.value()).append('\n');
                }
            }
            out.append("  segment files of ").append(topic).append(" holding ").append(id).append(": ")
                    .append(segmentsHolding(kafkaDir, topic, id)).append('\n');
            out.append("  log lines naming ").append(id).append(":\n");
            logLines(logDir, id).forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static List<String> segmentsHolding(Path kafkaDir, String topic, String id) {
        byte[] needle = id.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(kafkaDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")
                    && f.getParent().getFileName().toString().startsWith(topic + "-")).toList()) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(kafkaDir.relativize(file) + " (" + Files.size(file) + " bytes)");
                }
            }
        } catch (IOException e) {
            found.add("cannot read " + kafkaDir + ": " + e);
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> logLines(Path logDir, String id) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try (Stream<String> content = Files.lines(file, StandardCharsets.UTF_8)) {
                    content.filter(line -> line.contains(id)).limit(20)
                            .forEach(line -> lines.add(file.getFileName() + ": " + line));
                } catch (java.io.UncheckedIOException | IOException unreadable) {
                    lines.add(file.getFileName() + ": unreadable (" + unreadable + ")");
                }
            }
        } catch (IOException e) {
            lines.add("cannot list " + logDir + ": " + e);
        }
        return lines;
    }
}
