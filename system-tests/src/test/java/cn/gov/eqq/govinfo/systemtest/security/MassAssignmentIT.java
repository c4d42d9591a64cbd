package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.eqq.govinfo.devstack.Service;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9 security point 3: fields the caller must not set (unit, status, points, timestamps, roles, id, version)
 * added to the bodies that create or change objects are ignored — the stored object, read back, is what the same
 * call without them would have stored.
 */
class MassAssignmentIT {

    static final String UNIT = "U049";
    static final String FORGED_ID = "mass-assignment-forged-id";
    static final String FORGED_TIME = "1999-01-01T00:00:00Z";

    static SecuritySystem system;

    @BeforeAll
    static void theRunningSystem() {
        system = SecuritySystem.get();
    }

    /** The fields an attacker would like to set, with values no honest call ever produces. */
    static ObjectNode withExtras(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.put("id", FORGED_ID);
        copy.put("itemId", FORGED_ID);
        copy.put("recordId", FORGED_ID);
        copy.put("unitId", "U001");
        copy.put("unitName", "伪造单位");
        copy.put("status", "RECEIVED");
        copy.put("points", 999);
        copy.put("addedPoints", 999);
        copy.put("itemPoints", 999);
        copy.put("createdAt", FORGED_TIME);
        copy.put("updatedAt", FORGED_TIME);
        copy.put("submittedAt", FORGED_TIME);
        copy.put("issuedAt", FORGED_TIME);
        copy.put("enteredAt", FORGED_TIME);
        copy.put("createdBy", "forged-user");
        copy.put("issuedBy", "forged-user");
        copy.put("enteredBy", "forged-user");
        copy.put("revisionCount", 42);
        copy.put("version", 42);
        copy.put("forwardedToCity", true);
        copy.putArray("roles").add("admin");
        copy.putArray("outbox").addObject().put("type", "ItemReceived");
        return copy;
    }

    @Test
    void anItemCreatedWithForeignFieldsBelongsToTheCallersUnitAndIsADraft() {
        String reporter = Callers.withRoles(UNIT, "reporter");
        JsonNode body = Requests.exampleJsonOf("POST /api/intake/items");

        HttpResponse<String> created = Http.json("POST", system.url(Service.INTAKE) + "/api/intake/items", reporter,
                Requests.JSON.writeValueAsString(withExtras(body)));

        System.out.println("[security] mass assignment: item create with foreign fields → " + created.statusCode());
        assertThat(created.statusCode()).as(Http.describe(created)).isIn(200, 201);
        JsonNode item = readItem(Requests.JSON.readTree(created.body()).get("id").asString(), reporter);
        assertUntouched(item);
        assertThat(item.get("status").asString()).isEqualTo("DRAFT");
        assertThat(item.get("revisionCount").asInt()).isLessThan(42);
        assertThat(item.get("forwardedToCity").asBoolean()).isFalse();
        assertThat(item.get("content").get("title").asString()).isEqualTo(body.get("title").asString());
        assertThat(Http.get(system.url(Service.INTAKE) + "/api/intake/items/" + FORGED_ID, reporter).statusCode())
                .as("no item under the forged id").isEqualTo(404);
    }

    @Test
    void anItemChangedWithForeignFieldsKeepsItsUnitStatusAndId() {
        String reporter = Callers.withRoles(UNIT, "reporter");
        String id = Objects.createItemAs(UNIT, reporter).get("id").asString();
        JsonNode before = readItem(id, reporter);

        HttpResponse<String> changed = Http.json("PUT", system.url(Service.INTAKE) + "/api/intake/items/" + id, reporter,
                Requests.JSON.writeValueAsString(withExtras(Requests.exampleJsonOf("PUT /api/intake/items/{itemId}"))));

        System.out.println("[security] mass assignment: item change with foreign fields → " + changed.statusCode());
        assertThat(changed.statusCode()).as(Http.describe(changed)).isEqualTo(200);
        JsonNode after = readItem(id, reporter);
        assertThat(after.get("content").get("title").asString()).as("the legitimate change was made")
                .isEqualTo("安全矩阵测试信息（修改）");
        assertUntouched(after);
        assertThat(after.get("id").asString()).isEqualTo(id);
        assertThat(after.get("status").asString()).isEqualTo(before.get("status").asString());
        assertThat(after.get("createdAt")).isEqualTo(before.get("createdAt"));
        assertThat(after.get("createdBy")).isEqualTo(before.get("createdBy"));
    }

