package cn.gov.eqq.govinfo.platform.migration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a service's missing migrations to its database, in version order, once, and records each in
 * {@code schema_migrations} ({@code _id} = version, description, checksum, appliedAt, appliedBy, durationMs).
 * <p>
 * Two replicas may start at once and the MongoDB here has no multi-document transactions, so the work is guarded by
 * one lock document in {@code schema_migrations_lock}, taken with a single atomic findOneAndUpdate (upsert) that only
 * matches a free or expired lock; the loser's upsert collides on {@code _id} and it waits, polling, until the winner
 * has recorded every migration (then it has nothing to do) or the lock is free again. The lock is a lease, renewed
 * after each migration, so a replica that died holding it blocks the others for one lease at most.
 * <p>
 * A database recording a version newer than the newest migration this code knows is refused
 * ({@link DatabaseNewerThanCodeException}); a recorded migration whose version and description no longer match the
 * code's is refused too (a released migration was edited).
 */
public class MigrationRunner {

    public static final String HISTORY = "schema_migrations";
    public static final String LOCK = "schema_migrations_lock";
    private static final String LOCK_ID = "migrations";
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private final MongoDatabase database;
    private final List<Migration> migrations;
    private final String host;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration maxWait;
    private final String owner;

    public MigrationRunner(MongoDatabase database, List<Migration> migrations, String host, Clock clock,
                           Duration lease, Duration pollInterval, Duration maxWait) {
        this.database = database;
        this.migrations = sortedAndChecked(migrations);
        this.host = host;
        this.clock = clock;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
        this.owner = host + "/" + UUID.randomUUID();
    }

    /** The newest version this code knows (0 without migrations). */
    public int codeVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Brings the database up to {@link #codeVersion()}.
     *
     * @return the versions this call applied (empty when another replica did the work or there was none)
     */
    public List<Integer> run() {
        Map<Integer, Document> applied = checkRecorded();
        if (pending(applied).isEmpty()) {
            return List.of();
        }
        Instant giveUpAt = clock.instant().plus(maxWait);
        while (!tryLock()) {
            if (pending(checkRecorded()).isEmpty()) {
                log.info("schema of '{}' brought to v{} by another replica", database.getName(), codeVersion());
                return List.of();
            }
            if (clock.instant().isAfter(giveUpAt)) {
                throw new MigrationException("migrations of '" + database.getName() + "' are locked by "
                        + lockHolder() + " for longer than " + maxWait + ": not starting");
            }
            pause();
        }
        try {
            List<Integer> done = new ArrayList<>();
            for (Migration m : pending(checkRecorded())) {
                apply(m);
                done.add(m.version());
                renewLock();
            }
            return done;
        } finally {
            history(LOCK).deleteOne(Filters.and(Filters.eq("_id", LOCK_ID), Filters.eq("owner", owner)));
        }
    }

    private void apply(Migration m) {
        log.info("migrating '{}' to v{}: {}", database.getName(), m.version(), m.description());
        Instant start = clock.instant();
        try {
            m.apply(database);
        } catch (RuntimeException e) {
            throw new MigrationException("migration v" + m.version() + " (" + m.description() + ") of '"
                    + database.getName() + "' failed: " + e.getMessage(), e);
        }
        Instant end = clock.instant();
        history(HISTORY).insertOne(new Document("_id", m.version())
                .append("description", m.description())
                .append("checksum", checksum(m))
                .append("appliedAt", Date.from(end))
                .append("appliedBy", host)
                .append("durationMs", Duration.between(start, end).toMillis()));
    }

    /** The recorded migrations by version, after refusing a newer database or an edited migration. */
    private Map<Integer, Document> checkRecorded() {
        Map<Integer, Document> recorded = new HashMap<>();
        for (Document d : history(HISTORY).find().sort(Sorts.ascending("_id"))) {
            recorded.put(((Number) d.get("_id")).intValue(), d);
        }
        int newest = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > codeVersion()) {
            throw new DatabaseNewerThanCodeException(database.getName(), newest, codeVersion());
        }
        for (Migration m : migrations) {
            Document d = recorded.get(m.version());
            if (d != null && !checksum(m).equals(d.getString("checksum"))) {
                throw new MigrationException("migration v" + m.version() + " of '" + database.getName()
                        + "' was applied as \"" + d.getString("description") + "\" but this code has \""
                        + m.description() + "\": a released migration must never change");
            }
        }
        return recorded;
    }

    private List<Migration> pending(Map<Integer, Document> recorded) {
        return migrations.stream().filter(m -> !recorded.containsKey(m.version())).toList();
    }

    private boolean tryLock() {
        Instant now = clock.instant();
        try {
            Document lock = history(LOCK).findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LOCK_ID), Filters.lt("lockedUntil", Date.from(now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("host", host),
                            Updates.set("acquiredAt", Date.from(now)),
                            Updates.set("lockedUntil", Date.from(now.plus(lease)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lock != null && owner.equals(lock.getString("owner"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private void renewLock() {
        Document renewed = history(LOCK).findOneAndUpdate(
                Filters.and(Filters.eq("_id", LOCK_ID), Filters.eq("owner", owner)),
                Updates.set("lockedUntil", Date.from(clock.instant().plus(lease))));
        if (renewed == null) {
            throw new MigrationException("lost the migration lock of '" + database.getName()
                    + "' (a migration took longer than the lease " + lease + "): not starting");
        }
    }

    private String lockHolder() {
        Document lock = history(LOCK).find(Filters.eq("_id", LOCK_ID)).first();
        return lock == null ? "nobody" : lock.getString("host");
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
    }

    private MongoCollection<Document> history(String name) {
        return database.getCollection(name);
    }

    static String checksum(Migration m) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((m.version() + ":" + m.description()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Migration> sortedAndChecked(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 0; i < sorted.size(); i++) {
            Migration m = sorted.get(i);
            if (m.version() < 1) {
                throw new MigrationException("migration versions start at 1: " + m);
            }
            if (i > 0 && sorted.get(i - 1).version() == m.version()) {
                throw new MigrationException("two migrations with version " + m.version() + ": "
                        + sorted.get(i - 1).description() + " / " + m.description());
            }
        }
        return List.copyOf(sorted);
    }
}
