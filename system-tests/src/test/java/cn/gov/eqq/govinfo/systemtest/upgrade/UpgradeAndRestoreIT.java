package cn.gov.eqq.govinfo.systemtest.upgrade;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proof of issue 16: a year of data with published circulars, captured from an earlier release
 * ({@code src/test/resources/upgrade/fixture.zip}, made by {@link UpgradeFixtureCapture}), is restored into an empty
 * system of this release, which upgrades it as it starts (its migrations run on the restored databases); everything
 * it answers about that year — every published circular's DOCX and XLSX, every ranking and every explanation — is
 * what the earlier release answered. That system is then backed up and the backup restored into a second empty
 * system, which answers the same again, the documents byte for byte. Nothing is done by hand in between: the test
 * only starts systems, runs backup and restore, and reads the public API.
 */
class UpgradeAndRestoreIT {

    private static final Duration CONVERGE = Duration.ofMinutes(3);

    @Test
    void aYearFromTheEarlierReleaseIsUpgradedBackedUpAndRestoredTwiceAndAnswersTheSame() throws Exception {
        Path work = RunningSystem.repoRoot().resolve("system-tests/target/upgrade-" + System.currentTimeMillis());
        Path fixture = unzipFixture(work.resolve("fixture"));
        Path upgraded = work.resolve("answers-upgraded");
        Path secondBackup = work.resolve("backup-of-upgraded");
        long begin = System.nanoTime();

        // one system after the other: two devstacks choosing free ports at the same time can choose the same one
        try (DevStack first = Stacks.startEmpty(work.resolve("first"))) {
            restoreAndStartServices(first, fixture.resolve("backup"));
            awaitSameAnswers(first, fixture.resolve("answers"), upgraded, true);
            Stacks.backup(first, secondBackup);
        }
        try (DevStack second = Stacks.startEmpty(work.resolve("second"))) {
            restoreAndStartServices(second, secondBackup);
            awaitSameAnswers(second, upgraded, work.resolve("answers-restored"), false);
        }
        System.out.println("[upgrade] proof done in " + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s");
    }

    /**
     * Restores a backup into an empty system the way an operator upgrades one: the backup restored (databases,
     * topics, realm) while no service runs, then the services of this release started on it — their migrations run
     * before they serve.
     */
    private static void restoreAndStartServices(DevStack stack, Path backup) {
        Stacks.restore(stack, backup);
        stack.startServices();
    }

    /** Captures the answers until they agree with the expected ones (consumers catch up on the restored topics). */
    private static void awaitSameAnswers(DevStack stack, Path expected, Path into, boolean renderedWithTheClock) {
        Api api = new Api(stack.gatewayUrl());
        Tokens tokens = new Tokens(stack.keycloakIssuerUri());
        List<String> differences = new ArrayList<>();
        int[] attempt = {0};
        await().atMost(CONVERGE).pollInterval(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            Path dir = into.resolveSibling(into.getFileName() + "-" + (++attempt[0]));
            SystemAnswers.capture(api, tokens, dir);
            differences.clear();
            differences.addAll(AnswerComparison.differences(expected, dir, renderedWithTheClock));
            assertThat(differences).as("answers that differ from " + expected).isEmpty();
            Files.move(dir, into);
        });
        assertThat(into).isDirectory();
    }

    private static Path unzipFixture(Path dir) throws IOException {
        try (InputStream in = UpgradeAndRestoreIT.class.getResourceAsStream("/upgrade/fixture.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path file = dir.resolve(e.getName()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IllegalStateException("entry outside the fixture: " + e.getName());
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        }
        return dir;
    }
}
