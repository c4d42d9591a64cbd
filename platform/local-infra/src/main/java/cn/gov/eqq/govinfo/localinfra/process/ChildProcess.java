package cn.gov.eqq.govinfo.localinfra.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file and which, when stopped, takes its whole process tree with it.
 * A JVM shutdown hook stops it too, so Ctrl-C on the parent leaves no orphans.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopQuietly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code extraEnv} added to this process's environment;
     * stdout and stderr are appended to {@code logFile}.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnv, Path workDir,
            Path logFile) {
        Objects.requireNonNull(name, "name");
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(extraEnv);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new IllegalStateException("无法启动 " + name + " / cannot start " + name + ": " + command, e);
        }
    }

    /** The Java launcher of the running JVM, so children use the same JDK as their parent. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end by itself; returns its exit code, or throws after the timeout (leaving it running). */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " 未在 " + timeout.toSeconds() + " 秒内结束 / did not finish within "
                    + timeout.toSeconds() + " s; log: " + logFile);
        }
        return process.exitValue();
    }

    /** Completes with the exit code when the process ends, however it ends (a crash, a signal, by itself). */
    public java.util.concurrent.CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** The last {@code lines} lines of the log file, for error messages. */
    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    public void stop() {
        stop(DEFAULT_GRACE);
    }

    /**
     * SIGTERM to the process and every descendant, then SIGKILL to whatever is still alive after {@code grace}.
     * Descendants are collected first: once the parent is gone they are re-parented and can no longer be found.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        for (ProcessHandle p : tree) {
            p.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception timeoutOrInterrupt) {
                // falls through to the forcible kill below
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // a process that ignores SIGKILL for 5 s is beyond our reach
            }
        }
        removeShutdownHook();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // during JVM shutdown there is no one left to tell
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // we are the hook, or the JVM is already shutting down
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + logFile + ")";
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int start = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), List.of(all).subList(start, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
