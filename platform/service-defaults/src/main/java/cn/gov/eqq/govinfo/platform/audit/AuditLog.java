package cn.gov.eqq.govinfo.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * The audit log of one service. Append and read only: there is deliberately no method that changes or removes a
 * record (docs/audit.md), and {@code AuditLogIsAppendOnlyTest} keeps it that way.
 */
public interface AuditLog {

    void append(AuditRecord record);

    Page search(Query query);

    /** {@code from} inclusive, {@code to} exclusive; {@code actor} matches the username or the subject. */
    record Query(Instant from, Instant to, String actor, int page, int size) {
    }

    /** Newest first. */
    record Page(List<AuditRecord> entries, int page, int size, long total) {
    }
}
