package cn.gov.eqq.govinfo.platform.migration;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner against the real MongoDB driver on the test server: order, once only, records, lock, refusal. */
class MigrationRunnerTest {

    private MongoClient client;
    private MongoDatabase db;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void freshDatabase() {
        String name = "migrations-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoTestServer.uri(name));
        db = client.getDatabase(name);
    }

    @AfterEach
    void close() {
        db.drop();
        client.close();
    }

    private Migration logging(int version, String description) {
        return Migration.of(version, description, d -> {
            log.add("v" + version);
            d.getCollection("things").updateOne(Filters.eq("_id", "t"), Updates.push("steps", version),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        });
    }

    private MigrationRunner runner(Clock clock, Migration... migrations) {
        return new MigrationRunner(db, List.of(migrations), "host-a", clock, Duration.ofMinutes(5),
                Duration.ofMillis(20), Duration.ofSeconds(30));
    }

    private MigrationRunner runner(Migration... migrations) {
        return runner(Clock.systemUTC(), migrations);
    }

    @Test
    void appliesMissingMigrationsInVersionOrderWhateverTheDeclarationOrder() {
        List<Integer> applied = runner(logging(3, "three"), logging(1, "one"), logging(2, "two")).run();

        assertThat(applied).containsExactly(1, 2, 3);
        assertThat(log).containsExactly("v1", "v2", "v3");
        assertThat(db.getCollection("things").find().first().getList("steps", Integer.class))
                .containsExactly(1, 2, 3);
    }

    @Test
    void recordsEachMigrationWithItsDescriptionChecksumTimeAndHost() {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");
        runner(new MutableClock(now), logging(1, "baseline")).run();

        Document recorded = db.getCollection(MigrationRunner.HISTORY).find().first();
        assertThat(recorded.get("_id")).isEqualTo(1);
        assertThat(recorded.getString("description")).isEqualTo("baseline");
        assertThat(recorded.getString("checksum")).isEqualTo(MigrationRunner.checksum(logging(1, "baseline")))
                .hasSize(64);
        assertThat(recorded.getDate("appliedAt")).isEqualTo(Date.from(now));
        assertThat(recorded.getString("appliedBy")).isEqualTo("host-a");
        assertThat(db.getCollection(MigrationRunner.LOCK).countDocuments()).isZero();
    }

    @Test
    void aSecondStartAppliesNothingAndANewReleaseOnlyItsNewMigration() {
        runner(logging(1, "one"), logging(2, "two")).run();

        assertThat(runner(logging(1, "one"), logging(2, "two")).run()).isEmpty();
        assertThat(runner(logging(1, "one"), logging(2, "two"), logging(3, "three")).run()).containsExactly(3);
        assertThat(log).containsExactly("v1", "v2", "v3");
        assertThat(db.getCollection(MigrationRunner.HISTORY).countDocuments()).isEqualTo(3);
    }

    @Test
    void refusesADatabaseMigratedByANewerReleaseNamingBothVersions() {
        runner(logging(1, "one"), logging(2, "two"), logging(3, "three")).run();
        log.clear();

        assertThatThrownBy(() -> runner(logging(1, "one"), logging(2, "two")).run())
                .isInstanceOf(DatabaseNewerThanCodeException.class)
                .hasMessageContaining("schema version 3")
                .hasMessageContaining("newest migration 2")
                .hasMessageContaining(db.getName());
        assertThat(log).isEmpty();
    }

    @Test
    void refusesAReleasedMigrationWhoseDescriptionChanged() {
        runner(logging(1, "one")).run();

        assertThatThrownBy(() -> runner(logging(1, "one, edited")).run())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("v1").hasMessageContaining("\"one\"").hasMessageContaining("\"one, edited\"");
    }

    @Test
    void refusesTwoMigrationsWithTheSameVersion() {
        assertThatThrownBy(() -> runner(logging(1, "one"), logging(1, "uno")))
                .isInstanceOf(MigrationException.class).hasMessageContaining("two migrations with version 1");
    }

    @Test
    void aFailedMigrationIsNotRecordedStopsTheStartAndRunsAgainNextTime() {
        AtomicInteger attempts = new AtomicInteger();
        Migration flaky = Migration.of(2, "flaky", d -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(() -> runner(logging(1, "one"), flaky).run())
                .isInstanceOf(MigrationException.class).hasMessageContaining("v2").hasMessageContaining("disk full");
        assertThat(db.getCollection(MigrationRunner.HISTORY).countDocuments()).isEqualTo(1);
        assertThat(db.getCollection(MigrationRunner.LOCK).countDocuments()).isZero();

        assertThat(runner(logging(1, "one"), flaky).run()).containsExactly(2);
    }

    @Test
    void replicasStartingTogetherApplyEachMigrationExactlyOnceAndAllSeeItDone() throws Exception {
        AtomicInteger applications = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        Migration slow = Migration.of(1, "slow", d -> {
            applications.incrementAndGet();
            inside.countDown();
            d.getCollection("things").insertOne(new Document("_id", "once"));
        });
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            MigrationRunner r = new MigrationRunner(db, List.of(slow, logging(2, "two")), "replica-" + i,
                    Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofSeconds(30));
            Callable<List<Integer>> start = () -> {
                go.await();
                return r.run();
            };
            results.add(pool.submit(start));
        }
        go.countDown();
        List<List<Integer>> applied = new ArrayList<>();
        for (Future<List<Integer>> f : results) {
            applied.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(applications.get()).isEqualTo(1);
        assertThat(log).containsExactly("v2");
        assertThat(applied).filteredOn(l -> !l.isEmpty()).containsExactly(List.of(1, 2));
        assertThat(db.getCollection(MigrationRunner.HISTORY).countDocuments()).isEqualTo(2);
        assertThat(db.getCollection(MigrationRunner.LOCK).countDocuments()).isZero();
    }

    @Test
    void aReplicaWaitsWhileAnotherHoldsTheLockAndFindsTheWorkDone() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
        db.getCollection(MigrationRunner.LOCK).insertOne(new Document("_id", "migrations").append("owner", "other")
                .append("host", "replica-b").append("lockedUntil", Date.from(clock.instant().plusSeconds(300))));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<List<Integer>> waiting = pool.submit(() -> runner(clock, logging(1, "one")).run());

        // the other replica finishes: it records v1 and releases the lock
        org.awaitility.Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> !waiting.isDone());
        db.getCollection(MigrationRunner.HISTORY).insertOne(new Document("_id", 1).append("description", "one")
                .append("checksum", MigrationRunner.checksum(logging(1, "one"))));
        db.getCollection(MigrationRunner.LOCK).deleteOne(Filters.eq("_id", "migrations"));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(log).isEmpty();
        pool.shutdown();
    }

    @Test
    void takesOverTheExpiredLockOfAReplicaThatDied() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
        db.getCollection(MigrationRunner.LOCK).insertOne(new Document("_id", "migrations").append("owner", "dead")
                .append("host", "replica-dead").append("lockedUntil", Date.from(clock.instant().minusSeconds(1))));

        assertThat(runner(clock, logging(1, "one")).run()).containsExactly(1);
        assertThat(db.getCollection(MigrationRunner.LOCK).countDocuments()).isZero();
    }

    @Test
    void givesUpWithTheHolderNamedWhenTheLockIsHeldLongerThanTheWait() {
        db.getCollection(MigrationRunner.LOCK).insertOne(new Document("_id", "migrations").append("owner", "other")
                .append("host", "replica-b").append("lockedUntil", Date.from(Instant.now().plusSeconds(300))));
        MigrationRunner impatient = new MigrationRunner(db, List.of(logging(1, "one")), "host-a", Clock.systemUTC(),
                Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofMillis(200));

        assertThatThrownBy(impatient::run).isInstanceOf(MigrationException.class)
                .hasMessageContaining("replica-b");
        assertThat(log).isEmpty();
    }
}
