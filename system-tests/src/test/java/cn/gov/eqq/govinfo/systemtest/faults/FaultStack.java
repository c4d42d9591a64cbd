package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fault tests' own whole system (they kill and stop its parts, so it is never RunningSystem's): started once per
 * test JVM from the built jars, on free ports, with the H2 wire server so MongoDB data outlives a stop of the server,
 * two replicas of scoring, and stopped when the JVM exits.
 */
final class FaultStack {

    private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(420);

    private static DevStack stack;
    private static RuntimeException startFailure;
    private static Tokens tokens;
    private static Path dataDir;

    private FaultStack() {
    }

    static synchronized DevStack stack() {
        if (stack == null) {
            Path repo = RunningSystem.repoRoot();
            Map<Service, Path> jars = new EnumMap<>(Service.class);
            // under target/: the logs of every process (also of the killed ones) stay there for whoever reads a failure
            dataDir = repo.resolve("system-tests/target/faults-" + System.currentTimeMillis());
            for (Service service : Service.values()) {
                jars.put(service, wholeCopy(service.jarIn(repo, DevStackConfig.VERSION), dataDir.resolve("built")));
            }
            if (startFailure != null) {
                throw new IllegalStateException("the fault tests' system did not start (see the first failure)",
                        startFailure);
            }
            DevStackConfig base = DevStackConfig.forTest(repo, dataDir, true, jars);
            // patient: on a shared 2-core machine with other stacks running, Keycloak alone has needed 150 s
            // one test user drives the load as fast as the machine allows: the gateway's per-user rate limit (429,
            // its own test is RateLimitAndHeadersIT) would refuse part of it and of the read-back, which is not a fault
            List<String> jvm = new ArrayList<>(base.serviceJvmOptions());
            jvm.add("-Dgovinfo.gateway.rate-limit.enabled=false");
            // two scoring replicas, as the chart runs them: every fault test then also faces a pair of consumers
            // sharing the group, and ScoringReplicasIT kills one and replays while both consume
            DevStackConfig config = new DevStackConfig(base.repoRoot(), base.dataDir(), base.ports(),
                    DevStackConfig.Mongo.H2, null, true, base.services(), base.jars(), jvm,
                    START_TIMEOUT, START_TIMEOUT).withReplicas(Service.SCORING, 2);
            try {
                stack = DevStack.start(config);
            } catch (RuntimeException e) {
                startFailure = e; // one attempt per JVM: every later fault test fails at once with this cause
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-tests-stop"));
            System.out.println("[faults] dedicated system ready in " + stack.startupTime().toMillis() + " ms; logs in "
                    + dataDir.resolve("logs"));
        }
        return stack;
    }

    static synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(stack().keycloakIssuerUri());
        }
        return tokens;
    }

    static Path logDir() {
        stack();
        return dataDir.resolve("logs");
    }

    /** The Kafka broker's directory (its log dirs are below it). */
    static Path kafkaDir() {
        stack();
        return dataDir.resolve("kafka");
    }

    /**
     * A copy of a built jar that opens as a zip: in a tree others build in at the same time, a jar can be caught
     * half-written (seen once: "Invalid or corrupt jarfile"). Copies again until it reads, for at most two minutes.
     */
    private static Path wholeCopy(Path jar, Path dir) {
        Path copy = dir.resolve(jar.getFileName());
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                Files.createDirectories(dir);
                Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
                    if (zip.getEntry("META-INF/MANIFEST.MF") != null) {
                        return copy;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(jar + " has no manifest");
                }
            } catch (java.io.IOException beingWritten) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot get a whole copy of " + jar + ": " + beingWritten, beingWritten);
                }
            }
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
