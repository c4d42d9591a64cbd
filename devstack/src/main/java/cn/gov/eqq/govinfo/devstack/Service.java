package cn.gov.eqq.govinfo.devstack;

import java.nio.file.Path;

/** The processes built from this repository that the devstack runs, with their defaults from docs/development.md. */
public enum Service {

    INTAKE("submission-intake", "services/submission-intake", "intake", 8081, "INTAKE"),
    ADOPTION("adoption-tracking", "services/adoption-tracking", "adoption", 8082, "ADOPTION"),
    COMMISSION("commission-tasking", "services/commission-tasking", "commission", 8083, "COMMISSION"),
    SCORING("scoring", "services/scoring", "scoring", 8084, "SCORING"),
    REPORTING("reporting", "services/reporting", "reporting", 8085, "REPORTING"),
    GATEWAY("gateway", "gateway", null, 8080, "GATEWAY");

    private final String artifactId;
    private final String modulePath;
    private final String database;
    private final int defaultPort;
    private final String envPrefix;

    Service(String artifactId, String modulePath, String database, int defaultPort, String envPrefix) {
        this.artifactId = artifactId;
        this.modulePath = modulePath;
        this.database = database;
        this.defaultPort = defaultPort;
        this.envPrefix = envPrefix;
    }

    /** Maven artifact id, also the name in logs and messages. */
    public String artifactId() {
        return artifactId;
    }

    /** Its own database; {@code null} for the gateway, which has none. */
    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Environment variable that overrides the port, e.g. {@code SCORING_PORT}. */
    public String portEnv() {
        return envPrefix + "_PORT";
    }

    /** Environment variable through which the gateway learns where this service runs, e.g. {@code SCORING_URI}. */
    public String uriEnv() {
        return envPrefix + "_URI";
    }

    /**
     * The heap the devstack gives it ({@code -Xmx}, before the configured JVM options, which may override it): 192 MB
     * held every service's county-year (41–95 MB in use, docs/performance.md section 6); reporting keeps 384 MB, which
     * a province's annual evaluation of 3,000 units needed (section 2).
     */
    public String defaultHeap() {
        return this == REPORTING ? "384m" : "192m";
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }

    /** {@code <repo>/services/<name>/target/<name>-0.1.0-SNAPSHOT.jar}. */
    public Path jarIn(Path repoRoot, String version) {
        return repoRoot.resolve(modulePath).resolve("target").resolve(artifactId + "-" + version + ".jar");
    }

    public static java.util.List<Service> backends() {
        return java.util.List.of(INTAKE, ADOPTION, COMMISSION, SCORING, REPORTING);
    }
}
