package cn.gov.eqq.govinfo.systemtest.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A plain HTTP client that never throws for a failed exchange: a connection error or timeout is status -1. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** One exchange. {@code status} -1 = no answer (refused, reset, timed out): the request may or may not have run. */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** No answer, or a 5xx: the client cannot know whether the write happened (the process may have died after it). */
        boolean uncertain() {
            return status < 0 || status >= 500;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's stable {@code code}, or "". */
        String code() {
            try {
                JsonNode code = json().get("code");
                return code == null ? "" : code.asString();
            } catch (RuntimeException notJson) {
                return "";
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** The last answer of a retried request, and whether an earlier attempt may have done the work already. */
    record Outcome(Answer answer, boolean earlierAttemptUncertain, int attempts) {
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static Answer post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    /**
     * Sends again, as a patient client would, while the answer is uncertain (a service down or restarting) or
     * {@code notYet} (e.g. a consumer has not seen the event yet), at most for {@code patience}.
     */
    static Outcome retry(Supplier<Answer> request, Predicate<Answer> notYet, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean uncertain = false;
        int attempts = 0;
        while (true) {
            Answer answer = request.get();
            attempts++;
            boolean again = answer.uncertain() || notYet.test(answer);
            if (!again || System.nanoTime() > deadline) {
                return new Outcome(answer, uncertain, attempts);
            }
            uncertain |= answer.uncertain();
            sleep(answer.uncertain() ? 500 : 300);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
