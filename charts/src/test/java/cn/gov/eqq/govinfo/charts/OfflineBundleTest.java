package cn.gov.eqq.govinfo.charts;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/offline-bundle.sh writes what an intranet install carries across: the list of images with their names in
 * the private registry, the scripts that save and push them, the chart as an archive Helm installs, values that point
 * every image at the private registry, the realm, the plain manifests and checksums of it all.
 */
class OfflineBundleTest {

    private static final String REGISTRY = "harbor.zwww.example.gov.cn";

    @TempDir
    static Path dir;
    static Path bundle;
    static String output;

    @BeforeAll
    static void buildTheBundle() throws Exception {
        bundle = dir.resolve("bundle");
        Process process = new ProcessBuilder("bash", RepoPaths.ROOT.resolve("deploy/offline-bundle.sh").toString(),
                "--registry", REGISTRY + "/", "--out", bundle.toString()).redirectErrorStream(true).start();
        output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void theBundleHoldsTheImageListTheScriptsTheChartTheValuesTheRealmAndChecksums() throws Exception {
        try (var files = Files.list(bundle)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("images.txt", "save-images.sh",
                    "push-images.sh", "govinfo-0.1.0.tgz", "values-intranet.yaml", "govinfo-realm.json", "govinfo.yaml",
                    "SHA256SUMS");
        }
        assertThat(Files.readString(bundle.resolve("govinfo-realm.json")))
                .isEqualTo(Files.readString(RepoPaths.ROOT.resolve("identity/govinfo-realm.json")));
        assertThat(bundle.resolve("keycloak-themes/govinfo/login/theme.properties")).isRegularFile();

        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(bundle.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).contains("govinfo-0.1.0.tgz: OK", "values-intranet.yaml: OK", "images.txt: OK");
    }

    @Test
    void everyImageTheChartRunsIsListedAndNamedInThePrivateRegistry() throws Exception {
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (String line : Files.readAllLines(bundle.resolve("images.txt"))) {
            String[] pair = line.split("\t");
            sources.add(pair[0]);
            targets.add(pair[1]);
        }
        assertThat(sources).contains("govinfo/gateway:0.1.0", "govinfo/submission-intake:0.1.0",
                "govinfo/adoption-tracking:0.1.0", "govinfo/commission-tasking:0.1.0", "govinfo/scoring:0.1.0",
                "govinfo/reporting:0.1.0", "apache/kafka:4.1.2", "quay.io/keycloak/keycloak:26.5.6");
        assertThat(targets).allMatch(t -> t.startsWith(REGISTRY + "/"));

        // the chart rendered from the bundle's own archive with the bundle's values uses only listed target images
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Process untar = new ProcessBuilder("tar", "-xzf", bundle.resolve("govinfo-0.1.0.tgz").toString(), "-C",
                unpacked.toString()).start();
        assertThat(untar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(untar.exitValue()).isZero();
        assertThat(unpacked.resolve("govinfo/files/topics.tsv")).isRegularFile();
        String rendered = new Helm(unpacked.resolve("govinfo")).template().withName("govinfo").withNamespace("govinfo")
                .withValuesFile(bundle.resolve("values-intranet.yaml")).call();
        List<String> used = new ArrayList<>();
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (String document : Pattern.compile("(?m)^---\\s*$").split(rendered)) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            HasMetadata object = serialization.unmarshal(document, HasMetadata.class);
            PodSpec pod = object instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                    : object instanceof Job j ? j.getSpec().getTemplate().getSpec() : null;
            if (pod != null) {
                pod.getContainers().stream().map(Container::getImage).forEach(used::add);
            }
        }
        assertThat(used).hasSize(7).allMatch(targets::contains);
    }

    @Test
    void theScriptsSaveOnTheConnectedSideAndRetagAndPushOnTheIntranetSide() throws Exception {
        String save = Files.readString(bundle.resolve("save-images.sh"));
        String push = Files.readString(bundle.resolve("push-images.sh"));
        assertThat(save).contains("docker pull", "docker save -o images.tar");
        assertThat(push).contains("sha256sum -c images.tar.sha256", "docker load -i images.tar",
                "docker tag \"$source\" \"$target\"", "docker push \"$target\"");
        for (String script : List.of("save-images.sh", "push-images.sh")) {
            assertThat(Files.isExecutable(bundle.resolve(script))).as(script).isTrue();
            Process syntax = new ProcessBuilder("bash", "-n", bundle.resolve(script).toString()).start();
            assertThat(syntax.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(syntax.exitValue()).as(script).isZero();
        }
    }

    @Test
    void withoutARegistryTheScriptRefusesAndSaysWhatIsMissing() throws Exception {
        Process process = new ProcessBuilder("bash", RepoPaths.ROOT.resolve("deploy/offline-bundle.sh").toString(),
                "--out", dir.resolve("none").toString()).redirectErrorStream(true).start();
        String message = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(message).contains("缺少私有镜像仓库地址", "--registry");
        assertThat(dir.resolve("none")).doesNotExist();
    }
}
