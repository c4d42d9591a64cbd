package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.devstack.Service;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Real objects the security tests act on, created through the services' own APIs by forged unit staff. */
final class Objects {

    private Objects() {
    }

    /** A draft item of {@code unit}, created by a (forged) reporter of that unit; returns its id. */
    static String createItem(String unit) {
        return createItemAs(unit, Callers.withRoles(unit, "reporter")).get("id").asString();
    }

    static JsonNode createItemAs(String unit, String reporter) {
        HttpResponse<String> created = Http.json("POST", SecuritySystem.get().url(Service.INTAKE) + "/api/intake/items",
                reporter, Requests.JSON.writeValueAsString(Requests.exampleJsonOf("POST /api/intake/items")));
        assertThat(created.statusCode()).as(Http.describe(created)).isIn(200, 201);
        JsonNode item = Requests.JSON.readTree(created.body());
        assertThat(item.get("unitId").asString()).isEqualTo(unit);
        return item;
    }

    /**
     * An item of {@code unit} submitted by its reporter and received by the information room, once
     * adoption-tracking has learnt of it from intake's events (so adoption records can be entered on it).
     */
    static String receivedItem(String unit) {
        SecuritySystem system = SecuritySystem.get();
        String intake = system.url(Service.INTAKE) + "/api/intake/items/";
        String reporter = Callers.withRoles(unit, "reporter");
        String id = createItemAs(unit, reporter).get("id").asString();
        HttpResponse<String> submitted = Http.json("POST", intake + id + "/submit", reporter, null);
        assertThat(submitted.statusCode()).as(Http.describe(submitted)).isEqualTo(200);
        HttpResponse<String> received = Http.json("POST", intake + id + "/receive", room(), null);
        assertThat(received.statusCode()).as(Http.describe(received)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get(system.url(Service.ADOPTION) + "/api/adoption/items/" + id, room()).statusCode())
                        .as("adoption-tracking knows the received item").isEqualTo(200));
        return id;
    }

    /** An adoption record on a received item; returns the record id. */
    static String adoptionRecord(String itemId) {
        HttpResponse<String> recorded = Http.json("POST", SecuritySystem.get().url(Service.ADOPTION)
                + "/api/adoption/items/" + itemId + "/records", room(),
                Requests.JSON.writeValueAsString(Requests.exampleJsonOf("POST /api/adoption/items/{itemId}/records")));
        assertThat(recorded.statusCode()).as(Http.describe(recorded)).isEqualTo(201);
        JsonNode records = Requests.JSON.readTree(recorded.body()).get("records");
        return records.get(records.size() - 1).get("recordId").asString();
    }

    /** A commission of the information room sent to {@code unit} only; returns its id. */
    static String commissionFor(String unit) {
        String body = """
                {"title":"安全测试约稿","requirements":"请报送相关情况","targetUnitIds":["%s"],"deadline":"2027-06-30T18:00:00"}"""
                .formatted(unit);
        HttpResponse<String> issued = Http.json("POST", SecuritySystem.get().url(Service.COMMISSION)
                + "/api/commission/commissions", room(), body);
        assertThat(issued.statusCode()).as(Http.describe(issued)).isIn(200, 201);
        return Requests.JSON.readTree(issued.body()).get("id").asString();
    }

    static String room() {
        return Callers.withRoles(null, "info-room");
    }
}
