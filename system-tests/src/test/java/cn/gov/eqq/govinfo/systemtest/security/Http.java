package cn.gov.eqq.govinfo.systemtest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls with a bearer token (or none), raw bytes as body so invalid UTF-8 can be sent. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    static HttpResponse<String> get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    static HttpResponse<String> json(String method, String url, String token, String json) {
        return send(method, url, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String url, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    /** A problem whose title or detail speaks Chinese to the person who reads it. */
    static boolean isChineseProblem(HttpResponse<String> response) {
        if (!isProblem(response) || response.body() == null || response.body().isBlank()) {
            return false;
        }
        tools.jackson.databind.JsonNode problem = Requests.JSON.readTree(response.body());
        String text = problem.path("title").asString("") + problem.path("detail").asString("");
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static String describe(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-") + " "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
