package cn.gov.eqq.govinfo.platform.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every servlet service with a MongoDB brings its database to its code's schema version at start-up: after the beans
 * are built and before the web server, the Kafka listeners and the schedulers start (they are lifecycle beans that
 * start later), so nothing reads or writes the old shapes once the new code runs. A failure stops the start.
 * The service declares its {@link Migration}s (or one {@link Migrations}) as beans; without any, nothing runs.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "govinfo.migrations", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationProperties.class)
public class MigrationAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MigrationAutoConfiguration.class);

    @Bean
    SmartInitializingSingleton schemaMigrationsAtStartUp(ObjectProvider<MongoTemplate> mongo,
                                                         ObjectProvider<Migration> single,
                                                         ObjectProvider<Migrations> lists,
                                                         MigrationProperties properties) {
        return () -> mongo.ifAvailable(template -> {
            List<Migration> all = new ArrayList<>(single.orderedStream().toList());
            lists.orderedStream().forEach(l -> all.addAll(l.list()));
            if (all.isEmpty()) {
                return; // a module without a database of its own (e.g. a test application)
            }
            MigrationRunner runner = new MigrationRunner(template.getDb(), all, host(), Clock.systemUTC(),
                    properties.lease(), properties.pollInterval(), properties.maxWait());
            List<Integer> applied = runner.run();
            log.info("schema of '{}' at v{} (applied now: {})", template.getDb().getName(), runner.codeVersion(),
                    applied);
        });
    }

    static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod + "#" + ProcessHandle.current().pid();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "#" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "unknown#" + ProcessHandle.current().pid();
        }
    }
}
