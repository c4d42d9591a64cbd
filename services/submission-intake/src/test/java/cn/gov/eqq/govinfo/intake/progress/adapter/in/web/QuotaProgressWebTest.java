package cn.gov.eqq.govinfo.intake.progress.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live tally against the quota that scoring's policy versions give (read from scoring.policy-events.v1 on the
 * real broker): received items count, voided and pending ones do not; before the first version there is no quota.
 */
class QuotaProgressWebTest extends IntakeIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    private void policyVersion(String name, String effectiveFrom, Map<Integer, Integer> quota) throws Exception {
        PolicyVersionAdded v = new PolicyVersionAdded(name, LocalDate.parse(effectiveFrom), "鄂前政办发〔2022〕65号",
                Map.of(), 2, Map.of(), 10, quota, Map.of(), "admin", Instant.parse("2022-07-06T00:00:00Z"));
        EventEnvelope<?> e = EventEnvelope.wrap(v, "scoring", Instant.now());
        kafka.send(Topics.POLICIES, e.key(), codec.encode(e)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void unitSeesItsReceivedItemsAgainstTheQuotaOfThePolicyInForceAndTheRoomSeesTheBanner() throws Exception {
        policyVersion("2022-07-06", "2022-07-06", Map.of(1, 8, 2, 8, 3, 4));
        String month = ReportingPeriod.monthOf(Instant.now()).code();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/intake/quota-progress").with(reporter("U045")))
                        .andExpect(jsonPath("$.units[0].quota").value(4)));
        for (int i = 0; i < 3; i++) {
            String id = submitted("U045", goodNews("法律服务中心第" + i + "条"));
            mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());
            if (i == 2) {
                mvc.perform(post("/api/intake/items/{id}/void", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"内容失实\"}")).andExpect(status().isOk());
            }
        }
        submitted("U045", goodNews("法律服务中心待接收"));

        mvc.perform(get("/api/intake/quota-progress").with(reporter("U045")))
                .andExpect(jsonPath("$.month").value(month))
                .andExpect(jsonPath("$.policyVersion").value("2022-07-06"))
                .andExpect(jsonPath("$.quotaNote").doesNotExist())
                .andExpect(jsonPath("$.units", hasSize(1)))
                .andExpect(jsonPath("$.units[0].unitId").value("U045"))
                .andExpect(jsonPath("$.units[0].group").value(3))
                .andExpect(jsonPath("$.units[0].received").value(2))
                .andExpect(jsonPath("$.units[0].quota").value(4))
                .andExpect(jsonPath("$.units[0].shortfall").value(2));

        mvc.perform(get("/api/intake/quota-progress").param("month", month).with(room()))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U045')].received").value(2))
                .andExpect(jsonPath("$.groups[0].group").value(1))
                .andExpect(jsonPath("$.groups[0].quota").value(8))
                .andExpect(jsonPath("$.groups[2].quota").value(4))
                .andExpect(jsonPath("$.groups[2].units").value(16));
        mvc.perform(get("/api/intake/quota-progress").param("month", "2026-Q3").with(room()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMonthThatBeganBeforeTheFirstPolicyVersionHasNoQuotaAndSaysWhy() throws Exception {
        policyVersion("2022-07-06", "2022-07-06", Map.of(1, 8, 2, 8, 3, 4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/intake/quota-progress").param("month", "2022-08").with(reporter("U045")))
                        .andExpect(jsonPath("$.units[0].quota").value(4)));

        mvc.perform(get("/api/intake/quota-progress").param("month", "2022-07").with(reporter("U045")))
                .andExpect(jsonPath("$.policyVersion").doesNotExist())
                .andExpect(jsonPath("$.quotaNote")
                        .value("本月初尚无积分标准（第一个版本 2022-07-06 自2022年7月6日起施行），本月不设基础条数，不计差额"))
                .andExpect(jsonPath("$.units[0].group").value(3))
                .andExpect(jsonPath("$.units[0].quota").doesNotExist())
                .andExpect(jsonPath("$.units[0].shortfall").doesNotExist());
        // before the appraisal began the unit was no member: no group either
        mvc.perform(get("/api/intake/quota-progress").param("month", "2020-01").with(reporter("U045")))
                .andExpect(jsonPath("$.units[0].received").value(0))
                .andExpect(jsonPath("$.units[0].group").doesNotExist())
                .andExpect(jsonPath("$.units[0].quota").doesNotExist());
    }
}
