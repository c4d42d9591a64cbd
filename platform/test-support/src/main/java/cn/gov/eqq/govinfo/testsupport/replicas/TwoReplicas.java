package cn.gov.eqq.govinfo.testsupport.replicas;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Two replicas of one Spring Boot application in the test JVM: two application contexts from the same sources and
 * arguments, so over the same database and broker, sharing nothing else (each has its own beans, memory, schedulers
 * and Kafka clients) — what two pods of a deployment share. {@link #atOnce} runs the same step on both at the same
 * moment, to let them race for the same work.
 */
public final class TwoReplicas implements AutoCloseable {

    private final List<ConfigurableApplicationContext> replicas;

    private TwoReplicas(List<ConfigurableApplicationContext> replicas) {
        this.replicas = replicas;
    }

    /**
     * Starts the two replicas one after the other with {@code args} as command-line arguments (they outrank the
     * application's own configuration, as a deployment's environment does), each on a free port unless {@code args}
     * set {@code --server.port}. Either failing closes the other.
     */
    public static TwoReplicas start(Class<?>[] sources, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            arguments.add("--server.port=0"); // each on a free port of its own, over the application's own setting
        }
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                started.add(new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new)));
            }
        } catch (RuntimeException | Error e) {
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        return new TwoReplicas(List.copyOf(started));
    }

    /** Replica 0 or 1. */
    public ConfigurableApplicationContext replica(int index) {
        return replicas.get(index);
    }

    /** The bean of {@code type} in each replica, in replica order (two different instances). */
    public <T> List<T> beans(Class<T> type) {
        return replicas.stream().map(r -> r.getBean(type)).toList();
    }

    /**
     * Runs {@code step} on both replicas on two threads released at the same instant, and returns both results in
     * replica order once both finished (an exception of either is rethrown).
     */
    public <R> List<R> atOnce(Function<ConfigurableApplicationContext, R> step) {
        CyclicBarrier start = new CyclicBarrier(replicas.size());
        List<CompletableFuture<R>> runs = replicas.stream().map(replica -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the replicas did not start the step together", e);
            }
            return step.apply(replica);
        }, runnable -> new Thread(runnable, "replica-step").start())).toList();
        List<R> results = new ArrayList<>();
        for (CompletableFuture<R> run : runs) {
            try {
                results.add(run.get(5, TimeUnit.MINUTES));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    /** {@link #atOnce} with a bean of each replica. */
    public <T, R> List<R> atOnce(Class<T> bean, Function<T, R> step) {
        return atOnce(replica -> step.apply(replica.getBean(bean)));
    }

    @Override
    public void close() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }
}
