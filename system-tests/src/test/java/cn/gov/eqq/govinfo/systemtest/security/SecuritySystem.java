package cn.gov.eqq.govinfo.systemtest.security;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.ForgedTokens;
import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The system the security tests attack: the shared one of the system tests ({@code RunningSystem.stack()}), or —
 * for working on these tests — an already running devstack described by {@code -Dgovinfo.security.stack=<file>}
 * (properties {@code gateway, submission-intake, …, issuer}). Real tokens come from its Keycloak; forged ones are
 * signed with a throwaway key that test-support registers there as a passive (verify-only) key.
 */
final class SecuritySystem {

    private static SecuritySystem instance;

    final String gatewayUrl;
    final Map<Service, String> serviceUrls;
    final String issuer;
    final Tokens tokens;
    final ForgedTokens forged;
    private List<Operation> operations;

    private SecuritySystem(String gatewayUrl, Map<Service, String> serviceUrls, String issuer) {
        this.gatewayUrl = gatewayUrl;
        this.serviceUrls = serviceUrls;
        this.issuer = issuer;
        this.tokens = new Tokens(issuer);
        String keycloakBase = issuer.replaceAll("/realms/[^/]+$", "");
        String configured = System.getProperty(KeycloakTestServer.URL_PROPERTY);
        if (configured == null) {
            System.setProperty(KeycloakTestServer.URL_PROPERTY, keycloakBase);
        }
        KeycloakTestServer keycloak = KeycloakTestServer.get();
        if (!keycloak.issuerUri().equals(issuer)) {
            throw new IllegalStateException("test-support's Keycloak (" + keycloak.issuerUri()
                    + ") is not the system's (" + issuer + "): forged tokens would be signed for another realm");
        }
        this.forged = keycloak.forgedTokens();
    }

    static synchronized SecuritySystem get() {
        if (instance == null) {
            String file = System.getProperty("govinfo.security.stack");
            instance = file == null || file.isBlank() ? fromRunningSystem() : fromFile(Path.of(file));
        }
        return instance;
    }

    String url(Service service) {
        return service == Service.GATEWAY ? gatewayUrl : serviceUrls.get(service);
    }

    synchronized List<Operation> operations() {
        if (operations == null) {
            operations = ApiSurface.read(serviceUrls);
        }
        return operations;
    }

    /** The one stack per JVM that every system test shares. */
    private static SecuritySystem fromRunningSystem() {
        DevStack devStack = RunningSystem.stack();
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.backends()) {
            urls.put(service, devStack.serviceUrl(service));
        }
        return new SecuritySystem(devStack.gatewayUrl(), urls, devStack.keycloakIssuerUri());
    }

    private static SecuritySystem fromFile(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.backends()) {
            urls.put(service, p.getProperty(service.artifactId()));
        }
        System.out.println("[security] using the running system described in " + file);
        return new SecuritySystem(p.getProperty("gateway"), urls, p.getProperty("issuer"));
    }
}
