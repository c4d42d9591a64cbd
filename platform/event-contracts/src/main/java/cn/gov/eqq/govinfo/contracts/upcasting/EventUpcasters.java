package cn.gov.eqq.govinfo.contracts.upcasting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every upcaster of every contract ever published: how a reader of a topic reads each older version of a payload as
 * the newest one. A contract's upcasters form a chain v1→v2→…→newest with no gap; the codec applies the part of the
 * chain from the record's version to the newest version the catalogue lists.
 * <p>
 * To publish a new version of a contract (a change that is not additive): keep the old golden file, add the new one,
 * give the payload class the new version in {@code EventCatalog}, and add the upcaster from the previous version to
 * {@link #PUBLISHED}. Every contract is at v1 today, so the published list is empty.
 */
public final class EventUpcasters {

    /** The upcasters of the contracts this build publishes. */
    public static final EventUpcasters PUBLISHED = new EventUpcasters(List.of());

    private final Map<String, PayloadUpcaster> byTypeAndFrom = new HashMap<>();

    public EventUpcasters(List<PayloadUpcaster> upcasters) {
        for (PayloadUpcaster u : upcasters) {
            if (u.fromVersion() < 1) {
                throw new IllegalArgumentException("versions start at 1: " + u.type() + " v" + u.fromVersion());
            }
            if (byTypeAndFrom.put(key(u.type(), u.fromVersion()), u) != null) {
                throw new IllegalArgumentException("two upcasters of " + u.type() + " from v" + u.fromVersion());
            }
        }
    }

    /**
     * The payload of {@code type} read at version {@code from} as version {@code to}.
     *
     * @throws IllegalArgumentException when a step of the chain is missing
     */
    public Map<String, Object> upcast(String type, int from, int to, Map<String, Object> payload) {
        Map<String, Object> current = payload;
        for (int v = from; v < to; v++) {
            PayloadUpcaster step = byTypeAndFrom.get(key(type, v));
            if (step == null) {
                throw new IllegalArgumentException("no upcaster of " + type + " from v" + v + " to v" + (v + 1));
            }
            current = step.upcast(current);
        }
        return current;
    }

    private static String key(String type, int from) {
        return type + "/v" + from;
    }
}
