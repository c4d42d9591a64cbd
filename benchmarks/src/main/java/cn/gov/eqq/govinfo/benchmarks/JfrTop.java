package cn.gov.eqq.govinfo.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the time went in a JFR recording: execution samples aggregated by top frame and by the first project
 * frame ({@code cn.gov.eqq.govinfo}) on the stack, with the share of all samples.
 */
final class JfrTop {

    private JfrTop() {
    }

    static String summary(Path recording, int top) throws IOException {
        Map<String, Integer> byTop = new HashMap<>();
        Map<String, Integer> byProject = new HashMap<>();
        Map<String, Integer> byPackage = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = st.getFrames();
            byTop.merge(name(frames.get(0)), 1, Integer::sum);
            byPackage.merge(pkg(frames.get(0)), 1, Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("cn.gov.eqq.govinfo"))
                    .findFirst().ifPresent(f -> byProject.merge(name(f), 1, Integer::sum));
        }
        StringBuilder sb = new StringBuilder("JFR " + recording.getFileName() + ": " + total + " execution samples\n");
        append(sb, "top frames", byTop, total, top);
        append(sb, "top frame packages", byPackage, total, top);
        append(sb, "first project frame on the stack (inclusive)", byProject, total, top);
        return sb.toString();
    }

    static List<Path> recordings(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
    }

    private static void append(StringBuilder sb, String title, Map<String, Integer> counts, int total, int top) {
        sb.append("  ").append(title).append(":\n");
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        sorted.forEach((k, v) -> sb.append(String.format("    %5.1f%%  %s%n", 100.0 * v / Math.max(1, total), k)));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String pkg(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
