package cn.gov.eqq.govinfo.reporting.integration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The room may draft and review a quarter's circular while the quarter runs (a preview of the figures so far), but
 * publishing it before the quarter has ended in Beijing time is answered 409 with a Chinese problem naming the date.
 * The circular as the page reads it carries the same words and the instant publishing opens, so the page warns
 * before anyone clicks without knowing the rule.
 */
class PublishingBeforeThePeriodEndsIT extends ReportingStack {

    @Test
    void publishingAQuarterThatHasNotEndedIsA409ProblemNamingTheDayItEnds() throws Exception {
        var room = as("info-room");
        mvc.perform(post("/api/reporting/circulars").with(room).contentType("application/json")
                        .content("{\"kind\":\"QUARTERLY\",\"period\":\"2031-Q4\"}"))
                .andExpect(status().isCreated());
        String base = "/api/reporting/circulars/QUARTERLY-2031-Q4-v1";
        mvc.perform(post(base + "/review").with(room).contentType("application/json")
                        .content("{\"closesAt\":\"" + clock.instant().plus(Duration.ofMinutes(1)) + "\"}"))
                .andExpect(status().isOk());
        try {
            clock.setBeijing("2031-12-31T23:59:59");
            mvc.perform(get(base).with(room))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("QUARTERLY-2031-Q4-v1"))
                    .andExpect(jsonPath("$.publishableFrom").value("2031-12-31T16:00:00Z"))
                    .andExpect(jsonPath("$.periodNotEnded")
                            .value("2031年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布"));
            mvc.perform(post(base + "/publish").with(room))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("circular.period-not-ended"))
                    .andExpect(jsonPath("$.detail")
                            .value("2031年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布"));

            clock.setBeijing("2032-01-01T00:00:00");
            mvc.perform(get(base).with(room))
                    .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                    .andExpect(jsonPath("$.periodNotEnded").doesNotExist());
            mvc.perform(post(base + "/publish").with(room))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PUBLISHED"));
        } finally {
            clock.set(Instant.now());
        }
    }
}
