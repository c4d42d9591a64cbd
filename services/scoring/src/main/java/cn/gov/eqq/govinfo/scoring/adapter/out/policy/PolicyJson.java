package cn.gov.eqq.govinfo.scoring.adapter.out.policy;

import cn.gov.eqq.govinfo.scoring.domain.ScoringPolicy;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
            return MAPPER.readValue(in, ScoringPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScoringPolicy read(String json) {
        return MAPPER.readValue(json, ScoringPolicy.class);
    }

    public static String write(ScoringPolicy policy) {
        return MAPPER.writeValueAsString(policy);
    }
}
