package cn.gov.eqq.govinfo.testsupport.keycloak;

import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real Keycloak per test JVM, with the project's realm ({@code identity/govinfo-realm.json}).
 *
 * <p>Started lazily by the first {@link #get()} on free loopback ports with a fresh temporary data directory (so a
 * fresh realm import), stopped and deleted at JVM exit. When {@code GOVINFO_TEST_KEYCLOAK_URL} (environment) or
 * {@code govinfo.test.keycloak.url} (system property) is set, e.g. {@code http://127.0.0.1:8180}, that running
 * Keycloak is used instead and nothing is started. The start timeout is 300 s
 * ({@code govinfo.test.keycloak.timeout-seconds}); a failed start is remembered, so later tests fail at once with the
 * same message (which names Keycloak's log file).
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void keycloak(DynamicPropertyRegistry registry) {
 *     registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
 * }
 * String token = KeycloakTestServer.get().tokens().password("u001-reporter");
 * String expired = KeycloakTestServer.get().forgedTokens().expired();
 * }</pre>
 */
public final class KeycloakTestServer {

    public static final String URL_ENV = "GOVINFO_TEST_KEYCLOAK_URL";
    public static final String URL_PROPERTY = "govinfo.test.keycloak.url";

    private static final Object LOCK = new Object();
    private static KeycloakTestServer instance;
    private static RuntimeException startFailure;

    private final String baseUrl;
    private final Duration startupTime;
    private final Tokens tokens;
    private final ForgedTokens forgedTokens;

    private KeycloakTestServer(String baseUrl, Duration startupTime, TestSigningKey signingKey) {
        this.baseUrl = baseUrl;
        this.startupTime = startupTime;
        this.tokens = new Tokens(issuerUri());
        this.forgedTokens = new ForgedTokens(issuerUri(), signingKey.key());
    }

    /** The Keycloak of this JVM, started on first use. */
    public static KeycloakTestServer get() {
        synchronized (LOCK) {
            if (instance != null) {
                return instance;
            }
            if (startFailure != null) {
                throw new IllegalStateException("测试 Keycloak 此前启动失败: " + startFailure.getMessage(), startFailure);
            }
            try {
                instance = Optional.ofNullable(System.getProperty(URL_PROPERTY))
                        .or(() -> Optional.ofNullable(System.getenv(URL_ENV)))
                        .filter(url -> !url.isBlank())
                        .map(KeycloakTestServer::external)
                        .orElseGet(KeycloakTestServer::startHere);
                return instance;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    private static KeycloakTestServer external(String url) {
        String baseUrl = url.replaceAll("/+$", "");
        TestSigningKey key = TestSigningKey.register(baseUrl, KeycloakServer.REALM, adminUser(), adminPassword());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                key.unregister(baseUrl, KeycloakServer.REALM, adminUser(), adminPassword());
            } catch (RuntimeException e) {
                // Keycloak already gone: nothing to clean up
            }
        }, "keycloak-test-key-cleanup"));
        System.out.println("[test-support] using the running Keycloak at " + baseUrl);
        return new KeycloakTestServer(baseUrl, Duration.ZERO, key);
    }

    private static KeycloakTestServer startHere() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("govinfo-keycloak-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakServer.Config config = KeycloakServer.defaults(dataDir).withPorts(freePort(), freePort());
        Duration timeout = Duration.ofSeconds(Long.getLong("govinfo.test.keycloak.timeout-seconds", 300));
        KeycloakServer server = KeycloakServer.start(config, timeout);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            deleteRecursively(dataDir);
        }, "keycloak-test-server-stop"));
        System.out.println("[test-support] Keycloak started at " + server.baseUrl() + " in "
                + server.startupTime().toMillis() + " ms (fresh realm import; log " + config.logFile() + ")");
        TestSigningKey key = TestSigningKey.register(server.baseUrl(), KeycloakServer.REALM, adminUser(), adminPassword());
        return new KeycloakTestServer(server.baseUrl(), server.startupTime(), key);
    }

    /** An access token of the master realm's administrator, for Keycloak's admin REST API. */
    String adminToken() {
        return TestSigningKey.adminToken(baseUrl, adminUser(), adminPassword());
    }

    /** {@code http://127.0.0.1:<port>/realms/govinfo} — the {@code iss} of its tokens. */
    public String issuerUri() {
        return baseUrl + "/realms/" + KeycloakServer.REALM;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** Real tokens for the demo users and the city dashboard. */
    public Tokens tokens() {
        return tokens;
    }

    /** Wrong tokens for negative tests. */
    public ForgedTokens forgedTokens() {
        return forgedTokens;
    }

    /** Time this JVM waited for Keycloak to become ready; zero when an already running one is used. */
    public Duration startupTime() {
        return startupTime;
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bootstrap administrator of the master realm (for tests that use Keycloak's admin API). */
    static String adminUser() {
        return Optional.ofNullable(System.getenv("KC_BOOTSTRAP_ADMIN_USERNAME")).orElse("admin");
    }

    static String adminPassword() {
        return Optional.ofNullable(System.getenv("KC_BOOTSTRAP_ADMIN_PASSWORD")).orElse("admin");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the temp area
        }
    }
}
