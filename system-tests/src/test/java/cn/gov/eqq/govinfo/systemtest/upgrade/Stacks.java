package cn.gov.eqq.govinfo.systemtest.upgrade;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.devstack.backup.BackupCommand;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Whole systems of their own (not the shared {@link RunningSystem}: these must start empty), backed up and restored. */
final class Stacks {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    private Stacks() {
    }

    /**
     * A fresh, empty system from this tree's built jars, its data and logs under {@code dataDir}: the database, the
     * broker, Keycloak and Redis running, no service started yet (an operator restores before the services start).
     */
    static DevStack startEmpty(Path dataDir) {
        Path repo = RunningSystem.repoRoot();
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            jars.put(service, service.jarIn(repo, DevStackConfig.VERSION));
        }
        DevStackConfig base = DevStackConfig.forTest(repo, dataDir, true, jars);
        // the captures read a few hundred answers as one user as fast as they come: the gateway's per-user rate
        // limit (its own test is RateLimitAndHeadersIT) would refuse part of them, which is not what is under test
        List<String> jvm = new ArrayList<>(base.serviceJvmOptions());
        jvm.add("-Dgovinfo.gateway.rate-limit.enabled=false");
        // patient: on a shared 2-core machine with other stacks running, Keycloak alone has needed 180 s and more
        DevStack stack = DevStack.startInfrastructure(new DevStackConfig(base.repoRoot(), base.dataDir(),
                base.ports(), base.mongo(), null, true, base.services(), base.jars(), jvm, START_TIMEOUT,
                START_TIMEOUT), line -> System.out.println("[devstack " + dataDir.getFileName() + "] " + line));
        System.out.println("[upgrade] infrastructure of " + dataDir.getFileName() + " ready in "
                + stack.startupTime().toMillis() + " ms; logs in " + dataDir.resolve("logs"));
        return stack;
    }

    /** {@code bin/govinfo backup DIR} against this stack (the same command, in this JVM). */
    static void backup(DevStack stack, Path dir) {
        run(stack, "backup", dir);
    }

    /** {@code bin/govinfo restore DIR} against this stack. */
    static void restore(DevStack stack, Path dir) {
        run(stack, "restore", dir);
    }

    private static void run(DevStack stack, String command, Path dir) {
        try {
            // where the command finds the running system: the file `bin/govinfo up` writes into its data dir
            Path dataDir = stack.config().dataDir();
            Files.writeString(dataDir.resolve("devstack.urls"), "keycloak-issuer=" + stack.keycloakIssuerUri() + "\n"
                    + "kafka=" + stack.kafkaBootstrapServers() + "\n" + "mongodb=" + stack.mongoUri("") + "\n",
                    StandardCharsets.UTF_8);
            int exit = BackupCommand.run(command, List.of(dir.toString()), dataDir, Map.of());
            if (exit != 0) {
                throw new IllegalStateException("bin/govinfo " + command + " " + dir + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
