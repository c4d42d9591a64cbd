package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backup CronJob and the restore Job: off by default; when on, every database, topic and the realm. */
class BackupJobsTest {

    private static final Map<String, String> ON = Map.of("backup.enabled", "true",
            "backup.existingClaim", "govinfo-backups", "backup.keycloak.adminSecret", "govinfo-keycloak-backup");

    @Test
    void nothingIsRenderedByDefault() {
        RenderedChart chart = RenderedChart.withDefaults();

        assertThat(chart.all(CronJob.class)).isEmpty();
        // the only Job by default is the one that creates the topics
        assertThat(chart.all(Job.class)).extracting(j -> j.getMetadata().getName())
                .allMatch(name -> name.startsWith("govinfo-kafka-topics-"));
    }

    @Test
    void theBackupDumpsEveryServiceDatabaseThenTheTopicsThenTheRealmAndWritesAManifest() {
        RenderedChart chart = RenderedChart.with(ON);
        CronJob backup = chart.get(CronJob.class, "govinfo-backup");
        var pod = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        List<String> steps = pod.getInitContainers().stream().map(Container::getName).toList();

        assertThat(backup.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(steps).containsExactly("stamp", "mongodump-adoption-tracking", "mongodump-commission-tasking",
                "mongodump-reporting", "mongodump-scoring", "mongodump-submission-intake", "kafka-topics",
                "keycloak-realm");
        assertThat(pod.getInitContainers().get(1).getEnv().get(0).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("govinfo-mongodb");
        assertThat(pod.getContainers().get(0).getCommand().get(2)).contains("sha256sum");
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("govinfo-backups");
        String topics = chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "govinfo-backup-scripts")
                .getData().get("topics.txt");
        assertThat(topics.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .contains("intake.item-events.v1", "intake.unit-events.v1", "adoption.record-events.v1",
                        "commission.commission-events.v1", "scoring.ranking-events.v1",
                        "reporting.circular-events.v1", "scoring.dead-letter.v1");
    }

    @Test
    void theRestoreJobIsRenderedOnlyForANamedBackupAndChecksItFirst() {
        assertThat(RenderedChart.with(ON).all(Job.class)).extracting(j -> j.getMetadata().getName())
                .noneMatch(name -> name.contains("restore"));

        Map<String, String> restore = new java.util.HashMap<>(ON);
        restore.put("backup.restore.from", "20261206T183000Z");
        Job job = RenderedChart.with(restore).get(Job.class, "govinfo-restore");
        List<Container> steps = job.getSpec().getTemplate().getSpec().getInitContainers();

        assertThat(steps.get(0).getName()).isEqualTo("verify");
        assertThat(steps.get(0).getCommand().get(2)).contains("sha256sum -c");
        assertThat(steps.stream().map(Container::getName).filter(n -> n.startsWith("mongorestore-"))).hasSize(5);
    }

    @Test
    void theRestoreJobRestoresTheDatabasesThenProducesTheTopicsAgainThenImportsTheRealm() {
        Map<String, String> restore = new java.util.HashMap<>(ON);
        restore.put("backup.restore.from", "20261206T183000Z");
        RenderedChart chart = RenderedChart.with(restore);
        var pod = chart.get(Job.class, "govinfo-restore").getSpec().getTemplate().getSpec();
        List<String> steps = pod.getInitContainers().stream().map(Container::getName).toList();

        assertThat(steps).containsExactly("verify", "mongorestore-adoption-tracking", "mongorestore-commission-tasking",
                "mongorestore-reporting", "mongorestore-scoring", "mongorestore-submission-intake", "kafka-topics",
                "keycloak-realm");
        String topics = pod.getInitContainers().get(6).getCommand().get(2);
        // refuses a system whose event topics hold records, before producing anything
        assertThat(topics.indexOf("kafka-get-offsets.sh")).isLessThan(topics.indexOf("kafka-console-producer.sh"));
        assertThat(topics).contains("/backup/20261206T183000Z/kafka", "cut -f4-", "parse.headers=true",
                "parse.key=true", "null.marker=null", "\"NO_HEADERS\"");
        var scripts = chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "govinfo-restore-scripts").getData();
        assertThat(lines(scripts.get("topics.txt"))).contains("intake.item-events.v1", "intake.unit-events.v1",
                "adoption.record-events.v1", "commission.commission-events.v1", "scoring.ranking-events.v1",
                "reporting.circular-events.v1", "reporting.dead-letter.v1");
        // a fresh system has already written its unit directory and the rankings of the month that just ended; on the
        // compacted item scores a restored value and a newer one of the same item are told apart by scoreVersion
        assertThat(lines(scripts.get("restartable.txt")))
                .containsExactlyInAnyOrder("intake.unit-events.v1", "scoring.ranking-events.v1",
                        "scoring.item-scores.v1");
        String realm = pod.getInitContainers().get(7).getCommand().get(2);
        assertThat(realm).contains("/admin/realms/govinfo/partialImport", "{\"ifResourceExists\":\"SKIP\",",
                "/backup/20261206T183000Z/keycloak/realm.json");
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("backup", "scripts", "kafka-ca");
    }

    @Test
    void withStrimziTheRestoreWritesAsItsOwnPrincipalThatMayOnlyWriteTheProjectTopics() {
        Map<String, String> restore = new java.util.HashMap<>(ON);
        restore.put("backup.restore.from", "20261206T183000Z");
        restore.put("strimzi.enabled", "true");
        RenderedChart chart = RenderedChart.with(restore);

        var user = chart.allOfKind("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().endsWith("govinfo-restore")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                user.getAdditionalProperties().get("spec")).get("authorization")).get("acls");
        assertThat(acls).isNotEmpty().allSatisfy(acl -> {
            assertThat(acl.get("operations")).isEqualTo(List.of("Write", "Describe"));
            assertThat(((Map<?, ?>) acl.get("resource")).get("type")).isEqualTo("topic");
        });
        assertThat(acls).hasSize(lines(chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class,
                "govinfo-restore-scripts").getData().get("topics.txt")).size());
        String properties = chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, "govinfo-restore-scripts")
                .getData().get("kafka-client.properties");
        assertThat(properties).contains("username=\"govinfo-restore\"");
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void aBackupWithoutAVolumeIsRefused() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("backup.enabled", "true")))
                .hasMessageContaining("backup.existingClaim");
    }
}
