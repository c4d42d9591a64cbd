package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.item.application.HandlingItems;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The items' own audit trail across all items of a period: who received, returned, voided, forwarded what, when,
 * why, from where. It has a path of its own, apart from the service's request audit log of service-defaults at
 * {@code /api/intake/audit} ({@code ?from&to&actor&page}, auditor only, docs/audit.md): one path, one answer shape,
 * which a generated client needs. The item trail tells what happened to an item and why; the request log records
 * every state-changing request, refused ones included.
 */
@RestController
@RequestMapping("/api/intake/item-audit")
class AuditController {

    private final HandlingItems items;

    AuditController(HandlingItems items) {
        this.items = items;
    }

    record AuditLineView(String itemId, String unitId, Instant at, String by, String byName, String action,
                         Integer revision, String reason, String origin) {
    }

    @GetMapping
    List<AuditLineView> log(CurrentUser user, @RequestParam String period,
                            @RequestParam(required = false) String action) {
        ReportingPeriod range = ReportingPeriod.tryParse(period).orElseThrow(() -> ApiProblem
                .badRequest("period.invalid", "期间格式应为 2026-07（月）、2026-Q3（季度）或 2026（年）")
                .withField("period", "期间格式不正确"));
        return items.auditLog(Actors.of(user), range, action).stream()
                .map(l -> new AuditLineView(l.itemId(), l.unitId(), l.entry().at(), l.entry().by(),
                        l.entry().byName(), l.entry().action(), l.entry().revision(), l.entry().reason(),
                        l.entry().origin()))
                .toList();
    }
}
