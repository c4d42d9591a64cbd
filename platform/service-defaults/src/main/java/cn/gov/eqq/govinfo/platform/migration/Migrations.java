package cn.gov.eqq.govinfo.platform.migration;

import java.util.List;

/** A service's list of migrations, declared as one bean; the runner also picks up single {@link Migration} beans. */
public record Migrations(List<Migration> list) {

    public static Migrations of(Migration... migrations) {
        return new Migrations(List.of(migrations));
    }

    /**
     * The first version of every service: it records that the database has the shapes of the first release, and
     * changes nothing. Indexes stay with the adapters that use them (each creates its own, idempotently, at start).
     */
    public static Migration baseline() {
        return Migration.of(1, "baseline: documents and indexes as of the first release", database -> {
        });
    }
}
