package cn.gov.eqq.govinfo.reporting.it;

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
        mvc.perform(get("/api/reporting/statistics").param("period", "2030-01").with(dashboard))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFeedIsNotForUnitsNorAnonymous() throws Exception {
        mvc.perform(get("/api/reporting/feed/rankings").with(as("reporter", "U007"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reporting/feed/rankings")).andExpect(status().isUnauthorized());
    }

    @Test
    void rankingsArePagedAndPolledByChangedSince() throws Exception {
        var dashboard = as("dashboard");
        for (int g = 1; g <= 3; g++) {
            publish(Topics.RANKINGS, snapshot(g, 1, 10 * g));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson("/api/reporting/feed/rankings",
                dashboard, "period", "2030-01").get("total").asInt()).isEqualTo(3));

        JsonNode first = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "size", "2");
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "size", "2",
                "page", "1");
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        String since = second.get("nextChangedSince").asString();

        assertThat(getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01", "changedSince", since)
                .get("items").size()).isZero();

        clock.advance(Duration.ofSeconds(1)); // the next change is kept strictly after the last one seen
        publish(Topics.RANKINGS, snapshot(1, 2, 99));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode changed = getJson("/api/reporting/feed/rankings", dashboard, "period", "2030-01",
                    "changedSince", since);
            assertThat(changed.get("items").size()).isEqualTo(1);
            assertThat(changed.get("items").get(0).get("group").asInt()).isEqualTo(1);
            assertThat(changed.get("items").get(0).get("snapshotVersion").asInt()).isEqualTo(2);
        });

        JsonNode scores = getJson("/api/reporting/feed/unit-scores", dashboard, "period", "2030-01", "size", "200");
        assertThat(scores.get("total").asInt()).isEqualTo(6);
        assertThat(scores.get("items").valueStream().filter(s -> s.get("unitId").asString().equals("U011"))
                .findFirst().orElseThrow().get("points").asInt()).isEqualTo(99);
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
    }
}
