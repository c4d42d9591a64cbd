package cn.gov.eqq.govinfo.intake.progress.domain;

import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthQuotaTest {

    private static final QuotaVersion NOTICE = new QuotaVersion("2022-07-06", LocalDate.of(2022, 7, 6),
            Map.of(1, 8, 2, 8, 3, 4));
    private static final QuotaVersion COUNTY = new QuotaVersion("county-2026", LocalDate.of(2026, 1, 1),
            Map.of(1, 6, 2, 6, 3, 3));

    private static MonthQuota in(String month, QuotaVersion... versions) {
        return new MonthQuota(YearMonth.parse(month), List.of(versions));
    }

    @Test
    void theQuotaIsTheGroupsInTheVersionInForceOnTheMonthsFirstDay() {
        Unit unit = Unit.memberSinceFirstMonth("U045", "法律服务中心", 3);

        assertThat(in("2025-12", COUNTY, NOTICE).of(unit)).contains(4);
        assertThat(in("2026-01", COUNTY, NOTICE).of(unit)).contains(3);
        assertThat(in("2026-01", COUNTY, NOTICE).version()).contains(COUNTY);
    }

    @Test
    void beforeTheFirstVersionThereIsNoQuotaAndTheReasonIsInChinese() {
        Unit unit = Unit.memberSinceFirstMonth("U045", "法律服务中心", 3);
        MonthQuota july2022 = in("2022-07", NOTICE);

        assertThat(july2022.of(unit)).isEmpty();
        assertThat(july2022.absence())
                .contains("本月初尚无积分标准（第一个版本 2022-07-06 自2022年7月6日起施行），本月不设基础条数，不计差额");
        assertThat(in("2026-07").absence()).contains("积分服务尚未发布积分标准，暂无基础条数，不计差额");
        assertThat(in("2022-08", NOTICE).absence()).isEmpty();
    }

    @Test
    void aUnitHasTheQuotaOfTheGroupItBelongedToThatMonth() {
        Unit moved = Unit.memberSinceFirstMonth("U045", "法律服务中心", 3).movedTo(2, YearMonth.of(2026, 7));

        assertThat(in("2026-06", NOTICE).groupOf(moved)).contains(3);
        assertThat(in("2026-06", NOTICE).of(moved)).contains(4);
        assertThat(in("2026-07", NOTICE).groupOf(moved)).contains(2);
        assertThat(in("2026-07", NOTICE).of(moved)).contains(8);
    }

    @Test
    void aUnitHasNoQuotaBeforeItJoinedOrAfterItLeft() {
        Unit october = Unit.joining("U099", "新设中心", 3, YearMonth.of(2026, 10));
        Unit left = Unit.memberSinceFirstMonth("U046", "已撤并单位", 2).leaving(YearMonth.of(2026, 5));

        assertThat(in("2026-09", NOTICE).of(october)).isEmpty();
        assertThat(in("2026-10", NOTICE).of(october)).contains(4);
        assertThat(in("2026-04", NOTICE).of(left)).contains(8);
        assertThat(in("2026-05", NOTICE).of(left)).isEmpty();
    }
}
