package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Request;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every request the browser made during one test, with its timing, printed when the test fails: a browser test that
 * times out then names the request that never answered (or failed) instead of only the element that never appeared.
 * Register it with {@code @RegisterExtension} and pass every new context to {@link #watch(BrowserContext)}.
 */
final class BrowserNetworkLog implements TestWatcher {

    private record Entry(long startedAt, String line) {
    }

    private final Map<Request, Long> pending = new IdentityHashMap<>();
    private final List<Entry> done = new ArrayList<>();
    private long origin = System.nanoTime();

    synchronized void reset() {
        pending.clear();
        done.clear();
        origin = System.nanoTime();
    }

    /** @return what stops the watching: call it before the context closes */
    Runnable watch(BrowserContext context) {
        Consumer<Request> onStart = this::started;
        Consumer<Request> onFinish = request -> ended(request, "done " + status(request));
        Consumer<Request> onFail = request -> ended(request, "FAILED " + request.failure());
        context.onRequest(onStart);
        context.onRequestFinished(onFinish);
        context.onRequestFailed(onFail);
        return () -> {
            context.offRequest(onStart);
            context.offRequestFinished(onFinish);
            context.offRequestFailed(onFail);
        };
    }

    private synchronized void started(Request request) {
        pending.put(request, System.nanoTime());
    }

    private synchronized void ended(Request request, String outcome) {
        Long start = pending.remove(request);
        long startedAt = start == null ? System.nanoTime() : start;
        done.add(new Entry(startedAt, String.format("%7d ms +%6d ms %s %s %s", millis(startedAt),
                (System.nanoTime() - startedAt) / 1_000_000, request.method(), request.url(), outcome)));
    }

    private static String status(Request request) {
        try {
            return request.response() == null ? "(no response)" : String.valueOf(request.response().status());
        } catch (RuntimeException e) {
            return "(response unknown)";
        }
    }

    private long millis(long nanos) {
        return (nanos - origin) / 1_000_000;
    }

    @Override
    public synchronized void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder out = new StringBuilder("[browser network] " + context.getDisplayName() + "\n");
        done.stream().sorted((a, b) -> Long.compare(a.startedAt(), b.startedAt()))
                .forEach(entry -> out.append("  ").append(entry.line()).append('\n'));
        long now = System.nanoTime();
        pending.forEach((request, start) -> out.append(String.format("  %7d ms STILL PENDING after %d ms: %s %s%n",
                millis(start), (now - start) / 1_000_000, request.method(), request.url())));
        System.out.print(out);
    }
}
