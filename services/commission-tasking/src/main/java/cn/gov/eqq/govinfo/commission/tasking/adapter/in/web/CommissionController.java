package cn.gov.eqq.govinfo.commission.tasking.adapter.in.web;

import cn.gov.eqq.govinfo.commission.tasking.adapter.in.web.CommissionViews.CommissionView;
import cn.gov.eqq.govinfo.commission.tasking.adapter.in.web.CommissionViews.NoticeView;
import cn.gov.eqq.govinfo.commission.tasking.adapter.in.web.CommissionViews.StatisticsView;
import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.UnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.platform.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The room issues and judges commissions; everyone else reads. The room, viewers, administrators and the city
 * dashboard see every unit; a unit's own staff see only commissions sent to their unit, and only their own row.
 */
@RestController
@RequestMapping("/api/commission")
class CommissionController {

    record IssueRequest(String title, String requirements, List<String> targetUnitIds, LocalDateTime deadline) {
    }

    record JudgeRequest(Boolean accepted, String reason) {
    }

    private final Commissioning commissions;
    private final UnitDirectory units;

    CommissionController(Commissioning commissions, UnitDirectory units) {
        this.commissions = commissions;
        this.units = units;
    }

    @PostMapping("/commissions")
    @PreAuthorize("hasRole('info-room')")
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document declares; the answer itself is the 201 below
    ResponseEntity<CommissionView> issue(CurrentUser user, @RequestBody IssueRequest body) {
        Commission c = commissions.issue(new NewCommission(body.title(), body.requirements(), body.targetUnitIds(),
                body.deadline()), user.actor());
        return ResponseEntity.created(URI.create("/api/commission/commissions/" + c.id()))
                .body(view(c, c.targetUnitIds(), commissions.now()));
    }

    @PostMapping("/commissions/{id}/answers/{itemId}/judgement")
    @PreAuthorize("hasRole('info-room')")
    CommissionView judge(CurrentUser user, @PathVariable String id, @PathVariable String itemId,
                         @RequestBody JudgeRequest body) {
        if (body.accepted() == null) {
            throw ApiProblem.badRequest("commission.verdict-required", "请选择采纳或不采纳")
                    .withField("accepted", "请选择采纳或不采纳");
        }
        Commission c = commissions.judge(
                new Commissioning.JudgeAnswer(id, itemId, body.accepted(), body.reason(), user.actor()));
        return view(c, c.targetUnitIds(), commissions.now());
    }

    /**
     * @param unitId for readers of all units: only commissions sent to this unit
     * @param scope  {@code open} (not yet answered, deadline not passed) or {@code all}; a unit's default is open
     */
    @GetMapping("/commissions")
    List<CommissionView> list(CurrentUser user, @RequestParam(required = false) String unitId,
                              @RequestParam(required = false) String scope) {
        Instant now = commissions.now();
        String ownUnit = unitScope(user);
        String filterUnit = ownUnit != null ? ownUnit : blankToNull(unitId);
        boolean openOnly = scopeIsOpen(scope, ownUnit != null);
        List<Commission> shown = commissions.list(filterUnit).stream()
                .filter(c -> !openOnly || (filterUnit != null ? c.isOpenFor(filterUnit, now)
                        : c.targetUnitIds().stream().anyMatch(u -> c.isOpenFor(u, now))))
                .toList();
        Map<String, ScoredBonus> scored = commissions.scoredBonusesOf(shown);
        return shown.stream()
                .map(c -> CommissionViews.of(c, filterUnit != null ? List.of(filterUnit) : c.targetUnitIds(), now,
                        units, scored))
                .toList();
    }

    @GetMapping("/commissions/{id}")
    CommissionView get(CurrentUser user, @PathVariable String id) {
        Commission c = commissions.get(id);
        String ownUnit = unitScope(user);
        if (ownUnit != null && !c.isTarget(ownUnit)) {
            // the same answer as for an id that does not exist: another unit's commission is not there for this one
            throw Commissioning.notFound(id);
        }
        return view(c, ownUnit != null ? List.of(ownUnit) : c.targetUnitIds(), commissions.now());
    }

    private CommissionView view(Commission c, List<String> visibleUnits, Instant now) {
        return CommissionViews.of(c, visibleUnits, now, units, commissions.scoredBonusesOf(List.of(c)));
    }

    /** In-portal reminders (站内提醒), newest first: a unit's own, or any unit's for readers of all units. */
    @GetMapping("/notices")
    List<NoticeView> notices(CurrentUser user, @RequestParam(required = false) String unitId) {
        String ownUnit = unitScope(user);
        String filterUnit = ownUnit != null ? ownUnit : blankToNull(unitId);
        return commissions.list(filterUnit).stream()
                .flatMap(c -> c.reminders().stream()
                        .filter(r -> filterUnit == null || r.unitId().equals(filterUnit))
                        .map(r -> CommissionViews.notice(c, r)))
                .sorted(Comparator.comparing(NoticeView::postedAt).reversed())
                .toList();
    }

    /**
     * Per-unit figures for circulars over the commissions whose deadline falls on the Beijing dates
     * {@code from}..{@code to}.
     */
    @GetMapping("/statistics")
    StatisticsView statistics(CurrentUser user,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String ownUnit = unitScope(user);
        return new StatisticsView(from, to, "按截止日期（北京时间）统计",
                commissions.statistics(from, to, ownUnit).stream().map(t -> CommissionViews.tally(t, units)).toList());
    }

    /** Null for readers of every unit; the user's own unit for unit staff; 403 for anyone else. */
    private static String unitScope(CurrentUser user) {
        if (user.hasAnyRole(Roles.INFO_ROOM, Roles.VIEWER, Roles.ADMIN, Roles.DASHBOARD)) {
            return null;
        }
        if (user.hasAnyRole(Roles.REPORTER, Roles.UNIT_LEADER)) {
            return user.requireUnit();
        }
        throw ApiProblem.forbidden("当前账号无权查看约稿");
    }

    private static boolean scopeIsOpen(String scope, boolean unitDefault) {
        if (scope == null || scope.isBlank()) {
            return unitDefault;
        }
        return switch (scope) {
            case "open" -> true;
            case "all" -> false;
            default -> throw ApiProblem.badRequest("commission.bad-scope", "scope 只能是 open 或 all")
                    .withField("scope", "只能是 open 或 all");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
