package cn.gov.eqq.govinfo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A devstack's data directory: held by one devstack at a time (a file lock), listing the children it started so that
 * a later run can stop the orphans of one that was killed, keeping the previous run's logs, and holding a copy of
 * each jar the stack runs.
 */
final class StackDirectory implements AutoCloseable {

    private static final String CHILDREN_FILE = "devstack.children";
    private static final String LOCK_FILE = "devstack.lock";

    private final DevStackConfig config;
    private final Consumer<String> say;
    private FileChannel lockChannel;
    private FileLock lock;

    StackDirectory(DevStackConfig config, Consumer<String> say) {
        this.config = config;
        this.say = say;
    }

    /** Creates the log directory; fails before anything starts when another devstack holds the directory. */
    void createLogDir() {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.logDir(), e);
        }
    }

    /** Locks the directory, stops what an earlier run left running and moves its logs aside. */
    void claim() {
        lock();
        killOrphansOfAnEarlierRun();
        keepPreviousLogs();
    }

    private void lock() {
        try {
            lockChannel = FileChannel.open(config.dataDir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + config.dataDir(), e);
        }
        if (lock == null) {
            throw new IllegalStateException("数据目录正被另一个 devstack 使用 / the data dir " + config.dataDir()
                    + " is in use by another devstack (bin/govinfo status / down)");
        }
    }

    /**
     * A devstack killed with SIGKILL cannot stop its children. They are listed in {@code devstack.children}; the
     * next start (which holds the lock, so no live devstack owns them) kills those still running with our marker.
     */
    private void killOrphansOfAnEarlierRun() {
        Path file = config.dataDir().resolve(CHILDREN_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(line.trim()));
                orphan.filter(p -> p.info().commandLine().map(c -> c.contains(config.dataDir().toString()))
                        .orElse(false)).ifPresent(p -> {
                            say.accept("停止上次遗留的进程 / stopping a leftover process of an earlier run: pid "
                                    + p.pid());
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        });
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            say.accept("无法读取 / cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Each process appends to its log; the previous run's becomes {@code *.log.1} so logs do not grow forever. */
    private void keepPreviousLogs() {
        try (var files = Files.list(config.logDir())) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                if (!log.getFileName().toString().equals("devstack.log")) { // open already: slf4j writes to it
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            say.accept("无法轮换日志 / cannot rotate logs in " + config.logDir() + ": " + e.getMessage());
        }
    }

    /** Lists a child so that a later run can stop it if this devstack dies without stopping it. */
    void recordChild(long pid) {
        try {
            Files.writeString(config.dataDir().resolve(CHILDREN_FILE), pid + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            say.accept("无法记录子进程 / cannot record child pid " + pid + ": " + e.getMessage());
        }
    }

    /**
     * A copy of the jar in {@code <dataDir>/jars}: a JVM loads classes from its jar lazily, so a rebuild of the module
     * while the devstack runs would otherwise break the running service. Copied again only when the jar changed.
     */
    Path stagedJar(Service service) {
        Path source = config.jarOf(service);
        Path copy = config.dataDir().resolve("jars").resolve(service.artifactId() + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            if (!Files.exists(copy) || Files.size(copy) != Files.size(source)
                    || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(source))) {
                Path tmp = copy.resolveSibling(copy.getFileName() + ".tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + copy, e);
        }
    }

    /** Forgets the children (all stopped) and releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(config.dataDir().resolve(CHILDREN_FILE));
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            say.accept("cannot release " + config.dataDir().resolve(LOCK_FILE) + ": " + e.getMessage());
        }
    }
}
