package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.ForgedTokens;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton of issue 2, through every layer with real components: the real Keycloak issues the tokens,
 * the gateway and every service validate them, intake stores in MongoDB (wire server) and publishes through its
 * outbox to the real Kafka broker, scoring counts, publishes a snapshot, reporting keeps it, a viewer reads it.
 * The whole system is started from the built jars by the same devstack that README command 1 runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static DevStack stack;
    static Tokens tokens;
    static String itemId;
    /** U006's line in this month's group-2 ranking before this test's item (other system tests share the system). */
    static int submissionPointsBefore;
    static int receivedItemsBefore;

    @BeforeAll
    static void startTheWholeSystem() {
        stack = RunningSystem.stack();
        tokens = RunningSystem.tokens();
    }

    @Test
    @Order(1)
    void withoutATokenTheGatewayAnswers401() throws Exception {
        HttpResponse<String> response = get(stack.gatewayUrl() + "/api/reporting/rankings?group=2&period=2026-07", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void everyServiceValidatesTheTokenItselfNotOnlyTheGateway() throws Exception {
        String realReporter = tokens.password("u006-reporter");
        for (Service service : Service.backends()) {
            String url = stack.serviceUrl(service) + "/api/" + pathOf(service) + "/does-not-matter";
            assertThat(get(url, null).statusCode()).as("%s without a token", service).isEqualTo(401);
            assertThat(get(url, ForgedTokens.tampered(realReporter)).statusCode())
                    .as("%s with a tampered token", service).isEqualTo(401);
            assertThat(get(url, ForgedTokens.algNone(realReporter)).statusCode())
                    .as("%s with an unsigned (alg=none) token", service).isEqualTo(401);
            assertThat(get(url, realReporter).statusCode())
                    .as("%s with the real token gets past authentication", service).isNotEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void aReporterSubmitsAnItemForTheirOwnUnitWhateverTheBodySays() throws Exception {
        JsonNode before = currentRowOfU006();
        submissionPointsBefore = before == null ? 0 : before.get("submissionPoints").asInt();
        receivedItemsBefore = before == null ? 0 : before.get("receivedItems").asInt();
        String reporter = tokens.password("u006-reporter");
        String body = """
                {"title":"发改委推进重点项目建设","body":"7月以来，我委围绕重点项目建设……","category":"DYNAMIC",
                 "topics":["MAJOR_PROJECTS"],"eventDate":"%s","reporterName":"张三","contactPhone":"13800000000",
                 "polarity":"GOOD_NEWS","majorEvent":false,"majorEmergency":false,
                 "unitId":"U001","status":"RECEIVED"}""".formatted(LocalDate.now(BeijingTime.ZONE));

        HttpResponse<String> created = post(stack.gatewayUrl() + "/api/intake/items", reporter, body);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        JsonNode item = JSON.readTree(created.body());
        itemId = item.get("id").asString();
        assertThat(item.get("unitId").asString()).isEqualTo("U006");
        assertThat(item.get("status").asString()).isEqualTo("DRAFT");

        HttpResponse<String> submitted = post(stack.gatewayUrl() + "/api/intake/items/" + itemId + "/submit", reporter, "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(JSON.readTree(submitted.body()).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    @Order(4)
    void aReporterOfAnotherUnitCannotActOnIt() throws Exception {
        String otherUnit = tokens.password("u007-reporter");

        assertThat(get(stack.gatewayUrl() + "/api/intake/items/" + itemId, otherUnit).statusCode()).isIn(403, 404);
        assertThat(post(stack.gatewayUrl() + "/api/intake/items/" + itemId + "/submit", otherUnit, "").statusCode())
                .isIn(403, 404);
        assertThat(post(stack.gatewayUrl() + "/api/intake/items/" + itemId + "/receive", otherUnit, "").statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void theRoomReceivesItAndAViewerSeesTheUnitInTheGroupRanking() throws Exception {
        String room = tokens.password("room-editor");
        HttpResponse<String> received = post(stack.gatewayUrl() + "/api/intake/items/" + itemId + "/receive", room, "");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode row = currentRowOfU006();
            assertThat(row).as("U006 in the group-2 ranking of this month").isNotNull();
            assertThat(row.get("submissionPoints").asInt()).as("a dynamic item earns 1")
                    .isEqualTo(submissionPointsBefore + 1);
            assertThat(row.get("receivedItems").asInt()).isEqualTo(receivedItemsBefore + 1);
            assertThat(row.get("points").asInt()).isEqualTo(row.get("submissionPoints").asInt()
                    + row.get("forwardPoints").asInt() + row.get("adoptionPoints").asInt()
                    + row.get("commissionPoints").asInt() + row.get("deductionPoints").asInt());
            assertThat(row.get("rank").asInt()).isPositive();
        });
    }

    @Test
    @Order(6)
    void anAdoptionItsCorrectionAndItsWithdrawalReachTheUnitsScoreThroughKafka() throws Exception {
        String room = tokens.password("room-editor");
        String today = LocalDate.now(BeijingTime.ZONE).toString();
        String recordsUrl = stack.gatewayUrl() + "/api/adoption/items/" + itemId + "/records";
        String bulletin = """
                {"kind":"CITY_BULLETIN_ADOPTED","publication":"鄂尔多斯政讯","issueNo":"第15期","effectiveDate":"%s"}"""
                .formatted(today);
        // adoption-tracking learns of the received item from intake's events; until then it refuses the record
        HttpResponse<String>[] recorded = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            recorded[0] = post(recordsUrl, room, bulletin);
            assertThat(recorded[0].statusCode()).as(recorded[0].body()).isEqualTo(201);
        });
        String recordId = JSON.readTree(recorded[0].body()).get("records").get(0).get("recordId").asString();
        awaitAdoptionPointsOfTheItem(20, "被《鄂尔多斯政讯》采用");

        String correction = """
                {"record":{"kind":"REGION_DAILY_BRIEF_ADOPTED","publication":"每日要情","issueNo":"第152期","effectiveDate":"%s"},
                 "reason":"录入时选错了刊物"}""".formatted(today);
        HttpResponse<String> corrected = post(recordsUrl + "/" + recordId + "/corrections", room, correction);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        awaitAdoptionPointsOfTheItem(30, "每日要情");

        HttpResponse<String> withdrawn = post(recordsUrl + "/" + recordId + "/withdrawal", room,
                "{\"reason\":\"误录，撤销\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        awaitAdoptionPointsOfTheItem(0, null);
    }

    /** The reporter reads their own unit's ledger through the gateway; this item's adoption entries sum to points. */
    private static void awaitAdoptionPointsOfTheItem(int points, String explanationContains) {
        String month = YearMonth.now(BeijingTime.ZONE).toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> score = get(stack.gatewayUrl() + "/api/scoring/units/U006/score?period=" + month,
                    tokens.password("u006-reporter"));
            assertThat(score.statusCode()).as(score.body()).isEqualTo(200);
            int sum = 0;
            StringBuilder explanations = new StringBuilder();
            for (JsonNode entry : JSON.readTree(score.body()).get("entries")) {
                if (itemId.equals(entry.get("itemId").asString()) && "ADOPTION".equals(entry.get("source").asString())) {
                    sum += entry.get("points").asInt();
                    explanations.append(entry.get("explanation").asString()).append('\n');
                }
            }
            assertThat(sum).as("adoption points of the item; entries:\n" + explanations).isEqualTo(points);
            if (explanationContains != null) {
                assertThat(explanations.toString()).contains(explanationContains);
            }
        });
    }

    /** U006's line in this month's (Beijing) group-2 ranking as a viewer reads it through the gateway, or null. */
    private static JsonNode currentRowOfU006() throws Exception {
        String month = YearMonth.now(BeijingTime.ZONE).toString();
        HttpResponse<String> ranking = get(stack.gatewayUrl() + "/api/reporting/rankings?group=2&period=" + month,
                tokens.password("banner-leader"));
        if (ranking.statusCode() == 404) {
            return null;
        }
        assertThat(ranking.statusCode()).as(ranking.body()).isEqualTo(200);
        return rowOf(JSON.readTree(ranking.body()), "U006");
    }

    private static JsonNode rowOf(JsonNode ranking, String unitId) {
        for (JsonNode row : ranking.get("rows")) {
            if (unitId.equals(row.get("unitId").asString())) {
                return row;
            }
        }
        return null;
    }

    private static String pathOf(Service service) {
        return switch (service) {
            case INTAKE -> "intake";
            case ADOPTION -> "adoption";
            case COMMISSION -> "commission";
            case SCORING -> "scoring";
            case REPORTING -> "reporting";
            case GATEWAY -> throw new IllegalArgumentException();
        };
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
