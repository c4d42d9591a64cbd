package cn.gov.eqq.govinfo.systemtest.year;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of the notice (as the domain page tables them) and the county's own deduction tiers, which the year
 * enters as a policy version effective 1 January. Written here, not read from the system, so that the reference
 * calculation stands on its own.
 */
public final class CountyRules {

    private CountyRules() {
    }

    public static final Map<String, Integer> CATEGORY_POINTS = Map.of("BRIEF", 1, "DYNAMIC", 1, "COMPREHENSIVE", 1,
            "PROBLEM", 5, "RESEARCH_REPORT", 5);
    public static final int FORWARD_POINTS = 2;
    public static final Map<String, Integer> KIND_POINTS = Map.of("STATE_COUNCIL_ADOPTED", 100,
            "REGION_FORWARDED_TO_STATE_COUNCIL", 100, "CENTRAL_LEADER_INSTRUCTION", 100,
            "REGION_DAILY_BRIEF_ADOPTED", 30, "REGION_LEADER_INSTRUCTION", 30, "CITY_BULLETIN_ADOPTED", 20,
            "CITY_FORWARDED_TO_REGION", 20, "CITY_LEADER_INSTRUCTION", 20);
    public static final int COMMISSION_POINTS = 10;
    public static final Map<Integer, Integer> QUOTA = Map.of(1, 8, 2, 8, 3, 4);

    /**
     * 综合采用: the county's first version credits every source of a combined adoption (FULL); its second version,
     * from 1 July, credits only the lead source (LEAD_ONLY, position 0). A single adoption (no position) always counts.
     */
    public static final LocalDate LEAD_ONLY_FROM = LocalDate.of(YearOfRecords.YEAR, 7, 1);

    public static String combinedCreditOn(LocalDate date) {
        return date.isBefore(LEAD_ONLY_FROM) ? "FULL" : "LEAD_ONLY";
    }

    /** Whether a record dated {@code date} at {@code position} of a combined adoption (null: single) earns points. */
    static boolean credits(LocalDate date, Integer position) {
        return position == null || position == 0 || combinedCreditOn(date).equals("FULL");
    }

    /** One tier: a shortfall from {@code from} to {@code to} (null: and more) costs {@code deduction}. */
    public record Tier(int from, Integer to, int deduction) {
        boolean covers(int shortfall) {
            return shortfall >= from && (to == null || shortfall <= to);
        }
    }

    /** The county's tiers per group (not the shipped example: group 3, whose quota is 4, has its own). */
    public static final Map<Integer, List<Tier>> TIERS = Map.of(
            1, List.of(new Tier(1, 2, -1), new Tier(3, 5, -2), new Tier(6, null, -4)),
            2, List.of(new Tier(1, 2, -1), new Tier(3, 5, -2), new Tier(6, null, -4)),
            3, List.of(new Tier(1, 1, -1), new Tier(2, 3, -2), new Tier(4, null, -3)));

    /** "Nothing received" is the tier that covers a shortfall equal to the group's quota. */
    public static int nothingReceived(int group) {
        return deductionFor(group, QUOTA.get(group));
    }

    static int deductionFor(int group, int shortfall) {
        if (shortfall == 0) {
            return 0;
        }
        return TIERS.get(group).stream().filter(t -> t.covers(shortfall)).mapToInt(Tier::deduction).findFirst()
                .orElseThrow();
    }

    /** The {@code shortfall} member of a policy version in the scoring API's shape. */
    public static String shortfallJson() {
        StringBuilder json = new StringBuilder("{");
        for (int group = 1; group <= 3; group++) {
            json.append(group == 1 ? "" : ",").append('"').append(group).append("\":{\"example\":false,")
                    .append("\"note\":\"本旗信息室确定的扣分梯次，自").append(YearOfRecords.YEAR).append("年1月1日起执行\",")
                    .append("\"nothingReceived\":").append(nothingReceived(group)).append(",\"tiers\":[");
            List<Tier> tiers = TIERS.get(group);
            for (int i = 0; i < tiers.size(); i++) {
                Tier t = tiers.get(i);
                json.append(i == 0 ? "" : ",").append("{\"fromShortfall\":").append(t.from())
                        .append(",\"toShortfall\":").append(t.to()).append(",\"deduction\":").append(t.deduction())
                        .append('}');
            }
            json.append("]}");
        }
        return json.append('}').toString();
    }
}
