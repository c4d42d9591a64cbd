package cn.gov.eqq.govinfo.contracts.upcasting;

import java.util.Map;

/**
 * Turns one contract's payload of version {@code fromVersion} into version {@code fromVersion + 1}, on the payload's
 * JSON object as plain maps, lists, strings, numbers and booleans (so this module needs no JSON library). It must be
 * pure: it runs on every record of the old version read by every consumer, also on every replay.
 */
public interface PayloadUpcaster {

    /** The contract's wire name, e.g. {@code UnitChanged}. */
    String type();

    int fromVersion();

    /** The payload of {@code fromVersion + 1}; may change the given map and return it. */
    Map<String, Object> upcast(Map<String, Object> payload);

    static PayloadUpcaster of(String type, int fromVersion,
                              java.util.function.UnaryOperator<Map<String, Object>> upcast) {
        return new PayloadUpcaster() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public int fromVersion() {
                return fromVersion;
            }

            @Override
            public Map<String, Object> upcast(Map<String, Object> payload) {
                return upcast.apply(payload);
            }
        };
    }
}
