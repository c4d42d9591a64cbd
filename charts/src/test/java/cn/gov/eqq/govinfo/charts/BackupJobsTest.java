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
    void aBackupWithoutAVolumeIsRefused() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("backup.enabled", "true")))
                .hasMessageContaining("backup.existingClaim");
    }
}
