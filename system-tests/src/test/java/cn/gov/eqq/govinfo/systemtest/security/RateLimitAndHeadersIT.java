package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 security point 5 at the gateway of the running system: the per-user rate limit (defaults of
 * gateway/application.yml: a bucket of 100, refilled at 30 per second) and the security headers of the portal's
 * and the API's answers.
 */
class RateLimitAndHeadersIT {

    static final int CAPACITY = 100;
    static final double PER_SECOND = 30;

    static SecuritySystem system;

    @BeforeAll
    static void theRunningSystem() {
        system = SecuritySystem.get();
    }

    @Test
    void aUserWhoExceedsTheRateGetsAChinese429WithRetryAfterWhileOthersAreServed() throws Exception {
        String flooder = Callers.withSubject(UUID.randomUUID().toString(), null, "viewer");
        String url = system.gatewayUrl + "/api/reporting/rankings?group=3&period=2026-07";
        // batches of 200 from 16 threads until the limit shows (a loaded machine is slower than the refill
        // at first), at most 3 000 requests
        List<Callable<HttpResponse<String>>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(() -> Http.get(url, flooder));
        }
        long started = System.nanoTime();
        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            while (responses.size() < 3000 && responses.stream().noneMatch(r -> r.statusCode() == 429)) {
                for (Future<HttpResponse<String>> f : pool.invokeAll(batch)) {
                    responses.add(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int requests = responses.size();
        long limited = responses.stream().filter(r -> r.statusCode() == 429).count();
        long passed = responses.stream().filter(r -> r.statusCode() != 429).count();
        System.out.printf("[security] rate limit: %d requests of one user in %.2f s → %d passed, %d refused (429)%n",
                requests, seconds, passed, limited);

        assertThat(limited).as("refused after the burst of %d", CAPACITY).isPositive();
        assertThat(passed).as("the whole burst is honoured").isGreaterThanOrEqualTo(CAPACITY);
        // Spring Cloud Gateway's Redis script refills in whole seconds of the Redis clock: a run of d seconds
        // crosses at most floor(d) + 1 second boundaries, each adding up to PER_SECOND tokens
        long refills = (long) Math.floor(seconds) + 1;
        assertThat(passed).as("never more than the bucket holds plus %d refills in %.2f s", refills, seconds)
                .isLessThanOrEqualTo(CAPACITY + (long) PER_SECOND * refills);
        assertThat(responses).filteredOn(r -> r.statusCode() != 429).allSatisfy(r ->
                assertThat(r.statusCode()).as(Http.describe(r)).isIn(200, 404));

        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Http.isProblem(refused)).as(Http.describe(refused)).isTrue();
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = Requests.JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("请求过于频繁");
        assertThat(problem.get("code").asString()).isEqualTo("rate-limited");
        assertThat(problem.get("detail").asString()).contains("秒后重试");

        // another user at the same moment is served; the flooder again after the wait it was told
        assertThat(Http.get(url, Callers.withRoles(null, "viewer")).statusCode()).isIn(200, 404);
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 200);
        assertThat(Http.get(url, flooder).statusCode()).as("after Retry-After").isIn(200, 404);
    }

    @Test
    void thePortalPageCarriesTheBrowserSecurityHeaders() {
        HttpResponse<String> page = Http.get(system.gatewayUrl + "/", null);

        assertThat(page.statusCode()).as(Http.describe(page)).isEqualTo(200);
        assertBrowserHeaders(page);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                        "base-uri 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void theSignInAnswerOfThePortalAndTheApiAnswersCarryThemToo() {
        HttpResponse<String> me = Http.get(system.gatewayUrl + "/api/me", null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertBrowserHeaders(me);

        HttpResponse<String> api = Http.get(system.gatewayUrl + "/api/reporting/rankings?group=3&period=2026-07",
                Callers.withRoles(null, "viewer"));
        assertThat(api.statusCode()).isIn(200, 404);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(api.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static void assertBrowserHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("nosniff").hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as("no framing").hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).as("no caching of personal pages")
                .contains("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as("CSP").isPresent();
    }
}
