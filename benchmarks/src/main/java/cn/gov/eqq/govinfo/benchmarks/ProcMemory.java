package cn.gov.eqq.govinfo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resident memory of a process and its descendants from Linux {@code /proc}: {@code VmRSS} (now) and {@code VmHWM}
 * (the high-water mark since start), and what a process is, from its command line.
 */
final class ProcMemory {

    /** Kilobytes resident now and at most; both summed over the process and its descendants. */
    record Resident(long rssKb, long hwmKb) {
        Resident plus(Resident other) {
            return new Resident(rssKb + other.rssKb, hwmKb + other.hwmKb);
        }

        double rssMb() {
            return rssKb / 1024.0;
        }

        double hwmMb() {
            return hwmKb / 1024.0;
        }
    }

    static final Resident NONE = new Resident(0, 0);

    private static final Pattern USED = Pattern.compile("(?m)generation\\s+total (\\d+)K, used (\\d+)K");

    private ProcMemory() {
    }

    /** The process and every descendant (e.g. the JVM a launcher script started); NONE if it is gone. */
    static Resident ofTree(long pid) {
        Resident sum = of(pid);
        for (long child : children(pid)) {
            sum = sum.plus(ofTree(child));
        }
        return sum;
    }

    static Resident of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc/" + pid + "/status")));
        } catch (IOException e) {
            return NONE;
        }
    }

    /** {@code VmRSS} and {@code VmHWM} of a {@code /proc/<pid>/status} text (kB); 0 where absent. */
    static Resident parse(String status) {
        long rss = 0;
        long hwm = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new Resident(rss, hwm);
    }

    /** The command line, arguments separated by spaces; empty if the process is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Kafka, Keycloak or Redis by its command line; null for anything else. */
    static String infrastructureName(String commandLine) {
        if (commandLine.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (commandLine.contains("keycloak") || commandLine.contains("kc.sh")) {
            return "Keycloak";
        }
        if (commandLine.contains("redis-server")) {
            return "Redis";
        }
        return null;
    }

    /**
     * Heap in use of a HotSpot JVM with the serial (or parallel) collector, in kB, from {@code jcmd <pid>
     * GC.heap_info}: the sum of the generations' {@code used}; -1 when it cannot be read.
     */
    static long heapUsedKb(long pid) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return heapUsedKb(out);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static long heapUsedKb(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        long used = 0;
        boolean any = false;
        while (m.find()) {
            used += Long.parseLong(m.group(2));
            any = true;
        }
        return any ? used : -1;
    }

    private static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) { // field 4: the parent's pid
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
