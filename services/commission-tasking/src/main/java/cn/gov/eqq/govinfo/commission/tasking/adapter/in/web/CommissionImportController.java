package cn.gov.eqq.govinfo.commission.tasking.adapter.in.web;

import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Import (补录) of past commissions with their deadlines, answers and judgements, by the room or an administrator.
 * Checked whole: one bad entry refuses the import, and the problem lists every bad entry.
 */
@RestController
@RequestMapping("/api/commission/imports")
class CommissionImportController {

    /**
     * @param commissions the commissions; times are Beijing date-times ({@code 2026-03-31T17:00})
     */
    record ImportRequest(List<PastCommissionRow> commissions) {
    }

    record ImportResult(String batchId, int commissions, int added, int alreadyPresent, boolean repeated,
                        List<String> commissionIds) {
    }

    record BatchView(String batchId, String importedBy, Instant startedAt, boolean done, int commissions, int added,
                     int alreadyPresent) {
    }

    private final ImportingPastCommissions imports;

    CommissionImportController(ImportingPastCommissions imports) {
        this.imports = imports;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    ImportResult importPast(CurrentUser user, @RequestBody ImportRequest body, HttpServletRequest request) {
        ImportingPastCommissions.Outcome o = imports.importPast(body == null ? null : body.commissions(), user.actor(),
                request.getRemoteAddr());
        return new ImportResult(o.batchId(), o.commissions(), o.added(), o.alreadyPresent(), o.repeated(),
                o.commissionIds());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('info-room', 'admin')")
    List<BatchView> recent() {
        return imports.recent().stream().map(CommissionImportController::view).toList();
    }

    private static BatchView view(CommissionImportStore.Batch b) {
        return new BatchView(b.id(), b.importedBy(), b.startedAt(), b.done(), b.commissions().size(), b.added(),
                b.alreadyPresent());
    }
}
