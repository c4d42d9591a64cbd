package cn.gov.eqq.govinfo.gateway;

import cn.gov.eqq.govinfo.testsupport.redis.RedisTestServer;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every gateway started by a test of this module (a {@code @SpringBootTest} or a second replica) keeps its sessions
 * and rate limits in this JVM's test Redis, the real server, started on first use. A JVM that serves nothing (the
 * structured-log probe) is left alone.
 */
public class TestRedisEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-redis",
                Map.of("spring.data.redis.url", RedisTestServer.url())));
    }
}
