package cn.gov.eqq.govinfo.localinfra.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps child processes running as Kubernetes keeps containers running: a child that exits is started again after a
 * back-off that doubles with each exit in a row ({@link Backoff#first()}, twice that, … capped at
 * {@link Backoff#max()}) and starts from the beginning again once the child stayed up {@link Backoff#resetAfter()}.
 * A start that fails counts as an exit. A child that ends after SIGTERM (exit code {@value #SIGTERM_EXIT}) was asked to
 * restart ({@code bin/govinfo restart}) and is started again at once, without back-off.
 * <p>
 * A name that is {@linkplain #hold held} is left down (fault-injection tests kill a service and restart it themselves);
 * after {@link #close()} nothing is restarted any more (the devstack is stopping its children).
 */
public final class Supervisor implements AutoCloseable {

    /** The exit code of a JVM (or shell) ended by SIGTERM: 128 + 15. */
    public static final int SIGTERM_EXIT = 143;

    /** Delays between restarts: first, doubled per exit in a row up to max; reset after an uptime of resetAfter. */
    public record Backoff(Duration first, Duration max, Duration resetAfter) {

        /** 1 s, 2 s, 4 s … 30 s, reset after a minute up: close to Kubernetes' CrashLoopBackOff. */
        public static Backoff standard() {
            return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        }

        /** The delay before the restart that follows the {@code exitsInARow}-th exit in a row (1, 2, …). */
        public Duration delay(int exitsInARow) {
            Duration delay = first;
            for (int i = 1; i < exitsInARow && delay.compareTo(max) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }

    /** Starts the child again and returns it once started (it may still be getting ready). */
    @FunctionalInterface
    public interface Starter {
        ChildProcess start() throws Exception;
    }

    /** One restart: after which exit (code; -1 when the previous start failed) and after how long a delay. */
    public record Restart(String name, int exitCode, int exitsInARow, Duration delay) {
    }

    private final Backoff backoff;
    private final Consumer<String> say;
    private final ScheduledExecutorService executor;
    private final Map<String, Watch> watches = new HashMap<>();
    private final List<Restart> restarts = new ArrayList<>();
    private boolean closed;

    private static final class Watch {
        final Starter starter;
        long generation;
        long startedAt;
        int exitsInARow;

        Watch(Starter starter) {
            this.starter = starter;
        }
    }

    public Supervisor(Backoff backoff, Consumer<String> say) {
        this.backoff = backoff;
        this.say = say;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Watches {@code running} under {@code name} (replacing any earlier watch or hold of that name). */
    public synchronized void supervise(String name, ChildProcess running, Starter starter) {
        if (closed) {
            return;
        }
        Watch watch = new Watch(starter);
        Watch before = watches.get(name);
        watch.generation = before == null ? 1 : before.generation + 1;
        watch.exitsInARow = before == null ? 0 : before.exitsInARow;
        watches.put(name, watch);
        watch(name, watch, running);
    }

    /** Leaves {@code name} down when it exits, until {@link #supervise} is called for it again. */
    public synchronized void hold(String name) {
        Watch watch = watches.remove(name);
        if (watch != null) {
            say.accept(name + " 不再自动重启 / no longer restarted automatically");
        }
    }

    /** Whether {@code name} is supervised now. */
    public synchronized boolean supervises(String name) {
        return watches.containsKey(name);
    }

    /** Every restart so far, oldest first. */
    public synchronized List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    private void watch(String name, Watch watch, ChildProcess child) {
        long generation = watch.generation;
        watch.startedAt = System.nanoTime();
        child.onExit().thenAccept(code -> exited(name, generation, code));
    }

    private synchronized void exited(String name, long generation, int code) {
        Watch watch = watches.get(name);
        if (closed || watch == null || watch.generation != generation) {
            return; // held, replaced or stopping: somebody else decides
        }
        Duration uptime = Duration.ofNanos(System.nanoTime() - watch.startedAt);
        Duration delay;
        if (code == SIGTERM_EXIT) {
            watch.exitsInARow = 0;
            delay = Duration.ZERO;
        } else {
            watch.exitsInARow = uptime.compareTo(backoff.resetAfter()) >= 0 ? 1 : watch.exitsInARow + 1;
            delay = backoff.delay(watch.exitsInARow);
        }
        say.accept(name + " 已退出（退出码 " + code + "），" + seconds(delay) + " 后重启 / exited (code " + code
                + "), restarting in " + seconds(delay));
        schedule(name, watch, code, delay);
    }

    private void schedule(String name, Watch watch, int code, Duration delay) {
        restarts.add(new Restart(name, code, watch.exitsInARow, delay));
        long generation = watch.generation;
        executor.schedule(() -> restart(name, generation), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(String name, long generation) {
        Watch watch;
        synchronized (this) {
            watch = watches.get(name);
            if (closed || watch == null || watch.generation != generation) {
                return;
            }
        }
        try {
            ChildProcess child = watch.starter.start();
            synchronized (this) {
                if (!closed && watches.get(name) == watch && watch.generation == generation) {
                    watch.generation++;
                    watch(name, watch, child);
                    say.accept(name + " 已重启 / restarted, pid " + child.pid());
                }
            }
        } catch (Exception e) {
            synchronized (this) {
                if (closed || watches.get(name) != watch || watch.generation != generation) {
                    return;
                }
                watch.exitsInARow++;
                Duration delay = backoff.delay(watch.exitsInARow);
                say.accept(name + " 重启失败，" + seconds(delay) + " 后再试 / restart failed, next try in "
                        + seconds(delay) + ": " + firstLine(e));
                schedule(name, watch, -1, delay);
            }
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Stops restarting anything; children that exit from now on stay down. */
    @Override
    public synchronized void close() {
        closed = true;
        watches.clear();
        executor.shutdownNow();
    }
}
