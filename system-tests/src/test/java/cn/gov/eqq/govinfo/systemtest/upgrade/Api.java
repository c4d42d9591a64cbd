package cn.gov.eqq.govinfo.systemtest.upgrade;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The public API through the gateway, as the room and the leaders use it: bodies as bytes, status kept. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, byte[] body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + (t.length() > 400 ? t.substring(0, 400) + "…" : t);
        }
    }

    private final String gateway;

    Api(String gateway) {
        this.gateway = gateway;
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET(), token);
    }

    Answer post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    Answer postCsv(String path, String token, String csv) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), token);
    }

    /** A multipart upload of one file in the part {@code file}. */
    Answer upload(String path, String token, String fileName, String csv) {
        String boundary = "----govinfo-upgrade-fixture";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
