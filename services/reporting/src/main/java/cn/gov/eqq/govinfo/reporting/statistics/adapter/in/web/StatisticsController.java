package cn.gov.eqq.govinfo.reporting.statistics.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import cn.gov.eqq.govinfo.reporting.shared.adapter.in.web.Params;
import cn.gov.eqq.govinfo.reporting.statistics.application.ReadingStatistics;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Per unit and month, for the portal's charts. The room, administrators and leaders see every unit; a unit's
 * reporters and leaders see their own unit only.
 */
@RestController
@RequestMapping("/api/reporting/statistics")
class StatisticsController {

    private final ReadingStatistics statistics;

    StatisticsController(ReadingStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('info-room','admin','viewer','dashboard','reporter','unit-leader')")
    List<UnitMonthStatistics> of(CurrentUser user, @RequestParam String period,
                                 @RequestParam(required = false) String unitId) {
        String unit = unitId;
        // the city appraisal dashboard appraises every unit of the banner: it reads all units, as the office does
        if (!user.hasAnyRole(Roles.INFO_ROOM, Roles.ADMIN, Roles.VIEWER, Roles.DASHBOARD)) {
            String own = user.requireUnit();
            if (unitId != null && !unitId.equals(own)) {
                throw ApiProblem.forbidden("只能查看本单位的统计数据");
            }
            unit = own;
        }
        return statistics.of(Params.period(period), unit);
    }
}
