package cn.gov.eqq.govinfo.scoring.rules.domain;

/**
 * How a combined adoption (综合采用: one published piece built from several units' items) credits its source items.
 * Part of a policy version, so the rule of a record's date applies to it; the notice is silent, so the room chooses.
 */
public enum CombinedCredit {
    /** Every source item earns the kind's points, as if each had been adopted on its own (the default). */
    FULL,
    /** Only the lead source (listed first, position 0) earns points; the others carry the record for information. */
    LEAD_ONLY;

    /**
     * Whether the source at {@code position} earns the record's points; a record without a position (a single
     * adoption, or one published before positions were carried) earns as any record does.
     */
    public boolean credits(Integer position) {
        return this == FULL || position == null || position == 0;
    }

    /** @throws InvalidPolicyException in Chinese for a value that is no rule */
    public static CombinedCredit parse(String value) {
        if (value == null || value.isBlank()) {
            return FULL;
        }
        for (CombinedCredit c : values()) {
            if (c.name().equals(value.trim())) {
                return c;
            }
        }
        throw new InvalidPolicyException(java.util.List.of("综合采用计分规则（combinedCredit）“" + value
                + "”无效，只能是 FULL（每条来源信息均计分）或 LEAD_ONLY（只计首条来源信息）"));
    }
}
