package cn.gov.eqq.govinfo.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in devstack tests: JDK only, packed alone into a jar by {@link DummyJar}.
 * {@code -Ddummy.mode=ready} (default) answers the readiness probe UP; {@code down} answers 503; {@code exit} quits.
 * {@code GET /env} echoes the environment variables that the devstack passes.
 */
public final class DummyService {

    private static final String[] KEYS = {"SERVER_PORT", "SERVER_ADDRESS", "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS",
        "KEYCLOAK_ISSUER_URI", "INTAKE_URI", "ADOPTION_URI", "COMMISSION_URI", "SCORING_URI", "REPORTING_URI",
        "MALLOC_ARENA_MAX"};

    private DummyService() {
    }

    public static void main(String[] args) throws IOException {
        String mode = System.getProperty("dummy.mode", "ready");
        if (mode.equals("exit")) {
            System.out.println("dummy exits at once");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("SERVER_ADDRESS"), port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            if (mode.equals("ready")) {
                send(exchange, 200, "{\"status\":\"UP\"}");
            } else {
                send(exchange, 503, "{\"status\":\"OUT_OF_SERVICE\"}");
            }
        });
        server.createContext("/env", exchange -> {
            StringBuilder body = new StringBuilder();
            for (String key : KEYS) {
                if (System.getenv(key) != null) {
                    body.append(key).append('=').append(System.getenv(key)).append('\n');
                }
            }
            send(exchange, 200, body.toString());
        });
        server.start();
        System.out.println("dummy listening on " + port + " in mode " + mode);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
