package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import cn.gov.eqq.govinfo.platform.security.ResourceServerAutoConfiguration;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.policy.application.WhatIf;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PointSource;
import cn.gov.eqq.govinfo.scoring.rules.domain.CombinedCredit;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class})
class ScoringWebTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    JwtDecoder jwtDecoder;
    @MockitoBean
    ScoreQueries queries;
    @MockitoBean
    SnapshotStore snapshots;
    @MockitoBean
    Policies policies;
    @MockitoBean
    WhatIf whatIf;
    @MockitoBean
    Replay replay;

    @BeforeEach
    void julyOfU013() {
        LedgerEntry entry = new LedgerEntry("I1:submission", "U013", "I1", ReportingPeriod.month(2026, 7),
                LocalDate.of(2026, 7, 10), PointSource.SUBMISSION, "category:PROBLEM", 5,
                "《标题》（问题类）已被信息室接收，报送积分 +5", "e1", "2022-07-06");
        when(queries.unitScore("U013", ReportingPeriod.month(2026, 7))).thenReturn(new UnitPeriodScore("U013", "财政局", 2,
                ReportingPeriod.month(2026, 7), 5, 5, 0, 0, 0, 0, 1, 8, 7, List.of(ReportingPeriod.month(2026, 7)), List.of(entry)));
        when(policies.history()).thenReturn(PolicyHistory.of(List.of(PolicyJson.shipped())));
    }

    private static RequestPostProcessor as(String role, String unit) {
        return jwt().jwt(j -> j.claim("unit_id", unit).claim("preferred_username", "user-" + role)
                        .claim("realm_access", Map.of("roles", List.of(role))))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void reporterSeesTheLedgerOfTheirOwnUnit() throws Exception {
        mvc.perform(get("/api/scoring/units/U013/score").param("period", "2026-07").with(as("reporter", "U013")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(5))
                .andExpect(jsonPath("$.periodLabel").value("2026年7月"))
                .andExpect(jsonPath("$.entries[0].explanation").value("《标题》（问题类）已被信息室接收，报送积分 +5"))
                .andExpect(jsonPath("$.entries[0].month").value("2026-07"));
    }

    @Test
    void reporterMayNotSeeAnotherUnitsLedger() throws Exception {
        mvc.perform(get("/api/scoring/units/U013/score").param("period", "2026-07").with(as("reporter", "U014")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("只能查看本单位的积分明细"));
    }

    @Test
    void infoRoomSeesEveryUnit() throws Exception {
        mvc.perform(get("/api/scoring/units/U013/score").param("period", "2026-07").with(as("info-room", null)))
                .andExpect(status().isOk());
    }

    @Test
    void badPeriodIs400InChineseNot500() throws Exception {
        mvc.perform(get("/api/scoring/units/U013/score").param("period", "July").with(as("viewer", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("period.invalid"))
                .andExpect(jsonPath("$.detail", containsString("期间格式应为")));
    }

    @Test
    void aUnitIdThatIsNoUnitIdIs400NotAnEmptyScore() throws Exception {
        // found by the security fuzzer: any string used to answer 200 with a zero score
        mvc.perform(get("/api/scoring/units/{unitId}/score", "' OR '1'='1' --").param("period", "2026-07")
                        .with(as("info-room", null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unitId.invalid"));
    }

    @Test
    void rankingsAreNotForReporters() throws Exception {
        mvc.perform(get("/api/scoring/rankings").param("group", "2").param("period", "2026-Q3")
                        .with(as("reporter", "U013")))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownGroupIs404() throws Exception {
        when(queries.groups()).thenReturn(List.of(1, 2, 3));
        mvc.perform(get("/api/scoring/rankings").param("group", "9").param("period", "2026-Q3")
                        .with(as("dashboard", null)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有第9组的报送单位"));
    }

    @Test
    void policiesAreListedForEveryone() throws Exception {
        mvc.perform(get("/api/scoring/policies").with(as("reporter", "U013")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value("2022-07-06"))
                .andExpect(jsonPath("$[0].categories.PROBLEM.points").value(5))
                .andExpect(jsonPath("$[0].shortfall.3.example").value(true))
                .andExpect(jsonPath("$[0].shortfall.3.nothingReceived").value(-3));
    }

    @Test
    void adminSavesAWhatIfDraftAsAVersionAndOthersCannot() throws Exception {
        String draft = "{\"policy\":" + PolicyJson.write(PolicyJson.shipped())
                .replace("\"version\":\"2022-07-06\"", "\"version\":\"county\"")
                + ",\"period\":\"2026-Q3\"}";
        when(policies.add(any(), anyString())).thenAnswer(call -> call.getArgument(0));

        mvc.perform(post("/api/scoring/what-if/save").with(as("info-room", null))
                        .contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/scoring/what-if/save").with(as("admin", null))
                        .contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value("county"))
                .andExpect(jsonPath("$.shortfall.1.tiers[0].deduction").value(-1));
        verify(policies).add(argThat(p -> "county".equals(p.version())), anyString());
        mvc.perform(post("/api/scoring/what-if/save").with(as("admin", null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-Q3\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("policy.missing"));
    }

    @Test
    void groupTiersWithoutANothingReceivedDeductionAreRefusedNamingTheGroup() throws Exception {
        String body = PolicyJson.write(PolicyJson.shipped()).replace("\"shortfall\":{", "\"shortfall\":{\"4\":{\"tiers\":[]},");

        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("policy.invalid"))
                .andExpect(jsonPath("$.detail").value("积分标准无效：第4组缺少当月未报送的扣分（nothingReceived）"));
        verify(policies, never()).add(any(), anyString());
    }

    @Test
    void combinedCreditIsPartOfAVersionAndAnUnknownRuleIsRefusedInChinese() throws Exception {
        String shipped = PolicyJson.write(PolicyJson.shipped());
        assertThat(shipped).contains("\"combinedCredit\":\"FULL\"");

        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(shipped.replace("\"combinedCredit\":\"FULL\"", "\"combinedCredit\":\"HALF\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("policy.invalid"))
                .andExpect(jsonPath("$.detail").value("积分标准无效：综合采用计分规则（combinedCredit）“HALF”无效，"
                        + "只能是 FULL（每条来源信息均计分）或 LEAD_ONLY（只计首条来源信息）"));
        verify(policies, never()).add(any(), anyString());

        when(policies.add(any(), anyString())).thenAnswer(call -> call.getArgument(0));
        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(shipped.replace("\"combinedCredit\":\"FULL\"", "\"combinedCredit\":\"LEAD_ONLY\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.combinedCredit").value("LEAD_ONLY"));
        verify(policies).add(argThat(p -> p.combinedCredit() == CombinedCredit.LEAD_ONLY), anyString());
    }

    @Test
    void onlyAdminsAddPolicies() throws Exception {
        mvc.perform(post("/api/scoring/policies").with(as("info-room", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(PolicyJson.write(PolicyJson.shipped())))
                .andExpect(status().isForbidden());
        verify(policies, never()).add(any(), anyString());
    }

    @Test
    void invalidPolicyIsRefusedWith400AndChineseReasons() throws Exception {
        when(policies.add(any(), anyString())).thenThrow(new InvalidPolicyException(List.of("转报市政府加分不能为负数")));

        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"2027\",\"effectiveFrom\":\"2027-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("policy.invalid"))
                .andExpect(jsonPath("$.detail", containsString("缺少转报市政府加分")))
                .andExpect(jsonPath("$.detail", containsString("缺少约稿加分")));

        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(PolicyJson.write(PolicyJson.shipped())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("积分标准无效：转报市政府加分不能为负数"));
    }

    @Test
    void malformedPolicyJsonIs400() throws Exception {
        mvc.perform(post("/api/scoring/policies").with(as("admin", null)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": "))
                .andExpect(status().isBadRequest());
    }

    @Test
    void replayIsForAdminsAndRefusedWhileRunning() throws Exception {
        when(replay.start(anyString())).thenReturn(false);
        mvc.perform(post("/api/scoring/replay").with(as("viewer", null))).andExpect(status().isForbidden());
        mvc.perform(post("/api/scoring/replay").with(as("admin", null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("重建正在进行中（可能在另一个副本上），请等待完成后再试"));
    }

    @Test
    void whatIfNeedsAPeriodAndIsNotForViewers() throws Exception {
        String draft = "{\"policy\":" + PolicyJson.write(PolicyJson.shipped()) + "}";
        mvc.perform(post("/api/scoring/what-if").with(as("viewer", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(draft))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/scoring/what-if").with(as("info-room", null)).contentType(MediaType.APPLICATION_JSON)
                        .content(draft))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("period.missing"));
        verify(whatIf, never()).compare(any(), any(), any());
    }
}
