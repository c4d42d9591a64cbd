package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.charts.PolicyEvaluator.Pod;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * commission-tasking sends reminder e-mail through SMTP: the server settings reach it through its ConfigMap (under
 * the names its application.yml reads), the login only from an existing Secret, and its pods alone may reach the
 * SMTP server, on the SMTP port only.
 */
class CommissionMailTest {

    private static final String MAILER = "commission-tasking";
    private final RenderedChart chart = RenderedChart.withDefaults();

    @Test
    void theMailerGetsTheServerSettingsFromItsConfigMap() {
        assertThat(chart.configMap(MAILER).getData())
                .containsEntry("SMTP_HOST", "smtp.example.gov.cn")
                .containsEntry("SMTP_PORT", "587")
                .containsEntry("SMTP_AUTH", "true")
                .containsEntry("SMTP_STARTTLS", "true")
                .containsEntry("COMMISSION_MAIL_FROM", "govinfo-noreply@example.gov.cn")
                .doesNotContainKeys("SMTP_USERNAME", "SMTP_PASSWORD");
    }

    @Test
    void noOtherServiceGetsMailSettings() {
        for (String service : RenderedChart.SERVICES) {
            if (service.equals(MAILER)) {
                continue;
            }
            assertThat(chart.configMap(service).getData().keySet()).as(service)
                    .noneMatch(k -> k.startsWith("SMTP_") || k.equals("COMMISSION_MAIL_FROM"));
            assertThat(env(chart.deployment(service), "SMTP_PASSWORD")).as(service).isEmpty();
        }
    }

    @Test
    void theLoginComesOnlyFromTheExistingSecret() {
        Deployment d = chart.deployment(MAILER);
        EnvVar user = env(d, "SMTP_USERNAME").orElseThrow();
        EnvVar password = env(d, "SMTP_PASSWORD").orElseThrow();

        assertThat(user.getValue()).isNull();
        assertThat(password.getValue()).isNull();
        assertThat(user.getValueFrom().getSecretKeyRef().getName()).isEqualTo("govinfo-smtp");
        assertThat(user.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("govinfo-smtp");
        assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
    }

    @Test
    void aLoginWithoutASecretIsRefusedAndNoLoginNeedsNone() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("services.commission-tasking.mail.existingSecret", "")))
                .hasMessageContaining("existingSecret");

        RenderedChart anonymous = RenderedChart.with(Map.of("services.commission-tasking.mail.auth", "false",
                "services.commission-tasking.mail.existingSecret", ""));
        assertThat(anonymous.configMap(MAILER).getData()).containsEntry("SMTP_AUTH", "false");
        assertThat(env(anonymous.deployment(MAILER), "SMTP_USERNAME")).isEmpty();
        assertThat(env(anonymous.deployment(MAILER), "SMTP_PASSWORD")).isEmpty();
    }

    @Test
    void onlyTheMailerReachesTheSmtpServerAndOnlyOnItsPort() {
        PolicyEvaluator policies = new PolicyEvaluator(chart.all(NetworkPolicy.class));

        assertThat(policies.allowsEgressToAddress(NetworkPolicyTest.pod(chart, MAILER), "192.0.2.25", 587)).isTrue();
        assertThat(policies.allowsEgressToAddress(NetworkPolicyTest.pod(chart, MAILER), "192.0.2.25", 25))
                .as("another port").isFalse();
        assertThat(policies.allowsEgressToAddress(NetworkPolicyTest.pod(chart, MAILER), "192.0.2.26", 587))
                .as("another address").isFalse();
        for (String service : RenderedChart.SERVICES) {
            if (!service.equals(MAILER)) {
                assertThat(policies.allowsEgressToAddress(NetworkPolicyTest.pod(chart, service), "192.0.2.25", 587))
                        .as(service + " -> smtp").isFalse();
            }
        }
    }

    @Test
    void theSmtpServerAddressAndPortAreConfigurable() {
        RenderedChart moved = RenderedChart.with(Map.of(
                "services.commission-tasking.mail.host", "relay.internal.example.gov.cn",
                "services.commission-tasking.mail.port", "2525",
                "services.commission-tasking.mail.networkPolicy.cidrs[0]", "10.20.30.0/24"));
        PolicyEvaluator policies = new PolicyEvaluator(moved.all(NetworkPolicy.class));
        Pod mailer = NetworkPolicyTest.pod(moved, MAILER);

        assertThat(moved.configMap(MAILER).getData()).containsEntry("SMTP_HOST", "relay.internal.example.gov.cn")
                .containsEntry("SMTP_PORT", "2525");
        assertThat(policies.allowsEgressToAddress(mailer, "10.20.30.40", 2525)).isTrue();
        assertThat(policies.allowsEgressToAddress(mailer, "10.20.30.40", 587)).isFalse();
        assertThat(policies.allowsEgressToAddress(mailer, "192.0.2.25", 2525)).as("the old address").isFalse();
    }

    @Test
    void aMisspelledMailSettingIsRejected() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("services.commission-tasking.mail.startTls", "true")))
                .hasMessageContaining("startTls");
    }

    private static Optional<EnvVar> env(Deployment d, String name) {
        List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        return env == null ? Optional.empty() : env.stream().filter(e -> e.getName().equals(name)).findFirst();
    }
}
