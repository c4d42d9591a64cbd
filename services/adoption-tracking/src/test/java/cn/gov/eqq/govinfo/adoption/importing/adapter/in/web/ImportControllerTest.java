package cn.gov.eqq.govinfo.adoption.importing.adapter.in.web;

import cn.gov.eqq.govinfo.adoption.support.InMemoryItemAdoptionsStore;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import cn.gov.eqq.govinfo.adoption.support.WebSliceBeans;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ImportController.class)
@Import(WebSliceBeans.class)
class ImportControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryItemAdoptionsStore store;
    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void onlyTheRoomImportsTheAdministratorReadsTheBatchesAndAnyoneTheTemplate() throws Exception {
        mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.reporter("U006")).contentType("text/csv")
                .content("kind,date\n")).andExpect(status().isForbidden());
        mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.admin()).contentType("text/csv")
                .content("kind,date\n")).andExpect(status().isForbidden());
        mvc.perform(get("/api/adoption/imports").with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/adoption/imports").with(KeycloakJwtUsers.admin())).andExpect(status().isOk());
        mvc.perform(get("/api/adoption/imports/template").with(KeycloakJwtUsers.viewer())).andExpect(status().isOk());
    }

    @Test
    void fileOverTwoMegabytesIsRefusedWith413() throws Exception {
        byte[] big = new byte[ImportController.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.room()).contentType("text/csv").content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("import.too-large"));
    }

    @Test
    void templateIsDownloadableAsCsv() throws Exception {
        mvc.perform(get("/api/adoption/imports/template").with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith(
                        "\uFEFFitem_id,unit,title,kind,publication,issue_no,date,leader,text,follow_up_action,follow_up_due")));
    }

    @Test
    void uploadIsAcceptedWith202AndTheBatchsLocationAndAFileWithBadLinesFailsWithEveryProblemByRowAndColumn()
            throws Exception {
        store.receivedItem("IMP-W1", "U006", "标题一", false);
        String csv = "item_id,kind,issue_no,date\nIMP-W1,CITY_BULLETIN_ADOPTED,第1期,2026-03-01\n"
                + "IMP-W1,没有这种类型,第2期,2026-03-02\n";

        String location = mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.room())
                        .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/adoption/imports/IMP-")))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location).with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.stateLabel").value("有错误，未导入"))
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("kind"))
                .andExpect(jsonPath("$.errors[0].field").value("第3行.kind"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("没有这种类型")));
        assertThat(store.load("IMP-W1").orElseThrow().item().records()).isEmpty();
    }

    @Test
    void spreadsheetSavedByChineseExcelAsGbkIsReadToo() throws Exception {
        store.receivedItem("IMP-G1", "U006", "标题", false);
        String csv = "item_id,kind,issue_no,date\nIMP-G1,市政府办公室《鄂尔多斯政讯》采用,第7期,2026-03-01\n";
        MockMultipartFile file = new MockMultipartFile("file", "past.csv", "text/csv",
                csv.getBytes(Charset.forName("GB18030")));

        mvc.perform(multipart("/api/adoption/imports").file(file).with(KeycloakJwtUsers.room()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.fileName").value("past.csv"))
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.stateLabel").value("已完成"))
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.written").value(1))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.repeatedFile").value(false));
        assertThat(store.load("IMP-G1").orElseThrow().item().records()).singleElement()
                .satisfies(r -> assertThat(r.content().issueNo()).isEqualTo("第7期"));

        mvc.perform(multipart("/api/adoption/imports").file(file).with(KeycloakJwtUsers.room()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.repeatedFile").value(true));
        mvc.perform(get("/api/adoption/imports").with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.fileName == 'past.csv')].added").value(org.hamcrest.Matchers.contains(1)));
    }

    @Test
    void lineForAnItemNotYetReceivedIsAcceptedAsWaitingAndTheImportsStatusSaysSoInChinese() throws Exception {
        String csv = "item_id,kind,issue_no,date\nIMP-LATER,CITY_BULLETIN_ADOPTED,第9期,2026-03-05\n";

        String body = mvc.perform(post("/api/adoption/imports").with(KeycloakJwtUsers.room()).contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.waiting").value(1))
                .andExpect(jsonPath("$.waitingLines[0]").value("第 2 行：信息 IMP-LATER 尚未接收，接收后自动登记"))
                .andReturn().getResponse().getContentAsString();
        String batchId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("batchId")
                .asString();

        mvc.perform(get("/api/adoption/imports/{id}", batchId).with(KeycloakJwtUsers.room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordedSinceWaiting").value(0))
                .andExpect(jsonPath("$.waitingLines[0]").value("第 2 行：信息 IMP-LATER 尚未接收，接收后自动登记"));
        mvc.perform(get("/api/adoption/imports/{id}", batchId).with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/adoption/imports/{id}", "IMP-unknown").with(KeycloakJwtUsers.room()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
