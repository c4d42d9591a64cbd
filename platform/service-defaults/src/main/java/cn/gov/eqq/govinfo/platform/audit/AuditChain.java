package cn.gov.eqq.govinfo.platform.audit;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hash chain of a service's audit log: line {@code n} carries {@code prev} = the hash of line {@code n-1} and
 * {@code hash} = SM3({@code prev} + the canonical form of line {@code n}, its sequence number included). Removing,
 * changing or reordering a line breaks the chain at that line; the chain head ({@link AuditChainHead}) holds the hash
 * of the last line, so removing lines at the end shows too (docs/audit.md, ADR 0009).
 * <p>
 * SM3 (GB/T 32905-2016) from Bouncy Castle, as the 国密 rules for government systems expect.
 */
public final class AuditChain {

    /** The {@code prev} of line 1: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of line {@code seq} whose predecessor hashed to {@code prev}. */
    public static String hash(long seq, String prev, AuditRecord record) {
        return sm3(prev + "\n" + canonical(seq, record));
    }

    public static String sm3(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Every field of the line in a fixed order, each value length-prefixed (so no value can imitate a separator), the
     * time in epoch milliseconds (what a BSON date keeps), roles and resource ids sorted.
     */
    static String canonical(long seq, AuditRecord r) {
        StringBuilder out = new StringBuilder();
        field(out, "seq", Long.toString(seq));
        field(out, "id", r.id());
        field(out, "at", Long.toString(r.at().toEpochMilli()));
        field(out, "service", r.service());
        field(out, "actor.subject", r.actor().subject());
        field(out, "actor.username", r.actor().username());
        field(out, "actor.unitId", r.actor().unitId());
        field(out, "actor.roles", String.join(",", new TreeSet<>(r.actor().roles())));
        field(out, "origin.clientAddress", r.origin().clientAddress());
        field(out, "origin.forwardedFor", r.origin().forwardedFor());
        field(out, "origin.peerAddress", r.origin().peerAddress());
        field(out, "origin.userAgent", r.origin().userAgent());
        field(out, "origin.requestId", r.origin().requestId());
        field(out, "origin.traceId", r.origin().traceId());
        field(out, "action.method", r.action().method());
        field(out, "action.path", r.action().path());
        field(out, "action.pattern", r.action().pattern());
        for (Map.Entry<String, String> id : new TreeMap<>(r.action().resourceIds()).entrySet()) {
            field(out, "action.resourceIds." + id.getKey(), id.getValue());
        }
        field(out, "action.location", r.action().location());
        field(out, "action.status", Integer.toString(r.action().status()));
        field(out, "action.outcome", r.action().outcome().name());
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }
}
