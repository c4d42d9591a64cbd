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

    /** Walks the hash chain from the first line to the head (docs/audit.md); reads only. */
    Verification verify();

    /** {@code from} inclusive, {@code to} exclusive; {@code actor} matches the username or the subject. */
    record Query(Instant from, Instant to, String actor, int page, int size) {
    }

    /**
     * The outcome of a chain check. When {@code intact} is false, {@code brokenSeq} is the first line whose place in
     * the chain does not hold (a missing line is named by the number it should have had), {@code brokenId} its id
     * when it exists, and {@code problem} says what is wrong, in Chinese. {@code unchainedLines}: lines written before
     * the chain existed, which it cannot vouch for.
     */
    record Verification(boolean intact, long linesChecked, long headSeq, long unchainedLines, Long brokenSeq,
                        String brokenId, String problem) {

        static Verification intact(long linesChecked, long headSeq, long unchainedLines) {
            return new Verification(true, linesChecked, headSeq, unchainedLines, null, null, null);
        }

        static Verification broken(long linesChecked, long headSeq, long unchainedLines, long seq, String id,
                                   String problem) {
            return new Verification(false, linesChecked, headSeq, unchainedLines, seq, id, problem);
        }
    }

    /** Newest first. */
    record Page(List<AuditRecord> entries, int page, int size, long total) {
    }
}
