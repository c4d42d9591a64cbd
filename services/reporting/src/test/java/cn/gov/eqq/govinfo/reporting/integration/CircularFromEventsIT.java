package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionEvent;
import cn.gov.eqq.govinfo.contracts.commission.CommissionEvent;
import cn.gov.eqq.govinfo.contracts.item.ItemEvent;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A circular generated from a known set of events on the real broker, downloaded as DOCX and XLSX, opened with POI
 * and compared figure by figure with what the rankings endpoint serves.
 */
class CircularFromEventsIT extends ReportingStack {

    static final KnownQuarter Q = new KnownQuarter(2024);

    static void publishAll(ReportingStack test, KnownQuarter q) throws Exception {
        for (IntegrationEvent e : q.facts()) {
            test.publish(topicOf(e), e);
        }
        test.publish(Topics.RANKINGS, q.group2(1, 25));
    }

    static String topicOf(IntegrationEvent e) {
        if (e instanceof UnitChanged) {
            return Topics.UNITS;
        }
        if (e instanceof ItemEvent) {
            return Topics.ITEMS;
        }
        if (e instanceof AdoptionEvent) {
            return Topics.ADOPTIONS;
        }
        if (e instanceof CommissionEvent) {
            return Topics.COMMISSIONS;
        }
        if (e instanceof ItemScored) {
            return Topics.ITEM_SCORES;
        }
        throw new IllegalArgumentException(e.toString());
    }

