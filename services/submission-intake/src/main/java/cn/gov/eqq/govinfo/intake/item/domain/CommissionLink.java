package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;

import java.util.List;
import java.util.Optional;

/**
 * Whether an item of a unit may answer a commission: only a unit the commission was sent to may link an item to
 * it. A draft may name a commission intake has not heard of yet (the CommissionIssued event may still be on its
 * way); a submission may not, because once sent the item reaches commission-tasking, which could only set it
 * aside. The refusal then asks the reporter to try again shortly.
 */
public final class CommissionLink {

    public static final String FIELD = "commissionId";

    private CommissionLink() {
    }

    /** Checks a draft's link: refused only when the commission is known and was not sent to the unit. */
    public static void checkDraft(String unitId, String commissionId, Optional<CommissionTargets> known) {
        if (commissionId == null) {
            return;
        }
        known.ifPresent(c -> requireRecipient(unitId, c));
    }

    /** Checks the link of an item being sent: the commission must be known, and sent to the unit. */
    public static void checkSubmission(String unitId, String commissionId, Optional<CommissionTargets> known) {
        if (commissionId == null) {
            return;
        }
        CommissionTargets c = known.orElseThrow(() -> new ItemRuleException(ItemRuleException.Kind.CONFLICT,
                "commission.not-yet-known", "约稿任务 " + commissionId + " 尚未同步，请稍后再试（如约稿编号有误，请核对后修改草稿）",
                List.of(new Violation(FIELD, "约稿任务尚未同步，请稍后再试"))));
        requireRecipient(unitId, c);
    }

    private static void requireRecipient(String unitId, CommissionTargets c) {
        if (!c.sentTo(unitId)) {
            String message = "约稿任务「" + c.title() + "」（" + c.commissionId() + "）未向本单位约稿，本单位的信息不能作为其答复";
            throw new ItemRuleException(ItemRuleException.Kind.INVALID, "commission.not-a-target", message,
                    List.of(new Violation(FIELD, message)));
        }
    }
}
