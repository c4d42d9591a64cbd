package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart never carries a secret: it references Secrets that exist before the install (existingSecret). */
class SecretsByReferenceTest {

    private static final Map<String, String> STRIMZI = Map.of("strimzi.enabled", "true");

    @Test
    void chartRendersNoSecretObject() {
        assertThat(RenderedChart.withDefaults().all(Secret.class)).isEmpty();
        assertThat(RenderedChart.with(STRIMZI).all(Secret.class)).isEmpty();
        assertThat(RenderedChart.withDefaults().objects()).noneMatch(o -> "Secret".equals(o.getKind()));
    }

    @Test
    void mongoUriOfEachServiceComesFromTheExistingSecretUnderItsOwnKey() {
        RenderedChart chart = RenderedChart.withDefaults();
        for (String service : RenderedChart.BACKEND_SERVICES) {
            EnvVar uri = env(chart.deployment(service), "MONGODB_URI");
            assertThat(uri.getValue()).as(service).isNull();
            assertThat(uri.getValueFrom().getSecretKeyRef().getName()).as(service).isEqualTo("govinfo-mongodb");
            assertThat(uri.getValueFrom().getSecretKeyRef().getKey()).as(service).isEqualTo(service);
        }
    }

    @Test
    void theGatewayReadsRedisAndItsClientSecretFromExistingSecrets() {
        Deployment gateway = RenderedChart.withDefaults().deployment("gateway");
        EnvVar redis = env(gateway, "GATEWAY_REDIS_URL");
        assertThat(redis.getValue()).isNull();
        assertThat(redis.getValueFrom().getSecretKeyRef().getName()).isEqualTo("govinfo-redis");
        assertThat(redis.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("url");
        EnvVar clientSecret = env(gateway, "GOVINFO_GATEWAY_CLIENT_SECRET");
        assertThat(clientSecret.getValue()).isNull();
        assertThat(clientSecret.getValueFrom().getSecretKeyRef().getName()).isEqualTo("govinfo-gateway-client");
        assertThat(clientSecret.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("client-secret");
    }

    @Test
    void eachServiceAuthenticatesToKafkaAsItsOwnPrincipalWithAPasswordFromASecret() {
        RenderedChart chart = RenderedChart.withDefaults();
        for (String service : RenderedChart.BACKEND_SERVICES) {
            Deployment d = chart.deployment(service);
            EnvVar password = env(d, "KAFKA_SASL_PASSWORD");
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).as(service).isEqualTo(service);
            assertThat(password.getValueFrom().getSecretKeyRef().getKey()).as(service).isEqualTo("password");
            // The JAAS line only names the variable; the kubelet substitutes it in the pod.
            assertThat(env(d, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").getValue()).as(service)
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + service + "\" password=\"$(KAFKA_SASL_PASSWORD)\";");
            assertThat(chart.configMap(service).getData())
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PEM");
        }
    }

    @Test
    void plainKafkaNeedsNoPasswordAndMountsNoCa() {
        RenderedChart chart = RenderedChart.with(Map.of("kafka.securityProtocol", "PLAINTEXT"));
        for (String service : RenderedChart.BACKEND_SERVICES) {
            Deployment d = chart.deployment(service);
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .extracting(EnvVar::getName).filteredOn(n -> !n.startsWith("SMTP_")) // the mail login: CommissionMailTest
                    .containsExactly("MONGODB_URI");
            assertThat(d.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName())
                    .containsExactly("tmp");
            assertThat(chart.configMap(service).getData()).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                    .doesNotContainKeys("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                            "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
        }
    }

    @Test
    void configMapsHoldNoCredentials() {
        for (ConfigMap cm : RenderedChart.with(STRIMZI).all(ConfigMap.class)) {
            assertThat(cm.getData()).as(cm.getMetadata().getName())
                    .doesNotContainKeys("MONGODB_URI", "KAFKA_SASL_PASSWORD", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                    .allSatisfy((k, v) -> assertThat(v.toLowerCase()).as(k)
                            .doesNotContain("password").doesNotContain("mongodb://"));
        }
    }

    @Test
    void theGatewayGetsNoDatabaseOrKafkaCredentials() {
        List<EnvVar> env = RenderedChart.withDefaults().deployment("gateway")
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();

        // its only secrets: the Redis address and its own client secret
        assertThat(env).extracting(EnvVar::getName)
                .containsExactlyInAnyOrder("GATEWAY_REDIS_URL", "GOVINFO_GATEWAY_CLIENT_SECRET");
        assertThat(RenderedChart.withDefaults().configMap("gateway").getData())
                .doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
    }

    static EnvVar env(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " has no env " + name));
    }
}
