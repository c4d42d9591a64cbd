package cn.gov.eqq.govinfo.reporting.ranking.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.application.ReadingRankings;
import cn.gov.eqq.govinfo.reporting.shared.adapter.in.web.Params;
import cn.gov.eqq.govinfo.reporting.shared.domain.GroupNames;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Group rankings as scoring published them. Every role of the realm may read every group: the rankings are
 * circulated to all units of the banner anyway (the circular carries every group's table).
 */
@RestController
@RequestMapping("/api/reporting/rankings")
@PreAuthorize("hasAnyRole('viewer','info-room','admin','dashboard','reporter','unit-leader')")
class RankingController {

    private final ReadingRankings rankings;

    RankingController(ReadingRankings rankings) {
        this.rankings = rankings;
    }

    record RankingView(String period, String periodType, int group, String groupName, long snapshotVersion,
                       Instant computedAt, String policyVersion, Instant keptAt, List<RankingLine> rows) {

        static RankingView of(RankingSnapshot s) {
            return new RankingView(s.period(), s.periodType(), s.group(), GroupNames.of(s.group()), s.snapshotVersion(),
                    s.computedAt(), s.policyVersion(), s.keptAt(), s.lines());
        }
    }

    record RankingHistory(String period, int group, List<RankingView> versions) {
    }

    @GetMapping
    RankingView latest(@RequestParam int group, @RequestParam String period) {
        String p = Params.period(period).code();
        return rankings.latest(p, Params.group(group)).map(RankingView::of)
                .orElseThrow(() -> ApiProblem.notFound("尚无" + GroupNames.of(group) + " " + p + " 的积分排名"));
    }

    @GetMapping("/history")
    RankingHistory history(@RequestParam int group, @RequestParam String period) {
        String p = Params.period(period).code();
        List<RankingView> versions = rankings.history(p, Params.group(group)).stream().map(RankingView::of).toList();
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("尚无" + GroupNames.of(group) + " " + p + " 的积分排名");
        }
        return new RankingHistory(p, group, versions);
    }
}
