package cn.gov.eqq.govinfo.contracts.ranking;

/**
 * One unit's line in a ranking. {@code points} is the sum of the parts; equal points share a rank.
 * {@code deductionPoints} is zero or negative.
 */
public record RankingRow(int rank, String unitId, String unitName, int points, int submissionPoints,
                         int forwardPoints, int adoptionPoints, int commissionPoints, int deductionPoints,
                         int receivedItems, int quota, int shortfall) {
}
