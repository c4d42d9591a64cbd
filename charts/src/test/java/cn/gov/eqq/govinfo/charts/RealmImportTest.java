package cn.gov.eqq.govinfo.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm provisioned in a cluster: the Keycloak Operator's {@code KeycloakRealmImport}, rendered from the chart's
 * copy of identity/govinfo-realm.json with the site's hosts, no demo accounts and secrets by reference.
 */
class RealmImportTest {

    private static final Map<String, String> ENABLED = Map.of("keycloak.realmImport.enabled", "true",
            "ingress.host", "xxgl.eqq.gov.cn");

    @Test
    void theChartsRealmFileIsTheProjectsRealmFile() throws Exception {
        assertThat(Files.readString(RepoPaths.CHART.resolve("files/govinfo-realm.json")))
                .as("charts/govinfo/files/govinfo-realm.json 应与 identity/govinfo-realm.json 相同（修改 realm 后复制过去）")
                .isEqualTo(Files.readString(RepoPaths.ROOT.resolve("identity/govinfo-realm.json")));
    }

    @Test
    void noRealmImportUnlessEnabled() {
        assertThat(RenderedChart.withDefaults().objects()).noneMatch(o -> "KeycloakRealmImport".equals(o.getKind()));
    }

    @Test
    void thePortalsClientsAcceptRedirectsToTheSitesHostOnly() {
        Map<String, Object> realm = realm(ENABLED);
        for (String clientId : List.of("govinfo-gateway", "govinfo-portal")) {
            Map<String, Object> client = client(realm, clientId);
            assertThat(client.get("redirectUris")).as(clientId).isEqualTo(List.of("https://xxgl.eqq.gov.cn/*"));
            assertThat(client.get("webOrigins")).as(clientId).isEqualTo(List.of("https://xxgl.eqq.gov.cn"));
        }
        Map<String, Object> twoHosts = realm(Map.of("keycloak.realmImport.enabled", "true",
                "keycloak.realmImport.redirectHosts[0]", "a.gov.cn", "keycloak.realmImport.redirectHosts[1]", "b.gov.cn"));
        assertThat(client(twoHosts, "govinfo-gateway").get("redirectUris"))
                .isEqualTo(List.of("https://a.gov.cn/*", "https://b.gov.cn/*"));
    }

    @Test
    void theDemoAccountsStayOutAndTheDashboardsServiceAccountStays() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm(ENABLED).get("users");
        assertThat(users).extracting(u -> u.get("username")).containsExactly("service-account-city-dashboard");
    }

    @Test
    void clientSecretsComeFromSecretsWithNoDevelopmentDefault() {
        GenericKubernetesResource realmImport = realmImport(ENABLED);
        Map<String, Object> realm = realm(ENABLED);
        assertThat(client(realm, "govinfo-gateway").get("secret")).isEqualTo("${GOVINFO_GATEWAY_CLIENT_SECRET}");
        assertThat(client(realm, "city-dashboard").get("secret")).isEqualTo("${CITY_DASHBOARD_CLIENT_SECRET}");
        @SuppressWarnings("unchecked")
        Map<String, Object> placeholders = (Map<String, Object>) spec(realmImport).get("placeholders");
        assertThat(placeholders).containsOnlyKeys("GOVINFO_GATEWAY_CLIENT_SECRET", "CITY_DASHBOARD_CLIENT_SECRET");
        assertThat(placeholders.get("GOVINFO_GATEWAY_CLIENT_SECRET"))
                .isEqualTo(Map.of("secret", Map.of("name", "govinfo-gateway-client", "key", "client-secret")));
        assertThat(RenderedChart.template(ENABLED)).doesNotContain("dev-secret", "Demo_2026");
    }

    @Test
    void theMailServerForForgottenPasswordsComesFromValues() {
        Map<String, String> values = Map.of("keycloak.realmImport.enabled", "true",
                "keycloak.realmImport.smtp.host", "smtp.eqq.gov.cn", "keycloak.realmImport.smtp.port", "587",
                "keycloak.realmImport.smtp.starttls", "true", "keycloak.realmImport.smtp.user", "govinfo",
                "keycloak.realmImport.smtp.existingSecret", "govinfo-smtp");
        @SuppressWarnings("unchecked")
        Map<String, Object> smtp = (Map<String, Object>) realm(values).get("smtpServer");
        assertThat(smtp).containsEntry("host", "smtp.eqq.gov.cn").containsEntry("port", "587")
                .containsEntry("starttls", "true").containsEntry("auth", "true").containsEntry("user", "govinfo")
                .containsEntry("password", "${GOVINFO_SMTP_PASSWORD}")
                .containsEntry("fromDisplayName", "鄂托克前旗政务信息报送与考评系统");
        @SuppressWarnings("unchecked")
        Map<String, Object> placeholders = (Map<String, Object>) spec(realmImport(values)).get("placeholders");
        assertThat(placeholders.get("GOVINFO_SMTP_PASSWORD"))
                .isEqualTo(Map.of("secret", Map.of("name", "govinfo-smtp", "key", "password")));
        assertThatThrownBy(() -> RenderedChart.template(Map.of("keycloak.realmImport.enabled", "true",
                "keycloak.realmImport.smtp.user", "govinfo"))).hasMessageContaining("smtp.existingSecret");
    }

    @Test
    void theImportLivesBesideTheOperatorsKeycloakAndKeepsTheRealmsSettings() {
        GenericKubernetesResource realmImport = realmImport(ENABLED);
        assertThat(realmImport.getApiVersion()).isEqualTo("k8s.keycloak.org/v2alpha1");
        assertThat(realmImport.getMetadata().getNamespace()).isEqualTo("keycloak");
        assertThat(spec(realmImport).get("keycloakCRName")).isEqualTo("keycloak");
        Map<String, Object> realm = realm(ENABLED);
        assertThat(realm).containsEntry("realm", "govinfo").containsEntry("loginTheme", "govinfo")
                .containsEntry("resetPasswordAllowed", true);
        // numbers stay numbers (Helm reads JSON numbers as floats; they must not render as 1.8e+04)
        assertThat(RenderedChart.template(ENABLED)).doesNotContainPattern("\\de\\+\\d");
        assertThat(((Number) realm.get("accessTokenLifespan")).intValue()).isEqualTo(300);
    }

    private static GenericKubernetesResource realmImport(Map<String, String> values) {
        List<HasMetadata> found = RenderedChart.with(values).objects().stream()
                .filter(o -> "KeycloakRealmImport".equals(o.getKind())).toList();
        assertThat(found).hasSize(1);
        return (GenericKubernetesResource) found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realm(Map<String, String> values) {
        return (Map<String, Object>) spec(realmImport(values)).get("realm");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> client(Map<String, Object> realm, String clientId) {
        return ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElseThrow();
    }
}
