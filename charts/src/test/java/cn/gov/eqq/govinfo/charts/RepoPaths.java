package cn.gov.eqq.govinfo.charts;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the deployment files, relative to the repository root (surefire passes it in). */
final class RepoPaths {

    static final Path ROOT = Path.of(System.getProperty("govinfo.repo.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("charts/govinfo");
    static final Path K8S_MANIFEST = ROOT.resolve("k8s/govinfo.yaml");
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path DOCKERFILE = ROOT.resolve("deploy/Dockerfile");

    static {
        if (!Files.isRegularFile(CHART.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + CHART + "; run the tests from the charts module");
        }
    }

    private RepoPaths() {
    }
}
