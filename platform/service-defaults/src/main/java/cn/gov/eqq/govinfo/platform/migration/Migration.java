package cn.gov.eqq.govinfo.platform.migration;

import com.mongodb.client.MongoDatabase;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One step that brings a service's database from {@code version - 1} to {@code version}. A service declares its
 * migrations as beans (or one {@link Migrations} bean); the {@link MigrationRunner} applies the missing ones in
 * version order once per database, before the service takes requests or consumes records.
 * <p>
 * A migration must be idempotent: a replica that dies half-way leaves it unrecorded, and the next start applies it
 * again over what was already done (use upserts, {@code $set}, {@code createIndex}, filters on the old shape).
 * Once released, a migration's version and description never change: the recorded checksum is made of them.
 */
public interface Migration {

    /** 1, 2, 3, … — unique within a service, never reused. */
    int version();

    /** What it does, for people reading {@code schema_migrations}. */
    String description();

    void apply(MongoDatabase database);

    /** A migration from a lambda, e.g. {@code Migration.of(2, "items: unitId → unit", db -> ...)}. */
    static Migration of(int version, String description, Consumer<MongoDatabase> apply) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(apply, "apply");
        return new Migration() {
            @Override
            public int version() {
                return version;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void apply(MongoDatabase database) {
                apply.accept(database);
            }

            @Override
            public String toString() {
                return "v" + version + " " + description;
            }
        };
    }
}
