package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.shared.adapter.in.web.PeriodParameter;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A unit's score with its ledger, and a group's ranking. */
@RestController
@RequestMapping("/api/scoring")
class ScoreController {

    /** The unit id rule of intake's unit directory: scoring has no directory, so an unknown shape is refused here. */
    private static final java.util.regex.Pattern UNIT_ID = java.util.regex.Pattern.compile("^U\\d{3,6}$");

    private final ScoreQueries queries;
    private final SnapshotStore snapshots;

    ScoreController(ScoreQueries queries, SnapshotStore snapshots) {
        this.queries = queries;
        this.snapshots = snapshots;
    }

    /** Reporters and unit leaders see their own unit only; the room, leaders, admins and the dashboard see all. */
    @GetMapping("/units/{unitId}/score")
    @PreAuthorize("hasAnyRole('reporter','unit-leader','info-room','viewer','admin','dashboard')")
    ScoreViews.UnitScoreView score(CurrentUser user, @PathVariable String unitId, @RequestParam String period) {
        if (!UNIT_ID.matcher(unitId).matches()) {
            throw ApiProblem.badRequest("unitId.invalid", "单位编号格式应为 U 加数字，如 U006").withField("unitId", "单位编号格式不正确");
        }
        boolean seesAll = user.hasAnyRole(Roles.INFO_ROOM, Roles.VIEWER, Roles.ADMIN, Roles.DASHBOARD);
        if (!seesAll && !unitId.equals(user.unitId())) {
            throw ApiProblem.forbidden("只能查看本单位的积分明细");
        }
        return ScoreViews.UnitScoreView.of(queries.unitScore(unitId, PeriodParameter.parse(period)));
    }

    @GetMapping("/rankings")
    @PreAuthorize("hasAnyRole('info-room','viewer','admin','dashboard')")
    ScoreViews.RankingView ranking(@RequestParam int group, @RequestParam String period) {
        ReportingPeriod p = PeriodParameter.parse(period);
        // a clean key answers from its last snapshot; a marked one (or one never published) is computed
        return queries.keptRanking(group, p).map(ScoreViews.RankingView::of).orElseGet(() -> {
            if (!queries.groups().contains(group)) {
                throw ApiProblem.notFound("没有第" + group + "组的报送单位");
            }
            return ScoreViews.RankingView.of(queries.ranking(group, p),
                    snapshots.versionOf(new SnapshotStore.Key(p, group)));
        });
    }
}