    @Test
    void anAdoptionRecordWithForeignFieldsGetsThePolicysPointsAndItsOwnIds() {
        String itemId = Objects.receivedItem(UNIT);
        String room = Objects.room();
        HttpResponse<String> recorded = Http.json("POST", system.url(Service.ADOPTION) + "/api/adoption/items/" + itemId
                + "/records", room, Requests.JSON.writeValueAsString(
                withExtras(Requests.exampleJsonOf("POST /api/adoption/items/{itemId}/records"))));

        System.out.println("[security] mass assignment: adoption record with foreign fields → " + recorded.statusCode());
        assertThat(recorded.statusCode()).as(Http.describe(recorded)).isEqualTo(201);
        // the record's points are scoring's decision: shown once scoring has published the item's score
        JsonNode item = await().atMost(Duration.ofSeconds(60)).until(() -> Requests.JSON.readTree(
                Http.get(system.url(Service.ADOPTION) + "/api/adoption/items/" + itemId, room).body()),
                read -> read.path("records").size() == 1 && read.path("records").get(0).has("points"));
        assertUntouched(item);
        assertThat(item.get("itemId").asString()).isEqualTo(itemId);
        assertThat(item.get("unitId").asString()).isEqualTo(UNIT);
        assertThat(item.get("records")).as("the record was stored").hasSize(1);
        for (JsonNode record : item.get("records")) {
            assertThat(record.get("recordId").asString()).isNotEqualTo(FORGED_ID);
            assertThat(record.get("points").asInt()).as("points come from the policy").isNotEqualTo(999)
                    .isLessThanOrEqualTo(100);
        }
    }

    @Test
    void aCommissionIssuedWithForeignFieldsHasItsOwnIdIssuerAndTime() {
        ObjectNode body = withExtras(Requests.JSON.readTree("""
                {"title":"安全测试约稿","requirements":"请报送相关情况","targetUnitIds":["%s"],"deadline":"2027-06-30T18:00:00"}"""
                .formatted(UNIT)));
        HttpResponse<String> issued = Http.json("POST", system.url(Service.COMMISSION) + "/api/commission/commissions",
                Objects.room(), Requests.JSON.writeValueAsString(body));

        System.out.println("[security] mass assignment: commission with foreign fields → " + issued.statusCode());
        assertThat(issued.statusCode()).as(Http.describe(issued)).isIn(200, 201);
        String id = Requests.JSON.readTree(issued.body()).get("id").asString();
        JsonNode commission = Requests.JSON.readTree(Http.get(system.url(Service.COMMISSION)
                + "/api/commission/commissions/" + id, Objects.room()).body());
        assertUntouched(commission);
        assertThat(commission.get("id").asString()).isNotEqualTo(FORGED_ID);
        assertThat(commission.get("targets")).hasSize(1);
    }

    @Test
    void aUnitChangedWithForeignFieldsKeepsItsId() {
        String admin = Callers.withRoles(null, "admin");
        String units = system.url(Service.INTAKE) + "/api/intake/units";
        JsonNode before = Requests.JSON.readTree(Http.get(units, admin).body());
        // no name, group or active: the only fields a unit change may carry are absent, so nothing may change
        ObjectNode body = withExtras(Requests.JSON.createObjectNode());

        HttpResponse<String> changed = Http.json("PUT", units + "/" + UNIT, admin, Requests.JSON.writeValueAsString(body));

        System.out.println("[security] mass assignment: unit change with only foreign fields → " + changed.statusCode());
        assertThat(changed.statusCode()).as(Http.describe(changed)).isIn(200, 400);
        assertThat(Requests.JSON.readTree(Http.get(units, admin).body())).as("the unit list").isEqualTo(before);
    }

    private static JsonNode readItem(String id, String reporter) {
        HttpResponse<String> read = Http.get(system.url(Service.INTAKE) + "/api/intake/items/" + id, reporter);
        assertThat(read.statusCode()).as(Http.describe(read)).isEqualTo(200);
        return Requests.JSON.readTree(read.body());
    }

    /** No forged value appears anywhere in what was stored, and the unit is the caller's. */
    private static void assertUntouched(JsonNode stored) {
        List<String> leaks = new ArrayList<>();
        scan(stored, "$", leaks);
        assertThat(leaks).as("forged values stored in %s", stored).isEmpty();
        if (stored.has("unitId")) {
            assertThat(stored.get("unitId").asString()).isEqualTo(UNIT);
        }
    }

    private static void scan(JsonNode node, String path, List<String> leaks) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                scan(field.getValue(), path + "." + field.getKey(), leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), path + "[" + i + "]", leaks);
            }
        } else if (node.isString()) {
            String text = node.asString();
            if (text.equals(FORGED_ID) || text.startsWith("1999-01-01") || text.equals("forged-user")
                    || text.equals("伪造单位")) {
                leaks.add(path + "=" + text);
            }
        } else if (node.isNumber() && node.asInt() == 999) {
            leaks.add(path + "=999");
        }
    }
}
