package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.benchmarks.PortalPages.Call;
import cn.gov.eqq.govinfo.benchmarks.PortalPages.Page;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortalPagesTest {

    @Test
    void theMainPagesCallWhatThePortalSendsOnTheDay() {
        List<Page> pages = PortalPages.mainPages(LocalDate.of(2026, 12, 7), "QUARTERLY-2026-Q3-v1");

        assertThat(pages).extracting(Page::name).containsExactly("room inbox", "rankings",
                "unit score with explanation", "statistics", "circular draft");
        assertThat(pages).extracting(Page::user).containsExactly("room-editor", "banner-leader", "u006-reporter",
                "banner-leader", "room-editor");
        assertThat(pages.get(0).calls()).containsExactly(
                Call.get("/api/intake/items?status=SUBMITTED&size=100&sort=submittedAt"));
        assertThat(pages.get(1).calls()).containsExactly(Call.get("/api/reporting/rankings?group=2&period=2026-12"));
        assertThat(pages.get(2).parallel()).isTrue();
        assertThat(pages.get(2).calls()).containsExactly(
                Call.get("/api/intake/quota-progress?month=2026-12"),
                Call.get("/api/commission/commissions?scope=open"),
                Call.get("/api/scoring/units/U006/score?period=2026-12"));
        assertThat(pages.get(3).calls()).containsExactly(Call.get("/api/reporting/statistics?period=2026-Q4"));
        assertThat(pages.get(4).calls()).containsExactly(Call.get("/api/reporting/circulars/QUARTERLY-2026-Q3-v1"));
    }

    @Test
    void theDraftFormDefaultsToLastQuarterAcrossTheYearBoundary() {
        LocalDate february = LocalDate.of(2027, 2, 1);

        assertThat(PortalPages.draftCreation(february))
                .isEqualTo(Call.post("/api/reporting/circulars", "{\"kind\":\"QUARTERLY\",\"period\":\"2026-Q4\"}"));
        assertThat(PortalPages.draftId(february)).isEqualTo("QUARTERLY-2026-Q4-v1");
        assertThat(PortalPages.quarter(LocalDate.of(2026, 12, 31), 0)).isEqualTo("2026-Q4");
        assertThat(PortalPages.quarter(LocalDate.of(2026, 3, 31), 1)).isEqualTo("2026-Q2");
        assertThat(PortalPages.month(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03");
    }

    @Test
    void aRefreshPostsThenShowsTheDraftAgainInSequence() {
        Page refresh = PortalPages.draftRefresh("QUARTERLY-2026-Q3-v1");

        assertThat(refresh.parallel()).isFalse();
        assertThat(refresh.calls()).containsExactly(
                Call.post("/api/reporting/circulars/QUARTERLY-2026-Q3-v1/refresh", null),
                Call.get("/api/reporting/circulars/QUARTERLY-2026-Q3-v1"));
        assertThat(refresh.describe()).isEqualTo("room-editor, 2 calls in sequence: POST "
                + "/api/reporting/circulars/QUARTERLY-2026-Q3-v1/refresh + GET "
                + "/api/reporting/circulars/QUARTERLY-2026-Q3-v1");
    }
}
