package cn.gov.eqq.govinfo.adoption.record.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.adoption.record.domain.ScoreShown;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemScores;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import cn.gov.eqq.govinfo.adoption.support.WebSliceBeans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = AdoptionRecordsController.class)
@Import(WebSliceBeans.class)
class AdoptionRecordsControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryItemAdoptionsStore store;
    @Autowired
    InMemoryItemScores scores;
    @MockitoBean
    JwtDecoder jwtDecoder;

    private String item;
    private String otherUnitsItem;

    @BeforeEach
    void items() {
        item = "I-" + UUID.randomUUID();
        otherUnitsItem = "I-" + UUID.randomUUID();
        store.receivedItem(item, "U006", "我旗重点项目建设提速", false);
        store.receivedItem(otherUnitsItem, "U007", "校园食品安全", false);
    }

    private static final String CITY_BULLETIN = """
            {"kind":"CITY_BULLETIN_ADOPTED","issueNo":"2026年第15期","effectiveDate":"2026-07-15"}""";

    private String record(String itemId, String body) throws Exception {
        String json = mvc.perform(post("/api/adoption/items/{id}/records", itemId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var records = JsonMapper.builder().build().readTree(json).get("records");
        return records.get(records.size() - 1).get("recordId").asString();
    }

    @Test
    void roomRecordsAnAdoptionAndSeesWhoEnteredItAndWhatItCounts() throws Exception {
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content(CITY_BULLETIN))
                .andExpect(status().isCreated())
                // scoring has not published the item yet: no number of our own making, a note instead
                .andExpect(jsonPath("$.itemPoints").doesNotExist())
                .andExpect(jsonPath("$.scoreNote").value(ScoreShown.ITEM_PENDING))
                .andExpect(jsonPath("$.unitName").value("发改委"))
                .andExpect(jsonPath("$.records[0].publication").value("鄂尔多斯政讯"))
                .andExpect(jsonPath("$.records[0].enteredBy").value("room-editor"))
                .andExpect(jsonPath("$.records[0].enteredAt").value("2026-11-28T02:00:00Z"))
                .andExpect(jsonPath("$.records[0].period").value("2026-07"))
                .andExpect(jsonPath("$.records[0].lateEntry").value(true))
                .andExpect(jsonPath("$.records[0].scored").value(false))
                .andExpect(jsonPath("$.records[0].points").doesNotExist())
                .andExpect(jsonPath("$.records[0].explanation").value(ScoreShown.ITEM_PENDING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reporter", "unit-leader", "viewer", "admin", "dashboard"})
    void onlyTheRoomRecordsCorrectsWithdrawsAndCombines(String role) throws Exception {
        String recordId = record(item, CITY_BULLETIN);
        RequestPostProcessor other = KeycloakJwtUsers.user("someone", "U006", role);

        mvc.perform(post("/api/adoption/items/{id}/records", item).with(other)
                        .contentType(MediaType.APPLICATION_JSON).content(CITY_BULLETIN))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("无权操作"));
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/corrections", item, recordId).with(other)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"record\":" + CITY_BULLETIN + ",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", item, recordId).with(other)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/combined").with(other).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceItemIds\":[\"" + item + "\",\"" + otherUnitsItem + "\"],\"record\":"
                                + CITY_BULLETIN + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/combined/{c}/corrections", "CMB-x").with(other)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"record\":" + CITY_BULLETIN + ",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/combined/{c}/withdrawal", "CMB-x").with(other)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());

        assertThat(store.load(item).orElseThrow().item().records()).singleElement()
                .satisfies(r -> assertThat(r.versions()).hasSize(1));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "STATE_COUNCIL_ADOPTED             | 被国办采用                        | {\"publication\":\"国务院办公厅《政务信息》\",\"issueNo\":\"第12期\"}",
            "REGION_FORWARDED_TO_STATE_COUNCIL | 自治区转报国办                    | {\"issueNo\":\"内政办转〔2026〕3号\"}",
            "CENTRAL_LEADER_INSTRUCTION        | 中央领导批示                      | {\"leader\":\"某领导\",\"text\":\"很好\"}",
            "REGION_DAILY_BRIEF_ADOPTED        | 自治区政府办公厅《每日要情》采用  | {\"issueNo\":\"第88期\"}",
            "REGION_LEADER_INSTRUCTION         | 自治区政府领导批示                | {\"leader\":\"某副主席\",\"text\":\"请推广\"}",
            "CITY_BULLETIN_ADOPTED             | 市政府办公室《鄂尔多斯政讯》采用  | {\"issueNo\":\"第15期\"}",
            "CITY_FORWARDED_TO_REGION          | 市转报自治区                      | {}",
            "CITY_LEADER_INSTRUCTION           | 市政府领导批示                    | {\"leader\":\"王副市长\",\"text\":\"请推广\"}"})
    void everyKindCanBeRecordedByItsWireNameOrItsChineseLabel(String kind, String label, String fields)
            throws Exception {
        for (String name : java.util.List.of(kind, label)) {
            String itemId = "I-" + UUID.randomUUID();
            store.receivedItem(itemId, "U006", "标题", false);
            String body = fields.substring(0, fields.length() - 1)
                    + (fields.length() > 2 ? "," : "") + "\"kind\":\"" + name + "\",\"effectiveDate\":\"2026-09-01\"}";

            mvc.perform(post("/api/adoption/items/{id}/records", itemId).with(KeycloakJwtUsers.room())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.records[0].kind").value(kind))
                    .andExpect(jsonPath("$.records[0].kindLabel").value(label));
        }
    }

    @Test
    void roomCorrectsACombinedAdoptionForAllItsSources() throws Exception {
        String body = mvc.perform(post("/api/adoption/combined").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceItemIds\":[\"" + item + "\",\"" + otherUnitsItem + "\"],\"record\":"
                                + CITY_BULLETIN + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sources[0].itemId").value(item))
                .andExpect(jsonPath("$.sources[0].position").value(0))
                .andExpect(jsonPath("$.sources[1].itemId").value(otherUnitsItem))
                .andExpect(jsonPath("$.sources[1].position").value(1))
                .andReturn().getResponse().getContentAsString();
        String combinedId = JsonMapper.builder().build().readTree(body).get("combinedRecordId").asString();

        mvc.perform(post("/api/adoption/combined/{c}/corrections", combinedId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"record":{"kind":"CITY_BULLETIN_ADOPTED","issueNo":"2026年第16期",
                                 "effectiveDate":"2026-07-20"},"reason":"期号录错"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effectiveDate").value("2026-07-20"));

        for (String id : java.util.List.of(item, otherUnitsItem)) {
            mvc.perform(get("/api/adoption/items/{id}", id).with(KeycloakJwtUsers.room()))
                    .andExpect(jsonPath("$.records[0].issueNo").value("2026年第16期"))
                    .andExpect(jsonPath("$.records[0].combinedRecordId").value(combinedId))
                    .andExpect(jsonPath("$.records[0].combinedPosition").value(id.equals(item) ? 0 : 1))
                    .andExpect(jsonPath("$.records[0].versions", hasSize(2)));
        }
        mvc.perform(post("/api/adoption/combined/{c}/withdrawal", "CMB-unknown").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        mvc.perform(get("/api/adoption/items/{id}", item)).andExpect(status().isUnauthorized());
    }

    @Test
    void unitSeesTheRecordsOfItsOwnItemsOnly() throws Exception {
        record(item, CITY_BULLETIN);
        record(otherUnitsItem, CITY_BULLETIN);

        mvc.perform(get("/api/adoption/items/{id}", item).with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.records", hasSize(1)));
        // another unit's item answers exactly as one that does not exist: its existence is not revealed
        String notYours = mvc.perform(get("/api/adoption/items/{id}", otherUnitsItem)
                        .with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andReturn().getResponse().getContentAsString();
        String notThere = mvc.perform(get("/api/adoption/items/{id}", otherUnitsItem + "-missing")
                        .with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(notYours.replace(otherUnitsItem, "ID"))
                .isEqualTo(notThere.replace(otherUnitsItem + "-missing", "ID"));
        mvc.perform(get("/api/adoption/items").with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("U006"))));
        mvc.perform(get("/api/adoption/items").param("unitId", "U007").with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/adoption/items/{id}", otherUnitsItem).with(KeycloakJwtUsers.viewer()))
                .andExpect(status().isOk());
    }

    @Test
    void reporterWithoutAUnitIsRefused() throws Exception {
        mvc.perform(get("/api/adoption/items/{id}", item).with(KeycloakJwtUsers.user("nobody", null, "reporter")))
                .andExpect(status().isForbidden());
    }

    @Test
    void correctionAndWithdrawalShowEveryVersionAndTheReading() throws Exception {
        String recordId = record(item, CITY_BULLETIN);

        mvc.perform(post("/api/adoption/items/{id}/records/{r}/corrections", item, recordId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"record":{"kind":"STATE_COUNCIL_ADOPTED","publication":"国务院办公厅《政务信息》",
                                 "issueNo":"第12期","effectiveDate":"2026-08-01"},"reason":"级别录错"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].versions[1].change").value("CORRECTED"))
                .andExpect(jsonPath("$.records[0].versions[1].reason").value("级别录错"))
                .andExpect(jsonPath("$.records[0].versions[0].kind").value("CITY_BULLETIN_ADOPTED"));
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", item, recordId).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误录\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].withdrawn").value(true))
                .andExpect(jsonPath("$.records[0].versions", hasSize(3)));
    }

    @Test
    void scoringsReadingOfEachRecordIsShownAndARecordItHasNotReadYetSaysSo() throws Exception {
        String emergency = "I-" + UUID.randomUUID();
        store.receivedItem(emergency, "U006", "突发汛情", true);
        String instruction = record(emergency, """
                {"kind":"市政府领导批示","leader":"王副市长","text":"抓紧处置","effectiveDate":"2026-11-20"}""");
        String bulletin = record(emergency, """
                {"kind":"CITY_BULLETIN_ADOPTED","issueNo":"2026年第30期","effectiveDate":"2026-11-21"}""");
        scores.keepIfNewer(new ItemScore(emergency, ItemScore.SCORED, 5, 0, 3, WebSliceBeans.NOW, List.of(
                new ItemScore.RecordScore(instruction, "市政府领导批示", 20, 0, false, 0,
                        "重大紧急类信息的领导批示只作记录，不计分"))));

        mvc.perform(get("/api/adoption/items/{id}", emergency).with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemPoints").value(0))
                .andExpect(jsonPath("$.totalPoints").value(5))
                .andExpect(jsonPath("$.scoreVersion").value(3))
                .andExpect(jsonPath("$.scoreNote").doesNotExist())
                .andExpect(jsonPath("$.records[0].recordId").value(instruction))
                .andExpect(jsonPath("$.records[0].scored").value(true))
                .andExpect(jsonPath("$.records[0].points").value(20))
                .andExpect(jsonPath("$.records[0].countable").value(0))
                .andExpect(jsonPath("$.records[0].explanation").value("重大紧急类信息的领导批示只作记录，不计分"))
                .andExpect(jsonPath("$.records[1].recordId").value(bulletin))
                .andExpect(jsonPath("$.records[1].scored").value(false))
                .andExpect(jsonPath("$.records[1].points").doesNotExist())
                .andExpect(jsonPath("$.records[1].explanation").value(ScoreShown.RECORD_PENDING));
        mvc.perform(get("/api/adoption/items").param("unitId", "U006").with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.itemId == '" + emergency + "')].scoreVersion").value(3));
    }

    @Test
    void badInputIsAProblemNeverA500() throws Exception {
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("kind", "effectiveDate")));
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NEWSPAPER\",\"effectiveDate\":\"2026-07-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("record.unknown-kind"));
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CITY_BULLETIN_ADOPTED\",\"effectiveDate\":\"2026-07-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("record.issue-required"))
                .andExpect(jsonPath("$.detail").value("刊物采用须填写期号"));
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CITY_BULLETIN_ADOPTED\",\"effectiveDate\":\"2026-13-01\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/adoption/items/{id}/records", "I-unknown").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content(CITY_BULLETIN))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", item, "ADR-nope").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/withdrawal", item, "ADR-nope").with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/adoption/items/{id}/records", item).with(KeycloakJwtUsers.room())
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void followUpIsReportedByTheItemsUnitAndOverdueOnesAreListedForTheRoom() throws Exception {
        String recordId = record(item, """
                {"kind":"CITY_LEADER_INSTRUCTION","leader":"王副市长","text":"请总结推广","effectiveDate":"2026-11-01",
                 "followUp":{"action":"报送推广经验","dueDate":"2026-11-20"}}""");

        mvc.perform(get("/api/adoption/follow-ups/overdue").with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.recordId == '" + recordId + "')].daysOverdue").value(8))
                .andExpect(jsonPath("$[?(@.recordId == '" + recordId + "')].unitName").value("发改委"));
        mvc.perform(get("/api/adoption/follow-ups/overdue").with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isForbidden());

        String report = "{\"whatWasDone\":\"已形成经验材料报市政府办\",\"doneOn\":\"2026-11-27\"}";
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/follow-up-reports", item, recordId)
                        .with(KeycloakJwtUsers.reporter("U007")).contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isNotFound()) // another unit's item: as if it were not there
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/follow-up-reports", item, recordId)
                        .with(KeycloakJwtUsers.room()).contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/items/{id}/records/{r}/follow-up-reports", item, recordId)
                        .with(KeycloakJwtUsers.reporter("U006")).contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.records[0].followUp.overdue").value(false))
                .andExpect(jsonPath("$.records[0].followUp.reports[0].doneOn").value("2026-11-27"));

        mvc.perform(get("/api/adoption/follow-ups/overdue").with(KeycloakJwtUsers.room()))
                .andExpect(jsonPath("$[?(@.recordId == '" + recordId + "')]").isEmpty());
    }
}
