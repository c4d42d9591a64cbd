package cn.gov.eqq.govinfo.systemtest.year;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The public HTTP API through the gateway, as the demo users of the realm call it. A 429 of the gateway's per-user
 * rate limit is answered by waiting the {@code Retry-After} it names and sending the same request again: the year's
 * checks read some hundred figures at a time, more than one user's bucket holds.
 */
public final class PublicApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final Function<String, String> tokenOfUser;

    /** @param tokenOfUser the access token of a demo user, by user name */
    public PublicApi(String gateway, Function<String, String> tokenOfUser) {
        this.gateway = gateway;
        this.tokenOfUser = tokenOfUser;
    }

    /** A status and a body; {@link #json()} reads the body. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body, read, when the status is the expected one; else an error naming the call. */
        public JsonNode expect(int expectedStatus, String what) {
            if (status != expectedStatus) {
                throw new AssertionError(what + ": HTTP " + status + " " + body);
            }
            return json();
        }
    }

    public Answer get(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    public Answer post(String path, String user, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    public Answer put(String path, String user, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    /** A multipart upload of one CSV file in the part {@code file}. */
    public Answer upload(String path, String user, String fileName, String csv) {
        String boundary = "----govinfo-year-of-history";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user);
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private Answer send(HttpRequest.Builder builder, String user) {
        builder.timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + tokenOfUser.apply(user));
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == 20) {
                    return new Answer(response.statusCode(), response.body());
                }
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                LockSupport.parkNanos(Duration.ofSeconds(Math.max(1, seconds)).toNanos());
            } catch (IOException e) {
                throw new UncheckedIOException(request.method() + " " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
