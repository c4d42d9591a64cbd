package cn.gov.eqq.govinfo.scoring.policy.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.WhatIf;
import cn.gov.eqq.govinfo.scoring.shared.adapter.in.web.PeriodParameter;
import cn.gov.eqq.govinfo.scoring.rules.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Policy versions: list, add (admin), what-if under a draft, and saving a draft as a version (admin). */
@RestController
@RequestMapping("/api/scoring")
class PolicyController {

    record WhatIfRequest(PolicyBody policy, String period, Integer group) {
    }

    private final Policies policies;
    private final WhatIf whatIf;

    PolicyController(Policies policies, WhatIf whatIf) {
        this.policies = policies;
        this.whatIf = whatIf;
    }

    /** The rules are public to every signed-in role: units should know how they are scored. */
    @GetMapping("/policies")
    List<PolicyBody> list() {
        return policies.history().versions().stream().map(PolicyBody::of).toList();
    }

    @PostMapping("/policies")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<PolicyBody> add(CurrentUser user, @RequestBody PolicyBody body) {
        try {
            ScoringPolicy added = policies.add(body.toPolicy(), user.actor());
            return ResponseEntity.status(HttpStatus.CREATED).body(PolicyBody.of(added));
        } catch (InvalidPolicyException e) {
            throw invalid(e);
        }
    }

    /** Recomputes a period under a draft version and shows the difference per unit; nothing is saved or published. */
    @PostMapping("/what-if")
    @PreAuthorize("hasAnyRole('admin','info-room')")
    WhatIf.Result whatIf(@RequestBody WhatIfRequest body) {
        if (body.policy() == null) {
            throw ApiProblem.badRequest("policy.missing", "请提供草拟的积分标准（policy）").withField("policy", "不能为空");
        }
        if (body.period() == null) {
            throw ApiProblem.badRequest("period.missing", "请提供期间（period），如 2026-Q3").withField("period", "不能为空");
        }
        try {
            return whatIf.compare(body.policy().toPolicy(), PeriodParameter.parse(body.period()), body.group());
        } catch (InvalidPolicyException e) {
            throw invalid(e);
        }
    }

    /**
     * Saves a what-if draft as a version (admin): the same checks as adding a version, and the periods it governs
     * are scored again exactly as the what-if showed (the draft was placed at its date in both).
     */
    @PostMapping("/what-if/save")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<PolicyBody> saveDraft(CurrentUser user, @RequestBody WhatIfRequest body) {
        if (body.policy() == null) {
            throw ApiProblem.badRequest("policy.missing", "请提供要保存的积分标准草案（policy）").withField("policy", "不能为空");
        }
        return add(user, body.policy());
    }

    private static ApiProblem invalid(InvalidPolicyException e) {
        ApiProblem problem = ApiProblem.badRequest("policy.invalid", "积分标准无效：" + String.join("；", e.problems()));
        e.problems().forEach(p -> problem.withField("policy", p));
        return problem;
    }
}
