package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.devstack.Service;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 security point 2, object level: for every operation whose path names an object of a unit (roles.csv
 * column owner), the reporter and the leader of unit A act on unit B's real objects and are refused (403, or 404
 * without revealing whether it exists) — directly and through the gateway — and B's objects are unchanged after.
 */
class ObjectLevelIT {

    static final String VICTIM = "U051";
    static final String ATTACKER = "U050";

    static SecuritySystem system;
    static String draftItem;
    static String receivedItem;
    static String recordId;
    static String commissionId;

    @BeforeAll
    static void unitBsObjects() {
        system = SecuritySystem.get();
        draftItem = Objects.createItem(VICTIM);
        receivedItem = Objects.receivedItem(VICTIM);
        recordId = Objects.adoptionRecord(receivedItem);
        commissionId = Objects.commissionFor(VICTIM);
    }

    @Test
    void unitBsOwnStaffReachTheirObjectsSoTheRefusalsBelowAreAboutTheUnit() {
        String owner = Callers.withRoles(VICTIM, "reporter");
        assertThat(Http.get(system.url(Service.INTAKE) + "/api/intake/items/" + draftItem, owner).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(system.url(Service.ADOPTION) + "/api/adoption/items/" + receivedItem, owner).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(system.url(Service.COMMISSION) + "/api/commission/commissions/" + commissionId, owner)
                .statusCode()).isEqualTo(200);
        assertThat(Http.get(system.url(Service.SCORING) + "/api/scoring/units/" + VICTIM + "/score?period=2026-07",
                owner).statusCode()).isEqualTo(200);
    }

    @Test
    void unitAsStaffAreRefusedEveryOperationOnUnitBsObjects() {
        Map<String, Matrix.Row> matrix = Matrix.load();
        JsonNode draftBefore = read("/api/intake/items/" + draftItem);
        JsonNode receivedBefore = read("/api/intake/items/" + receivedItem);
        JsonNode adoptionBefore = readAdoption();
        List<String> failures = new ArrayList<>();
        int checks = 0;
        int operationsChecked = 0;
        for (Operation op : system.operations()) {
            Matrix.Row row = matrix.get(op.key());
            if (row == null || row.owner().equals("-")) {
                continue;
            }
            operationsChecked++;
            List<Map<String, String>> targets = switch (row.owner()) {
                case "item" -> List.of(Map.of("itemId", draftItem), Map.of("itemId", receivedItem, "recordId", recordId));
                case "unit" -> List.of(Map.of("unitId", VICTIM));
                case "commission" -> List.of(Map.of("id", commissionId));
                default -> throw new IllegalStateException("unknown owner " + row.owner() + " in roles.csv");
            };
            for (String role : List.of("reporter", "unit-leader")) {
                for (Map<String, String> ids : targets) {
                    Requests.Prepared request = Requests.of(op, ATTACKER, ids);
                    for (String base : List.of(system.url(op.service()), system.gatewayUrl)) {
                        HttpResponse<String> response = request.sendTo(base, Callers.withRoles(ATTACKER, role));
                        checks++;
                        int status = response.statusCode();
                        if (!(status == 403 || status == 404) || !Http.isProblem(response)) {
                            failures.add(role + " of " + ATTACKER + " " + (base.equals(system.gatewayUrl) ? "via gateway "
                                    : "") + request.method() + " " + request.pathAndQuery() + " → " + Http.describe(response));
                        }
                    }
                }
            }
        }
        System.out.println("[security] object level: " + operationsChecked + " operations on another unit's objects, "
                + checks + " calls (2 roles × objects × service + gateway), " + failures.size() + " not refused");
        assertThat(failures).isEmpty();

        assertThat(read("/api/intake/items/" + draftItem)).as("B's draft item unchanged").isEqualTo(draftBefore);
        assertThat(read("/api/intake/items/" + receivedItem)).as("B's received item unchanged").isEqualTo(receivedBefore);
        assertThat(readAdoption()).as("B's adoption records unchanged").isEqualTo(adoptionBefore);
    }

    private static JsonNode read(String path) {
        HttpResponse<String> response = Http.get(system.url(Service.INTAKE) + path, Callers.withRoles(VICTIM, "reporter"));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        JsonNode item = Requests.JSON.readTree(response.body());
        ((tools.jackson.databind.node.ObjectNode) item).remove("similarItems"); // depends on other units' items
        ((tools.jackson.databind.node.ObjectNode) item).remove("nearDuplicate");
        return item;
    }

    private static JsonNode readAdoption() {
        HttpResponse<String> response = Http.get(system.url(Service.ADOPTION) + "/api/adoption/items/" + receivedItem,
                Callers.withRoles(VICTIM, "reporter"));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        return Requests.JSON.readTree(response.body());
    }
}
