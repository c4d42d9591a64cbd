package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallTier;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A county sets its own rules in October, effective 1 July, over the real broker and the Mongo test server: the
 * version is refused where it would reach a published circular (naming it), accepted where none is published; the
 * July item and the months' deductions are scored again and new ranking snapshots published; the version is a fact
 * on {@code scoring.policy-events.v1}, and a replay rebuilds the policy history from that topic alone.
 */
@TestPropertySource(properties = {"govinfo.scoring.rescore-settle=0s", "govinfo.scoring.rescore-interval=200ms"})
@AutoConfigureMockMvc
class BackDatedPolicyIntegrationTest extends ScoringOnTheBroker {

    private static final String Q2_TITLE = "关于2026年第二季度全旗政务信息工作情况的通报";


    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreQueries queries;
    @Autowired
    Replay replay;
    @Autowired
    MongoTemplate mongo;

    private TopicRecords published;

    @BeforeAll
    void readWhatScoringPublishes() {
        published = read("policy-it-reader", Topics.RANKINGS, Topics.POLICIES);
    }

    @AfterAll
    void stopReading() throws InterruptedException {
        published.close();
    }

    @Test
    void backDatedVersionIsRefusedOverAPublishedCircularAndOtherwiseRescoresPublishesAndSurvivesAReplay()
            throws Exception {
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.UNITS, new UnitChanged("U037", "营商环境促进中心", 3, true, bj("2026-01-01T08:00")));
        send(Topics.ITEMS, new ItemReceived("I1", "U006", 1, "标题I1", "PROBLEM", List.of(), false, "GOOD_NEWS",
                LocalDate.of(2026, 7, 1), bj("2026-07-10T09:00"), bj("2026-07-10T11:00"), "room", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 7)).submissionPoints()).isEqualTo(5));
        kafka.send(Topics.CIRCULARS, "QUARTERLY-2026-Q2", circularPublished()).join();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("published_circulars").countDocuments() == 1);

        // reaching into the published second quarter: refused, naming the circular
        mvc.perform(post("/api/scoring/policies").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(PolicyJson.write(county("county-2026-06", LocalDate.of(2026, 6, 1)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("policy.invalid"))
                .andExpect(jsonPath("$.detail", containsString("《" + Q2_TITLE + "》（鄂前政办信〔2026〕5号，涵盖2026年第2季度）")));

        // from 1 July, which no published circular covers: accepted, and July is scored again
        mvc.perform(post("/api/scoring/policies").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(PolicyJson.write(county("county-2026-07", LocalDate.of(2026, 7, 1)))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.shortfall.3.nothingReceived").value(-2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 7)).submissionPoints()).isEqualTo(6);
            assertThat(queries.unitScore("U037", ReportingPeriod.month(2026, 8)).deductionPoints()).isEqualTo(-2);
            RankingRow u037 = latestRow("2026-08|3", "U037");
            assertThat(u037).isNotNull();
            assertThat(u037.deductionPoints()).isEqualTo(-2);
            assertThat(latestRow("2026-07|2", "U006").submissionPoints()).isEqualTo(6);
        });
        // on the topic: the shipped version, announced at start, and the version added
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(policyFacts())
                .extracting(PolicyVersionAdded::version).containsExactlyInAnyOrder("2022-07-06", "county-2026-07"));
        assertThat(policyFacts()).filteredOn(p -> p.version().equals("county-2026-07")).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo("county-2026-07");
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
            assertThat(p.shortfall().get(3).nothingReceived()).isEqualTo(-2);
            assertThat(p.categories().get("PROBLEM").points()).isEqualTo(6);
        });

        // a what-if draft saved as a version
        mvc.perform(post("/api/scoring/what-if/save").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-Q4\",\"policy\":"
                                + PolicyJson.write(county("draft-2026-11", LocalDate.of(2026, 11, 1))) + "}"))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(policyFacts()).hasSize(3));

        // the policies collection lost (a restore without it): the replay rebuilds the history from the topic
        mongo.dropCollection("policies");
        assertThat(replay.start("test")).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> replay.status().state() != GenerationPointer.State.RUNNING);
        assertThat(replay.status().state()).isEqualTo(GenerationPointer.State.DONE);
        mvc.perform(get("/api/scoring/policies").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].version").value(org.hamcrest.Matchers.contains(
                        "2022-07-06", "county-2026-07", "draft-2026-11")));
        assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 7)).submissionPoints()).isEqualTo(6);
    }

    private List<PolicyVersionAdded> policyFacts() {
        return published.payloads(PolicyVersionAdded.class);
    }

    private RankingRow latestRow(String key, String unitId) {
        return published.latestRow(key, unitId);
    }

    static ScoringPolicy county(String version, LocalDate from) {
        ScoringPolicy notice = PolicyJson.shipped();
        Map<String, CategoryRule> categories = new HashMap<>(notice.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 6));
        Map<Integer, ShortfallRule> tiers = new HashMap<>(notice.shortfall());
        tiers.put(3, new ShortfallRule(List.of(new ShortfallTier(1, null, -1)), -2, false, "第三组：本旗梯次"));
        return new ScoringPolicy(version, from, "本旗积分标准", categories, notice.forwardPoints(),
                notice.adoptionKinds(), notice.commissionPoints(), notice.monthlyQuota(), tiers);
    }

    private static String circularPublished() {
        return """
                {"specversion":"1.0","id":"QUARTERLY-2026-Q2-v1/published","source":"urn:govinfo:eqq:reporting",
                 "type":"cn.gov.eqq.govinfo.circular.published.v1","time":"2026-07-09T01:30:00Z",
                 "subject":"circular/QUARTERLY-2026-Q2","datacontenttype":"application/json",
                 "partitionkey":"QUARTERLY-2026-Q2",
                 "data":{"circularId":"QUARTERLY-2026-Q2-v1","seriesId":"QUARTERLY-2026-Q2","kind":"QUARTERLY",
                         "period":"2026-Q2","version":1,"documentNumber":"鄂前政办信〔2026〕5号",
                         "title":"%s","publishedAt":"2026-07-09T01:30:00Z","groups":[]}}
                """.formatted(Q2_TITLE);
    }

    private static RequestPostProcessor admin() {
        return KeycloakJwtUsers.user("policy-admin", null, "admin");
    }
}
