package cn.gov.eqq.govinfo.reporting.ranking.domain;

/**
 * One unit's line in a group ranking exactly as scoring published it: points by source, quota completion.
 * {@code deductionPoints} is zero or negative.
 */
public record RankingLine(int rank, String unitId, String unitName, int points, int submissionPoints,
                          int forwardPoints, int adoptionPoints, int commissionPoints, int deductionPoints,
                          int receivedItems, int quota, int shortfall) {

    public boolean submittedNothing() {
        return receivedItems == 0;
    }

    public boolean missedQuota() {
        return shortfall > 0;
    }
}
