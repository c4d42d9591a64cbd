package cn.gov.eqq.govinfo.contracts;

import java.util.List;

/**
 * Every topic of the system, with its single writer and its key. Names follow
 * {@code <producer>.<aggregate>-events.v<major>}; a breaking change makes a new topic version.
 */
public final class Topics {

    /** Compacted: the latest {@code UnitChanged} per unit. Writer: submission-intake. Key: unit id. */
    public static final String UNITS = "intake.unit-events.v1";
    /** The life of an item of information. Writer: submission-intake. Key: item id. */
    public static final String ITEMS = "intake.item-events.v1";
    /** Adoption and instruction records. Writer: adoption-tracking. Key: item id. */
    public static final String ADOPTIONS = "adoption.record-events.v1";
    /** Commissions (约稿) and the judging of answers. Writer: commission-tasking. Key: commission id. */
    public static final String COMMISSIONS = "commission.commission-events.v1";
    /** Ranking snapshots per group and period. Writer: scoring. Key: {@code <period>|<group>}. */
    public static final String RANKINGS = "scoring.ranking-events.v1";
    /**
     * For the city appraisal dashboard (市考核看板): each published circular and each final period ranking, as
     * CloudEvents 1.0 structured JSON ({@link cn.gov.eqq.govinfo.contracts.reporting.CloudEvent}), not the
     * {@code EventEnvelope} of the internal topics. Writer: reporting. Key: the CloudEvents {@code subject}.
     */
    public static final String CIRCULARS = "reporting.circular-events.v1";

    public record Spec(String name, String writer, String key, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(UNITS, "submission-intake", "unit id", true),
            new Spec(ITEMS, "submission-intake", "item id", false),
            new Spec(ADOPTIONS, "adoption-tracking", "item id", false),
            new Spec(COMMISSIONS, "commission-tasking", "commission id", false),
            new Spec(RANKINGS, "scoring", "period|group", false),
            new Spec(CIRCULARS, "reporting", "CloudEvents subject", false));

    /** Each consuming service dead-letters what it cannot process to its own topic: one writer per topic. */
    public static String deadLetterTopicOf(String consumingService) {
        return consumingService + ".dead-letter.v1";
    }

    private Topics() {
    }
}
