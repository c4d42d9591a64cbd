package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Seeded random bad input for every body and parameter of every operation of the services' OpenAPI documents
 * (JSON bodies, multipart uploads, path and query parameters), sent to the service directly (and every third case
 * through the gateway), by a caller whose roles pass the role check so the input reaches the parsers and
 * validators. Bad input — malformed or wrongly typed JSON, values Jackson would coerce, control, direction and
 * invisible-only text, lone surrogates, impossible dates, broken multipart — must be answered 4xx with an
 * application/problem+json body in Chinese, never 5xx, and nothing may be stored. The seed is printed; {@code -Dgovinfo.fuzz.seed=…} repeats a run,
 * {@code -Dgovinfo.fuzz.rounds=…} sets the cases per operation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzIT {

    static final long SEED = Long.getLong("govinfo.fuzz.seed", 20260709L);
    static final int ROUNDS = Integer.getInteger("govinfo.fuzz.rounds", 6);
    /** Only the fuzzer's callers belong to this unit. */
    static final String UNIT = "U048";

    static Map<String, Integer> before;
    static int cases;
    static int throughGateway;
    static final Map<Fuzz.Kind, Integer> KINDS_REFUSED = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Test
    @Order(1)
    void whatIsStoredBeforeTheFuzzing() {
        before = storedCounts();
        System.out.println("[security] fuzz: stored before " + before);
    }

    static Stream<Arguments> badInput() {
        SecuritySystem system = SecuritySystem.get();
        Map<String, Matrix.Row> matrix = Matrix.load();
        System.out.println("[security] fuzz seed " + SEED + " (repeat with -Dgovinfo.fuzz.seed=" + SEED + "), "
                + ROUNDS + " cases per operation");
        Random random = new Random(SEED);
        List<Arguments> arguments = new ArrayList<>();
        for (Operation op : system.operations()) {
            Matrix.Row row = matrix.get(op.key());
            if (row == null || row.roles().isEmpty()) {
                continue;
            }
            List<Fuzz.Kind> kinds = Fuzz.applicable(op, !row.probe().equals("valid"));
            if (kinds.isEmpty()) {
                continue;
            }
            for (int i = 0; i < ROUNDS; i++) {
                Fuzz.Kind kind = kinds.get(random.nextInt(kinds.size()));
                arguments.add(Arguments.of(op, Fuzz.next(op, UNIT, kind, random),
                        arguments.size() % 3 == 0));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInput")
    @Order(2)
    void badInputIsRefusedWithA4xxProblemNeverA5xx(Operation op, Fuzz.Case fuzz, boolean viaGateway) {
        Matrix.Row row = Matrix.load().get(op.key());
        String caller = Callers.withRoles(UNIT, row.roles().toArray(String[]::new));
        String base = viaGateway ? SecuritySystem.get().gatewayUrl : SecuritySystem.get().url(op.service());
        HttpResponse<String> response = fuzz.request().sendTo(base, caller);
        cases++;
        throughGateway += viaGateway ? 1 : 0;
        int status = response.statusCode();

        assertThat(status).as("%s %s → %s", viaGateway ? "gateway" : op.service(), fuzz, Http.describe(response))
                .isLessThan(500);
        if (fuzz.mustBe4xx()) {
            assertThat(status).as("%s → %s", fuzz, Http.describe(response)).isBetween(400, 499);
        }
        if (status >= 400) {
            // every refusal, whichever layer answers it (Tomcat, the firewall, the gateway, the application), is an
            // RFC 9457 problem that tells a person in Chinese what was wrong
            assertThat(Http.isChineseProblem(response)).as("Chinese problem body for %s → %s", fuzz,
                    Http.describe(response)).isTrue();
            KINDS_REFUSED.merge(fuzz.kind(), 1, Integer::sum);
        }
    }

    @Test
    @Order(3)
    void nothingWasStoredByTheFuzzing() {
        Map<String, Integer> after = storedCounts();
        System.out.println("[security] fuzz: " + cases + " cases (" + throughGateway + " through the gateway), 0 "
                + "answered 5xx, every refusal a Chinese problem; refused by kind " + KINDS_REFUSED
                + "; stored after " + after);
        assertThat(after).isEqualTo(before);
    }

    /** What the fuzzed operations could have stored, counted where a reader of the fuzz unit or of all sees it. */
    static Map<String, Integer> storedCounts() {
        SecuritySystem system = SecuritySystem.get();
        String reporter = Callers.withRoles(UNIT, "reporter", "unit-leader");
        String room = Callers.withRoles(null, "info-room", "admin");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("intake items of " + UNIT, size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.INTAKE)
                + "/api/intake/items?size=100", reporter)));
        counts.put("units", size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.INTAKE)
                + "/api/intake/units", room)));
        counts.put("adoption items of " + UNIT, size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.ADOPTION)
                + "/api/adoption/items", reporter)));
        counts.put("commissions for " + UNIT, size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.COMMISSION)
                + "/api/commission/commissions?scope=all", reporter)));
        counts.put("scoring policies", size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.SCORING)
                + "/api/scoring/policies", room)));
        counts.put("circulars", size(Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.REPORTING)
                + "/api/reporting/circulars", room)));
        HttpResponse<String> filing = Http.get(system.url(cn.gov.eqq.govinfo.devstack.Service.INTAKE)
                + "/api/intake/filings/2026/mine", reporter);
        assertThat(filing.statusCode()).as(Http.describe(filing)).isEqualTo(200);
        JsonNode filed = Requests.JSON.readTree(filing.body()).path("attachmentId");
        counts.put("filings of " + UNIT, filed.isString() && !filed.asString().isEmpty() ? 1 : 0);
        return counts;
    }

    /** Entries of a list answer, or of its {@code items}/{@code content} page. */
    static int size(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        JsonNode node = Requests.JSON.readTree(response.body());
        for (String field : new String[] {"items", "content", "versions", "policies"}) {
            if (node.has(field) && node.get(field).isArray()) {
                return node.get(field).size();
            }
        }
        return node.isArray() ? node.size() : 1;
    }
}