    /** Waits until reporting has taken in the facts (statistics show them) and the ranking. */
    static void awaitTakenIn(ReportingStack test, KnownQuarter q) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            test.mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", q.period())
                    .with(as("viewer"))).andExpect(status().isOk());
            JsonNode stats = test.getJson("/api/reporting/statistics", as("info-room"), "period", q.period(),
                    "unitId", "U006");
            // August of 发改委: the commissioned research report, answered and accepted in time
            assertThat(stats.get(1).get("receivedItems").asInt()).isEqualTo(1);
            assertThat(stats.get(1).get("commissions").get("answered").asInt()).isEqualTo(1);
            // scoring's score of that item, published after the others: the item scores are taken in
            assertThat(stats.get(1).get("commissions").get("bonusItems").asInt()).isEqualTo(1);
            JsonNode edu = test.getJson("/api/reporting/statistics", as("info-room"), "period", q.period(),
                    "unitId", "U007");
            assertThat(edu.get(2).get("adoptedItems").asInt()).isZero(); // the only adoption of Sept. was withdrawn
        });
    }

    @Test
    void theDocumentsOfACircularMatchTheRankingsFigureByFigure() throws Exception {
        publishAll(this, Q);
        awaitTakenIn(this, Q);

        String created = mvc.perform(post("/api/reporting/circulars").with(as("info-room"))
                        .contentType("application/json").content("{\"kind\":\"QUARTERLY\",\"period\":\"" + Q.period() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.figures.warnings.length()").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = codec.tree(created).get("id").asString();
        assertThat(id).isEqualTo("QUARTERLY-2024-Q3-v1");

        JsonNode ranking = getJson("/api/reporting/rankings", as("viewer"), "group", "2", "period", Q.period());
        JsonNode rows = ranking.get("rows");
        assertThat(rows.size()).isEqualTo(3);

        byte[] docx = mvc.perform(get("/api/reporting/circulars/" + id + "/document.docx").with(as("info-room")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("关于2024年第三季度全旗政务信息工作情况的通报");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(rows.size() + 1);
            for (int i = 0; i < rows.size(); i++) {
                XWPFTableRow row = table.getRow(i + 1);
                JsonNode r = rows.get(i);
                assertThat(row.getCell(0).getText()).isEqualTo(r.get("rank").asString());
                assertThat(row.getCell(1).getText()).isEqualTo(r.get("unitName").asString());
                assertThat(row.getCell(2).getText()).isEqualTo(r.get("points").asString());
                assertThat(row.getCell(3).getText()).isEqualTo(r.get("submissionPoints").asString());
                assertThat(row.getCell(4).getText()).isEqualTo(r.get("forwardPoints").asString());
                assertThat(row.getCell(5).getText()).isEqualTo(r.get("adoptionPoints").asString());
                assertThat(row.getCell(6).getText()).isEqualTo(r.get("commissionPoints").asString());
                assertThat(row.getCell(7).getText()).isEqualTo(r.get("deductionPoints").asString());
                assertThat(row.getCell(8).getText()).isEqualTo(r.get("receivedItems").asString());
                assertThat(row.getCell(9).getText()).isEqualTo(r.get("quota").asString());
            }
            // commissions: 发改委 answered in time; 教体局 and 工信和科技局 sent nothing
            XWPFTable commissions = doc.getTables().get(1);
            assertThat(commissions.getRow(1).getCell(0).getText()).isEqualTo("关于乡村振兴典型经验的约稿");
            assertThat(commissions.getRow(1).getCell(2).getText()).isEqualTo("发改委（1条）");
            assertThat(commissions.getRow(1).getCell(3).getText()).isEqualTo("教体局、工信和科技局");
            // annex: the two adopted items, not the voided one, with the points the ranking carries
            XWPFTable annex = doc.getTables().get(2);
            assertThat(annex.getRows()).hasSize(3);
            assertThat(List.of(annex.getRow(1).getCell(1).getText(), annex.getRow(1).getCell(2).getText(),
                    annex.getRow(1).getCell(5).getText())).containsExactly("发改委推进重点项目建设", "发改委", "30");
            assertThat(List.of(annex.getRow(2).getCell(1).getText(), annex.getRow(2).getCell(3).getText(),
                    annex.getRow(2).getCell(5).getText())).containsExactly("教体局推进校园安全整治", "《鄂尔多斯政讯》第20期", "20");
        }

        byte[] xlsx = mvc.perform(get("/api/reporting/circulars/" + id + "/document.xlsx").with(as("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheet("第二组排名");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + rows.size());
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.getRow(3 + i);
                JsonNode r = rows.get(i);
                assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(r.get("rank").asInt());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.get("unitName").asString());
                String[] fields = {"points", "submissionPoints", "forwardPoints", "adoptionPoints", "commissionPoints",
                        "deductionPoints", "receivedItems", "quota"};
                for (int f = 0; f < fields.length; f++) {
                    assertThat((int) row.getCell(2 + f).getNumericCellValue()).as(fields[f])
                            .isEqualTo(r.get(fields[f]).asInt());
                }
            }
            XSSFSheet named = wb.getSheet("未报送及未完成");
            assertThat(named.getRow(3).getCell(1).getStringCellValue()).isEqualTo("工信和科技局");
            assertThat(named.getRow(3).getCell(2).getStringCellValue()).isEqualTo("未报送");
            XSSFSheet stats = wb.getSheet("统计");
            // 3 units x 3 months, from the facts as they were when the circular was drafted
            assertThat(stats.getLastRowNum()).isEqualTo(2 + 9);
        }
    }

    @Test
    void aSecondDraftOfTheSameCircularIsRefused() throws Exception {
        KnownQuarter q = new KnownQuarter(2023);
        publish(Topics.RANKINGS, q.group2(1, 25));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/reporting/rankings").param("group", "2").param("period", q.period())
                        .with(as("viewer"))).andExpect(status().isOk()));
        String body = "{\"kind\":\"QUARTERLY\",\"period\":\"" + q.period() + "\"}";
        mvc.perform(post("/api/reporting/circulars").with(as("info-room")).contentType("application/json").content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/reporting/circulars").with(as("info-room")).contentType("application/json").content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("circular.exists"))
                // the period in words, never the circular's id
                .andExpect(jsonPath("$.detail").value("2023年第三季度的季度通报已存在；如需更新数据请刷新草稿，已发布的请发起更正"));
        mvc.perform(post("/api/reporting/circulars").with(as("info-room")).contentType("application/json")
                        .content("{\"kind\":\"ANNUAL\",\"period\":\"2023-Q3\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("circular.period-mismatch"));
        mvc.perform(post("/api/reporting/circulars").with(as("info-room")).contentType("application/json")
                        .content("{\"kind\":\"MONTHLY\",\"period\":\"2023-Q3\"}"))
                .andExpect(status().isBadRequest());
    }
}
