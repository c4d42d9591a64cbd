package cn.gov.eqq.govinfo.systemtest.year;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.DevStackConfig;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The year-of-history check's own whole system, never the shared {@link RunningSystem}: its policy version reaches
 * back to 1 January of the year, which scoring refuses once another test has published a circular of a period the
 * version would reach (the room's journey publishes last quarter's); and the county's own tiers must not
 * change the rules under the other tests. Started once per test JVM from the built jars and stopped when it exits.
 */
public final class YearStack {

    private static DevStack stack;
    private static Tokens tokens;

    private YearStack() {
    }

    public static synchronized DevStack stack() {
        if (stack == null) {
            Path repo = RunningSystem.repoRoot();
            Map<Service, Path> jars = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                jars.put(service, service.jarIn(repo, DevStackConfig.VERSION));
            }
            // under target/: the logs of every process stay there for whoever reads a failure
            Path dataDir = repo.resolve("system-tests/target/year-" + System.currentTimeMillis());
            stack = DevStack.start(DevStackConfig.forTest(repo, dataDir, true, jars));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "year-check-stop"));
            System.out.println("[year] dedicated system ready in " + stack.startupTime().toMillis() + " ms; logs in "
                    + dataDir.resolve("logs"));
        }
        return stack;
    }

    public static synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(stack().keycloakIssuerUri());
        }
        return tokens;
    }
}
