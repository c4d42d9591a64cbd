package cn.gov.eqq.govinfo.scoring.rules.domain;

/** Where points come from; a period's score is shown by source. */
public enum PointSource {
    /** 报送: category points of a received item. */
    SUBMISSION,
    /** 转报市政府. */
    FORWARD,
    /** 采用、转报上级和领导批示 (highest only per item). */
    ADOPTION,
    /** 约稿. */
    COMMISSION,
    /** 未完成基础条数按梯次扣分. */
    DEDUCTION,
    /** 作废: a visible 0-point note saying what a void took back. */
    VOID
}
