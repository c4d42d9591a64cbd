package cn.gov.eqq.govinfo.intake.progress;

import cn.gov.eqq.govinfo.intake.item.domain.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.support.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The live tally against the quota: received items count, voided and pending ones do not. */
class QuotaProgressWebTest extends IntakeIntegrationTest {

    @Test
    void unitSeesItsReceivedItemsAgainstItsGroupQuotaAndTheRoomSeesTheBanner() throws Exception {
        String month = ReportingPeriod.monthOf(Instant.now()).name();
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
        mvc.perform(get("/api/intake/quota-progress").param("month", "2020-01").with(reporter("U045")))
                .andExpect(jsonPath("$.units[0].received").value(0));
        mvc.perform(get("/api/intake/quota-progress").param("month", "2026-Q3").with(room()))
                .andExpect(status().isBadRequest());
    }
}
