package cn.gov.eqq.govinfo.intake.progress.adapter.in.web;

import cn.gov.eqq.govinfo.intake.progress.application.QuotaProgress;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** This month's received items against the quota: the unit sees its own line, the room the whole banner. */
@RestController
@RequestMapping("/api/intake/quota-progress")
class QuotaProgressController {

    private final QuotaProgress progress;

    QuotaProgressController(QuotaProgress progress) {
        this.progress = progress;
    }

    @GetMapping
    QuotaProgress.Progress get(CurrentUser user, @RequestParam(required = false) String month) {
        return progress.of(Actors.of(user), month);
    }
}
