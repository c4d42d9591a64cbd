package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole system, started once per test JVM from the built jars by the same devstack that README command 1 runs
 * (free ports, in-memory MongoDB wire server, a fresh Keycloak) and stopped when the JVM exits. Every system test
 * shares it: starting seven JVMs and Keycloak costs a minute or more on two cores.
 */
public final class RunningSystem {

    private static DevStack stack;
    private static Tokens tokens;

    private RunningSystem() {
    }

    public static synchronized DevStack stack() {
        if (stack == null) {
            Path repo = repoRoot();
            Map<Service, Path> jars = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                jars.put(service, service.jarIn(repo, DevStackConfig.VERSION));
            }
            // under target/, not a temp dir: the logs of every process stay there for whoever reads a failure
            Path dataDir = repo.resolve("system-tests/target/system-" + System.currentTimeMillis());
            // two gateways, as in production: a person signed in through one goes on through the other
            // (TwoGatewayReplicasIT); every other test uses the first
            stack = DevStack.start(DevStackConfig.forTest(repo, dataDir, true, jars).withReplicas(Service.GATEWAY, 2));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-tests-stop"));
            System.out.println("[system-tests] whole system ready in " + stack.startupTime().toMillis() + " ms "
                    + stack.timings() + "; logs in " + dataDir.resolve("logs"));
        }
        return stack;
    }

    static synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(stack().keycloakIssuerUri());
        }
        return tokens;
    }

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
