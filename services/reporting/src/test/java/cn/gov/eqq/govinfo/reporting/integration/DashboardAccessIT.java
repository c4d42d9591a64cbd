package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The city dashboard's machine client reads rankings, unit scores and circulars, pages and polls; it writes nothing. */
class DashboardAccessIT extends ReportingStack {

    static RankingSnapshotPublished snapshot(int group, long version, int points) {
        return new RankingSnapshotPublished("2030-01", "MONTH", group, version, Instant.now(), "2022-07-06",
                List.of(new RankingRow(1, "U0" + (10 + group), "单位" + group, points, points, 0, 0, 0, 0, 8, 8, 0),
                        new RankingRow(2, "U0" + (20 + group), "单位" + (20 + group), 1, 1, 0, 0, 0, 0, 1, 8, 7)));
    }

    @Test
    void theDashboardCanReadButNotWrite() throws Exception {
        var dashboard = as("dashboard");
        mvc.perform(get("/api/reporting/feed/rankings").with(dashboard)).andExpect(status().isOk());
        mvc.perform(get("/api/reporting/feed/circulars").with(dashboard)).andExpect(status().isOk());
        mvc.perform(get("/api/reporting/feed/unit-scores").with(dashboard)).andExpect(status().isOk());
        mvc.perform(get("/api/reporting/circulars").with(dashboard)).andExpect(status().isOk());

        mvc.perform(post("/api/reporting/circulars").with(dashboard).contentType("application/json")
                        .content("{\"kind\":\"QUARTERLY\",\"period\":\"2030-Q1\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").exists());
        mvc.perform(post("/api/reporting/circulars/QUARTERLY-2030-Q1-v1/publish").with(dashboard))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reporting/circulars/QUARTERLY-2030-Q1-v1/review").with(dashboard))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reporting/circulars/QUARTERLY-2030-Q1-v1/objections").with(dashboard)
                .contentType("application/json").content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/reporting/circulars/QUARTERLY-2030-Q1-v1/corrections").with(dashboard)
                .contentType("application/json").content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        // the dashboard's share of the statistics: every unit, read only
        mvc.perform(get("/api/reporting/statistics").param("period", "2030-01").with(dashboard))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reporting/statistics").param("period", "2030-01").param("unitId", "U006")
                .with(dashboard)).andExpect(status().isOk());
    }

    @Test
    void theFeedIsNotForUnitsNorAnonymous() throws Exception {
        mvc.perform(get("/api/reporting/feed/rankings").with(as("reporter", "U007"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reporting/feed/rankings")).andExpect(status().isUnauthorized());
    }

    @Test
    void rankingsAreFollowedWithTheCursorAndAnUnchangedFeedAnswers304() throws Exception {
        var dashboard = as("dashboard");
        for (int g = 1; g <= 3; g++) {
            publish(Topics.RANKINGS, snapshot(g, 1, 10 * g));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson("/api/reporting/feed/rankings",
                dashboard, "period", "2030-01").get("items").size()).isEqualTo(3));

        JsonNode first = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "size", "2");
        assertThat(first.get("items").valueStream().map(i -> i.get("group").asInt()).toList()).containsExactly(1, 2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("remaining").asInt()).isEqualTo(1);
        JsonNode second = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "size", "2",
                "cursor", first.get("nextCursor").asString());
        assertThat(second.get("items").valueStream().map(i -> i.get("group").asInt()).toList()).containsExactly(3);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        String cursor = second.get("nextCursor").asString();

        JsonNode nothingNew = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "cursor", cursor);
        assertThat(nothingNew.get("items").size()).isZero();
        assertThat(nothingNew.get("nextCursor").asString()).isEqualTo(cursor);

        // the same question again with the ETag of the last answer: 304, no body
        String etag = mvc.perform(get("/api/reporting/feed/rankings").param("period", "2030-01")
                        .param("cursor", cursor).with(dashboard))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/api/reporting/feed/rankings").param("period", "2030-01").param("cursor", cursor)
                .header("If-None-Match", etag).with(dashboard)).andExpect(status().isNotModified());

        publish(Topics.RANKINGS, snapshot(1, 2, 99));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode changed = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01",
                    "cursor", cursor);
            assertThat(changed.get("items").size()).isEqualTo(1);
            assertThat(changed.get("items").get(0).get("group").asInt()).isEqualTo(1);
            assertThat(changed.get("items").get(0).get("snapshotVersion").asInt()).isEqualTo(2);
        });
        mvc.perform(get("/api/reporting/feed/rankings").param("period", "2030-01").param("cursor", cursor)
                .header("If-None-Match", etag).with(dashboard)).andExpect(status().isOk());

        JsonNode scores = getJson("/api/reporting/feed/unit-scores", dashboard, "period", "2030-01", "size", "200");
        assertThat(scores.get("items").size()).isEqualTo(6);
        assertThat(scores.get("items").valueStream().filter(s -> s.get("unitId").asString().equals("U011"))
                .findFirst().orElseThrow().get("points").asInt()).isEqualTo(99);
    }

    @Test
    void changedSinceTakesAnOffsetWhenThePlusIsEncoded() throws Exception {
        publish(Topics.RANKINGS, new RankingSnapshotPublished("2030-02", "MONTH", 1, 1, Instant.now(), "2022-07-06",
                List.of(new RankingRow(1, "U001", "上海庙经济开发区", 5, 5, 0, 0, 0, 0, 5, 8, 3))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson("/api/reporting/feed/rankings",
                as("dashboard"), "period", "2030-02").get("items").size()).isEqualTo(1));
        Instant kept = Instant.parse(getJson("/api/reporting/feed/rankings", as("dashboard"), "period", "2030-02")
                .get("items").get(0).get("changedAt").asString());
        String beijingJustBefore = kept.minusSeconds(1).atOffset(java.time.ZoneOffset.ofHours(8)).toString();
        // MockMvc's param() is the decoded value: "+" here is what %2B becomes on the wire
        assertThat(getJson("/api/reporting/feed/rankings", as("dashboard"), "period", "2030-02",
                "changedSince", beijingJustBefore).get("items").size()).isEqualTo(1);
        assertThat(getJson("/api/reporting/feed/rankings", as("dashboard"), "period", "2030-02",
                "changedSince", kept.atOffset(java.time.ZoneOffset.ofHours(8)).toString()).get("items").size())
                .isZero();
        // an unencoded "+" arrives as a space: a 400 that says what to do
        mvc.perform(get("/api/reporting/feed/rankings").param("changedSince", beijingJustBefore.replace('+', ' '))
                        .with(as("dashboard")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("time.plus-not-encoded"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("%2B")));
    }

    @Test
    void aUnitReadsOnlyItsOwnStatistics() throws Exception {
        var education = as("reporter", "U007");
        mvc.perform(get("/api/reporting/statistics").param("period", "2024-07").param("unitId", "U006")
                .with(education)).andExpect(status().isForbidden());
        JsonNode own = getJson("/api/reporting/statistics", education, "period", "2024-Q3");
        own.valueStream().forEach(s -> assertThat(s.get("unitId").asString()).isEqualTo("U007"));
        mvc.perform(get("/api/reporting/statistics").param("period", "2024-07").with(as("reporter")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reporting/statistics").param("period", "someday").with(as("viewer")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void badFeedQueriesAreAnsweredWith400() throws Exception {
        mvc.perform(get("/api/reporting/feed/rankings").param("changedSince", "yesterday").with(as("dashboard")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("time.invalid"));
        mvc.perform(get("/api/reporting/feed/rankings").param("size", "0").with(as("dashboard")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reporting/feed/circulars").param("page", "-1").with(as("dashboard")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reporting/feed/circulars").param("page", "1").with(as("dashboard")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("page.replaced"));
        mvc.perform(get("/api/reporting/feed/rankings").param("cursor", "not-a-cursor").with(as("dashboard")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("cursor.invalid"));
        mvc.perform(get("/api/reporting/feed/circulars").with(as("dashboard")).param("cursor",
                        getJson("/api/reporting/feed/rankings", as("dashboard")).get("nextCursor").asString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("cursor.invalid"));
    }
}
