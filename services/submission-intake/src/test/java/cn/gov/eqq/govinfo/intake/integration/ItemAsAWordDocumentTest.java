package cn.gov.eqq.govinfo.intake.integration;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One item as a Word document in the 政务信息 layout: read by whoever may read the item, with the contact number as
 * that reader sees it on the page, refused to another unit.
 */
class ItemAsAWordDocumentTest extends IntakeIntegrationTest {

    private static final String UNIT = "U043";

    @Test
    void theUnitGetsItsItemAsAWordDocumentWithTitleUnitBodyAndTheFullNumber() throws Exception {
        String title = "发改委召开营商环境座谈会 " + UUID.randomUUID();
        String id = submitted(UNIT, goodNews(title).replace("0477-7622029", "13812341234"));

        String text = documentText(reporter(UNIT), id);

        assertThat(text).contains("政务信息").contains(title).contains("报送单位：").contains("报送时间：")
                .contains("联系电话：13812341234").contains("编号：" + id);
    }

    @Test
    void aLeaderWhoOnlyReadsGetsTheNumberMaskedAsOnThePage() throws Exception {
        String id = submitted(UNIT, goodNews("只读领导 " + UUID.randomUUID()).replace("0477-7622029", "13812341234"));

        assertThat(documentText(user("banner-leader", null, "viewer"), id)).contains("联系电话：138****1234")
                .doesNotContain("13812341234");
    }

    @Test
    void anotherUnitIsRefusedAsForTheItemItself() throws Exception {
        String id = submitted(UNIT, goodNews("他单位 " + UUID.randomUUID()));

        mvc.perform(get("/api/intake/items/{id}/document.docx", id).with(reporter("U044")))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private String documentText(RequestPostProcessor caller, String id) throws Exception {
        MvcResult result = mvc.perform(get("/api/intake/items/{id}/document.docx", id).with(caller))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            return words.getText();
        }
    }
}
