package cn.gov.eqq.govinfo.intake.filing.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 备案 of each unit's internal rules: who filed, who filed late, who is missing. */
class RulesFilingWebTest extends IntakeIntegrationTest {

    private static final MockMultipartFile RULES = new MockMultipartFile("file", "信息工作考核办法.pdf",
            "application/pdf", "%PDF-1.7\n%考核办法\n%%EOF".getBytes(StandardCharsets.UTF_8));

    @Test
    void unitFilesBeforeTheDeadlineAndTheRoomSeesWhoIsMissing() throws Exception {
        mvc.perform(multipart("/api/intake/filings/{year}", 2030).file(RULES).param("title", "发改委政务信息工作考核办法")
                        .with(reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value("U006"))
                .andExpect(jsonPath("$.status").value("FILED"));

        mvc.perform(get("/api/intake/filings/{year}", 2030).with(room()))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U006')].status").value("FILED"))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U007')].status").value("NOT_YET_DUE"))
                .andExpect(jsonPath("$.filed").value(1));
        mvc.perform(get("/api/intake/filings/{year}/mine", 2030).with(leader("U006")))
                .andExpect(jsonPath("$.title").value("发改委政务信息工作考核办法"));
    }

    @Test
    void filingAfterThirtyFirstJulyIsLateAndMissingUnitsAreOverdue() throws Exception {
        mvc.perform(multipart("/api/intake/filings/{year}", 2023).file(RULES).param("title", "教体局信息工作制度")
                        .with(reporter("U007")))
                .andExpect(jsonPath("$.status").value("FILED_LATE"));
        mvc.perform(get("/api/intake/filings/{year}", 2023).with(room()))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U007')].status").value("FILED_LATE"))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U008')].status").value("OVERDUE"))
                .andExpect(jsonPath("$.units[?(@.unitId == 'U008')].statusLabel").value("逾期未备案"));
    }

    @Test
    void reportersSeeOnlyTheirOwnFilingAndMustSendADocument() throws Exception {
        mvc.perform(get("/api/intake/filings/{year}", 2030).with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/intake/filings/{year}", 2030)
                        .file(new MockMultipartFile("file", "照片.png", "image/png",
                                new byte[]{(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}))
                        .param("title", "制度").with(reporter("U009")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("filing.document-required"));
        mvc.perform(multipart("/api/intake/filings/{year}", 2030).file(RULES).param("title", "制度").with(room()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aYearOutsideTheNoticesYearsIsRefusedForEveryFilingCall() throws Exception {
        // found by the security fuzzer: GET …/filings/-1/mine used to answer a status for year -1
        mvc.perform(get("/api/intake/filings/{year}/mine", -1).with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("filing.year-invalid"));
        mvc.perform(get("/api/intake/filings/{year}", 1999).with(room()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("filing.year-invalid"));
    }
}
