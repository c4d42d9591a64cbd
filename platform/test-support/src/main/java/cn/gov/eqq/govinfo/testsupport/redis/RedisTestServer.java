package cn.gov.eqq.govinfo.testsupport.redis;

import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import cn.gov.eqq.govinfo.localinfra.redis.RedisServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Redis per test JVM: the {@code redis:7} image where Docker runs (Testcontainers), otherwise Debian's
 * {@code redis-server} started on a free loopback port (.ci/run installs it). Which one ran is printed. Set
 * {@code GOVINFO_TEST_REDIS_URL} to use a server of your own.
 */
public final class RedisTestServer {

    private static String url;

    private RedisTestServer() {
    }

    /** {@code redis://host:port} of this JVM's test Redis, started on first use. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        String external = System.getenv("GOVINFO_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            System.out.println("[RedisTestServer] using the Redis at GOVINFO_TEST_REDIS_URL");
            return external;
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String address = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
            System.out.println("[RedisTestServer] Docker is available: using a redis:7 container at " + address);
            return address;
        }
        try {
            Path dir = Files.createTempDirectory("govinfo-redis-test-");
            RedisServer server = RedisServer.start(FreePorts.pick(), dir, dir.resolve("redis.log"), Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("[RedisTestServer] no Docker here: using redis-server on " + server.url() + " (started in "
                    + server.startupTime().toMillis() + " ms)");
            return server.url();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the redis-server directory", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
