package cn.gov.eqq.govinfo.platform.migration;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole application contexts: migrations run at start-up, before lifecycle beans, once across replicas. */
class MigrationAutoConfigurationTest {

    private static final AtomicInteger applications = new AtomicInteger();

    private String database;
    private MongoClient client;
    private MongoDatabase db;

    @BeforeEach
    void freshDatabase() {
        database = "autoconf-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoTestServer.uri(database));
        db = client.getDatabase(database);
        applications.set(0);
    }

    @AfterEach
    void close() {
        db.drop();
        client.close();
    }

    private WebApplicationContextRunner service(Class<?> migrations) {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                        DataMongoAutoConfiguration.class, MigrationAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=" + MongoTestServer.uri(database),
                        "govinfo.migrations.poll-interval=20ms")
                .withUserConfiguration(migrations, SchemaVersionAtLifecycleStart.class);
    }

    @Test
    void aServiceStartsWithItsDatabaseMigratedBeforeItsLifecycleBeansStart() {
        service(ReleaseTwo.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaVersionAtLifecycleStart.class).recordedAtStart).containsExactly(1, 2);
        });
        assertThat(db.getCollection(MigrationRunner.HISTORY).find().map(d -> d.getString("description")))
                .containsExactly("baseline: documents and indexes as of the first release", "items get a unit");
    }

    @Test
    void anOlderReleaseRefusesToStartOnTheDatabaseOfANewerOne() {
        service(ReleaseTwo.class).run(context -> assertThat(context).hasNotFailed());

        service(ReleaseOne.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .isInstanceOf(DatabaseNewerThanCodeException.class)
                    .hasMessageContaining("schema version 2").hasMessageContaining("newest migration 1");
        });
    }

    @Test
    void twoReplicasStartingAtOnceApplyEachMigrationOnceAndBothStart() throws Exception {
        List<CompletableFuture<Boolean>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                boolean[] started = new boolean[1];
                service(ReleaseTwo.class).run(context -> started[0] = context.getStartupFailure() == null);
                return started[0];
            }));
        }
        for (CompletableFuture<Boolean> replica : replicas) {
            assertThat(replica.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(applications.get()).isEqualTo(1);
        assertThat(db.getCollection(MigrationRunner.HISTORY).countDocuments()).isEqualTo(2);
    }

    @Configuration(proxyBeanMethods = false)
    static class ReleaseOne {
        @Bean
        Migrations migrations() {
            return Migrations.of(Migrations.baseline());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReleaseTwo {
        @Bean
        Migrations migrations() {
            return Migrations.of(Migrations.baseline());
        }

        @Bean
        Migration itemsGetAUnit() {
            return Migration.of(2, "items get a unit", d -> {
                applications.incrementAndGet();
                d.getCollection("items").updateMany(new Document("unit", new Document("$exists", false)),
                        new Document("$set", new Document("unit", "U001")));
            });
        }
    }

    /** Stands for the web server and the Kafka listeners: what schema did it see when it started? */
    static class SchemaVersionAtLifecycleStart implements SmartLifecycle {
        private final MongoTemplate mongo;
        private volatile boolean running;
        final List<Integer> recordedAtStart = new ArrayList<>();

        SchemaVersionAtLifecycleStart(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @Override
        public void start() {
            mongo.getCollection(MigrationRunner.HISTORY).find().forEach(d -> recordedAtStart.add(d.getInteger("_id")));
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
