package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Walking skeleton: scoring publishes a ranking snapshot; reporting keeps it; a viewer reads the group ranking. */
class RankingKeepingIT extends ReportingStack {

    static RankingSnapshotPublished snapshot(String period, int group, long version, int points) {
        return new RankingSnapshotPublished(period, "MONTH", group, version, Instant.parse("2026-08-01T01:00:00Z"),
                "2022-07-06", List.of(new RankingRow(1, "U006", "发改委", points, points - 2, 2, 0, 0, 0, 7, 8, 1),
                new RankingRow(2, "U007", "教体局", 5, 5, 0, 0, 0, 0, 5, 8, 3)));
    }

    @Test
    void aViewerReadsTheGroupRankingThatScoringPublished() throws Exception {
        publish(Topics.RANKINGS, snapshot("2031-07", 2, 1, 13));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "2031-07")
                                .with(as("viewer")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.groupName").value("第二组"))
                        .andExpect(jsonPath("$.snapshotVersion").value(1))
                        .andExpect(jsonPath("$.rows[0].unitName").value("发改委"))
                        .andExpect(jsonPath("$.rows[0].points").value(13))
                        .andExpect(jsonPath("$.rows[0].shortfall").value(1))
                        .andExpect(jsonPath("$.rows[1].unitId").value("U007")));
    }

    @Test
    void everyVersionIsKeptAndAnOlderOrRepeatedOneIsIgnored() throws Exception {
        publish(Topics.RANKINGS, snapshot("2031-08", 2, 1, 10));
        publish(Topics.RANKINGS, snapshot("2031-08", 2, 3, 30));
        publish(Topics.RANKINGS, snapshot("2031-08", 2, 2, 20)); // older than held: ignored
        publish(Topics.RANKINGS, snapshot("2031-08", 2, 3, 99)); // same version again: a duplicate
        publish(Topics.RANKINGS, snapshot("2031-08", 3, 1, 1));  // marker: everything before it was consumed

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/reporting/rankings").param("group", "3").param("period", "2031-08")
                        .with(as("info-room"))).andExpect(status().isOk()));

        mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "2031-08").with(as("dashboard")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshotVersion").value(3))
                .andExpect(jsonPath("$.rows[0].points").value(30));
        mvc.perform(get("/api/reporting/rankings/history").param("group", "2").param("period", "2031-08")
                        .with(as("reporter", "U007")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[0].snapshotVersion").value(1))
                .andExpect(jsonPath("$.versions[1].snapshotVersion").value(3))
                .andExpect(jsonPath("$.versions[1].rows[0].points").value(30));
    }

    @Test
    void theSameEventDeliveredTwiceIsKeptOnce() throws Exception {
        String json = codec.encode(cn.gov.eqq.govinfo.contracts.EventEnvelope.wrap(snapshot("2031-09", 1, 5, 50),
                "scoring", Instant.now()));
        publishRaw(Topics.RANKINGS, "2031-09|1", json);
        publishRaw(Topics.RANKINGS, "2031-09|1", json);
        publish(Topics.RANKINGS, snapshot("2031-09", 3, 1, 1)); // marker

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/reporting/rankings").param("group", "3").param("period", "2031-09")
                        .with(as("viewer"))).andExpect(status().isOk()));
        mvc.perform(get("/api/reporting/rankings/history").param("group", "1").param("period", "2031-09")
                        .with(as("viewer")))
                .andExpect(jsonPath("$.versions.length()").value(1));
    }

    @Test
    void anUnreadableRecordDoesNotStopTheConsumer() throws Exception {
        publishRaw(Topics.RANKINGS, "x", "{not json");
        publish(Topics.RANKINGS, snapshot("2031-10", 2, 1, 7));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "2031-10")
                        .with(as("viewer"))).andExpect(status().isOk()));
    }

    @Test
    void badQueriesAreAnsweredWithChineseProblems() throws Exception {
        mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "July").with(as("viewer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("period.invalid"));
        mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "1999-01").with(as("viewer")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "2040-01").with(as("viewer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("尚无第二组 2040-01 的积分排名"));
        mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", "2040-01"))
                .andExpect(status().isUnauthorized());
    }
}
