package cn.gov.eqq.govinfo.adoption.record.domain;

/**
 * What adoption-tracking knows of an item from intake's events: enough to check that records go to received items
 * and to apply the major-emergency rule.
 *
 * @param received       the room has received a revision of it
 * @param voided         the room voided it (作废): no new records; existing ones stay on file
 * @param majorEmergency 重大紧急类: instructions on it earn nothing
 */
public record ItemFacts(String unitId, String title, boolean received, boolean voided, boolean majorEmergency,
                        boolean forwardedToCity) {

    public static ItemFacts unknown() {
        return new ItemFacts(null, null, false, false, false, false);
    }

    public ItemFacts submitted(String unitId, String title) {
        return new ItemFacts(unitId, title, received, voided, majorEmergency, forwardedToCity);
    }

    public ItemFacts receivedAs(String unitId, String title, boolean majorEmergency) {
        return new ItemFacts(unitId, title, true, voided, majorEmergency, forwardedToCity);
    }

    public ItemFacts voidedNow(String unitId) {
        return new ItemFacts(unitId != null ? unitId : this.unitId, title, received, true, majorEmergency,
                forwardedToCity);
    }

    public ItemFacts forwarded(String unitId) {
        return new ItemFacts(unitId != null ? unitId : this.unitId, title, received, voided, majorEmergency, true);
    }

    /** Records may be entered only for an item the room received and did not void. */
    public void requireRecordable(String itemId) {
        if (!received) {
            throw new AdoptionRuleViolation("item.not-received", "信息 " + itemId + " 尚未被信息室接收，不能登记采用或批示");
        }
        if (voided) {
            throw new AdoptionRuleViolation("item.voided", "信息 " + itemId + " 已作废，不能登记采用或批示");
        }
    }
}
