package cn.gov.eqq.govinfo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 3: the same authenticated GET straight to a service and through the gateway (both check the JWT),
 * closed loop at a fixed concurrency with the JDK HTTP client; rounds alternate direct/through so that drift of a
 * shared machine hits both alike.
 */
final class GatewayOverhead {

    private static final String NAME = "gateway-overhead";

    /** What one closed-loop run gave. */
    record Run(long ok, long failed, double seconds, Latencies latencies) {
        double throughput() {
            return ok / seconds;
        }
    }

    private final Results results;
    private final int concurrency;
    private final Duration round;

    GatewayOverhead(Results results, int concurrency, Duration round) {
        this.results = results;
        this.concurrency = concurrency;
        this.round = round;
    }

    void run(String directUrl, String throughUrl, String token, String what) throws Exception {
        run(directUrl, token, Duration.ofSeconds(10)); // warm-up of JITs, pools and caches
        run(throughUrl, token, Duration.ofSeconds(10));
        Latencies direct = new Latencies();
        Latencies through = new Latencies();
        long directOk = 0;
        long throughOk = 0;
        long failed = 0;
        double directSeconds = 0;
        double throughSeconds = 0;
        for (int i = 0; i < 3; i++) {
            Run d = run(directUrl, token, round);
            Run t = run(throughUrl, token, round);
            direct.addAll(d.latencies());
            through.addAll(t.latencies());
            directOk += d.ok();
            throughOk += t.ok();
            directSeconds += d.seconds();
            throughSeconds += t.seconds();
            failed += d.failed() + t.failed();
        }
        double dRate = directOk / directSeconds;
        double tRate = throughOk / throughSeconds;
        String c = "concurrency " + concurrency + ", " + what;
        results.add(NAME, "direct throughput", dRate, "req/s", c);
        results.add(NAME, "through gateway throughput", tRate, "req/s", c);
        results.add(NAME, "throughput through / direct", tRate / dRate, "ratio", "target ≥ 0.8");
        results.add(NAME, "direct p50", direct.percentileMillis(50), "ms", "");
        results.add(NAME, "direct p99", direct.percentileMillis(99), "ms", "");
        results.add(NAME, "through p50", through.percentileMillis(50), "ms", "");
        results.add(NAME, "through p99", through.percentileMillis(99), "ms", "");
        results.add(NAME, "p99 through / direct", through.percentileMillis(99) / direct.percentileMillis(99), "ratio",
                "target ≤ 2");
        results.add(NAME, "failed requests", failed, "requests", "non-2xx or errors in the measured rounds");
    }

    Run run(String url, String token, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            latencies.add(took);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "load-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Run(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }
}
