package cn.gov.eqq.govinfo.scoring.policy.adapter.out.json;

import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads and writes policy versions as JSON: the shipped version is a resource file, not code. */
public final class PolicyJson {

    /** The version of the notice of 6 July 2022, shipped with the system. */
    public static final String SHIPPED = "/policy/2022-07-06.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PolicyJson() {
    }

    public static ScoringPolicy shipped() {
        try (InputStream in = PolicyJson.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a version in either shape: tiers per group, or the earlier one set of tiers for every group. */
    public static ScoringPolicy read(String json) {
        return MAPPER.treeToValue(perGroup(MAPPER.readTree(json)), ScoringPolicy.class);
    }

    /** The JSON of a version with its tiers per group (the earlier single set is given to every group of the quota). */
    public static String upgrade(String json) {
        return MAPPER.writeValueAsString(perGroup(MAPPER.readTree(json)));
    }

    private static JsonNode perGroup(JsonNode policy) {
        JsonNode shortfall = policy.get("shortfall");
        if (!(policy instanceof ObjectNode object) || shortfall == null
                || !(shortfall.has("tiers") || shortfall.has("nothingReceived"))) {
            return policy;
        }
        ObjectNode byGroup = MAPPER.createObjectNode();
        JsonNode quota = policy.get("monthlyQuota");
        if (quota != null) {
            quota.propertyNames().forEach(group -> byGroup.set(group, shortfall.deepCopy()));
        }
        object.set("shortfall", byGroup);
        return object;
    }

    public static String write(ScoringPolicy policy) {
        return MAPPER.writeValueAsString(policy);
    }
}
