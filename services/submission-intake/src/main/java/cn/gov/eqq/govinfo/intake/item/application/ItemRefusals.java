package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

/**
 * A rule of the item's life refused an action: the use case passes the refusal on as a {@link UseCaseFailure} of the
 * same kind, code, Chinese message and fields, which the web adapter answers as an RFC 9457 problem.
 */
final class ItemRefusals {

    private ItemRefusals() {
    }

    static UseCaseFailure failureOf(ItemRuleException e) {
        UseCaseFailure.Kind kind = switch (e.kind()) {
            case NOT_FOUND -> UseCaseFailure.Kind.NOT_FOUND;
            case FORBIDDEN -> UseCaseFailure.Kind.FORBIDDEN;
            case CONFLICT -> UseCaseFailure.Kind.CONFLICT;
            case INVALID -> UseCaseFailure.Kind.INVALID;
        };
        UseCaseFailure failure = new UseCaseFailure(kind, e.code(), e.getMessage());
        e.violations().forEach(v -> failure.withField(v.field(), v.message()));
        return failure;
    }
}
