package cn.gov.eqq.govinfo.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one catalogue of the system's topics: every topic with its single writer, its key, its partitions, its cleanup
 * policy and its retention, dead-letter topics included. Names follow {@code <producer>.<aggregate>-events.v<major>};
 * a breaking change makes a new topic version.
 *
 * <p>Everything that creates topics derives from this class (docs/adr/0010-one-topic-catalogue-no-auto-creation.md):
 * the devstack creates {@link #CATALOGUE} through Kafka's admin API; the compose topic job and the Helm chart read
 * {@code charts/govinfo/files/topics.tsv}, which {@link TopicCatalogueFile} writes from this class (a test in the
 * charts module fails when the file is stale). No service and no broker creates a topic on its own.
 */
public final class Topics {

    /**
     * Compacted: the latest {@code UnitChanged} per unit, each carrying the unit's whole membership history. Writer:
     * submission-intake. Key: unit id.
     */
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
     * Policy versions (积分标准版本) as the administrator added them, each event the whole version: history kept whole
     * (never compacted, never expired), from which scoring's replay rebuilds its policy history. Writer: scoring.
     * Key: the version's name.
     */
    public static final String POLICIES = "scoring.policy-events.v1";
    /**
     * Compacted: each item's score as scoring last decided it ({@code ItemScored}), whole, with its ledger lines and
     * their Chinese explanations. The other services show points from here and hold no rule of their own. Derived:
     * a replay of the event topics publishes it again. Writer: scoring. Key: item id.
     */
    public static final String ITEM_SCORES = "scoring.item-scores.v1";
    /**
     * For the city appraisal dashboard (市考核看板): each published circular and each final period ranking, as
     * CloudEvents 1.0 structured JSON ({@link cn.gov.eqq.govinfo.contracts.reporting.CloudEvent}), not the
     * {@code EventEnvelope} of the internal topics. Writer: reporting. Key: the CloudEvents {@code subject}.
     */
    public static final String CIRCULARS = "reporting.circular-events.v1";

    /**
     * Partitions of every topic: the ceiling for the replicas of a consuming service (a consumer group uses at most
     * one consumer per partition). Partitions can only be added, and adding moves keys: fixed before going live.
     */
    public static final int PARTITIONS = 6;
    /** {@code retention.ms=-1}: kept forever. Scoring's replay rebuilds its ledger from the whole history. */
    public static final long FOREVER = -1L;
    /** Ranking snapshots: two years (730 days) cover the current and the previous appraisal year. */
    public static final long TWO_YEARS_MS = 730L * 24 * 60 * 60 * 1000;
    /** Dead letters: 30 days; a poison message is looked at and fixed within days. */
    public static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    /** Kafka's {@code cleanup.policy}. */
    public enum CleanupPolicy {
        /** Segments older than {@code retention.ms} are deleted (never, with {@link #FOREVER}). */
        DELETE("delete"),
        /** The latest record per key is kept; with {@link #FOREVER} nothing else is ever deleted. */
        COMPACT("compact");

        private final String config;

        CleanupPolicy(String config) {
            this.config = config;
        }

        /** The value of Kafka's {@code cleanup.policy} topic setting. */
        public String config() {
            return config;
        }
    }

    /**
     * One topic. {@code retentionMs} is Kafka's {@code retention.ms} ({@link #FOREVER} = -1); no topic sets
     * {@code retention.bytes}, since a size limit drops history just as a time limit does.
     */
    public record Spec(String name, String writer, String key, CleanupPolicy cleanupPolicy, int partitions,
                       long retentionMs, boolean deadLetter) {

        public Spec {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions < 1: " + name);
            }
            if (retentionMs < FOREVER || retentionMs == 0) {
                throw new IllegalArgumentException("retention.ms must be -1 or positive: " + name);
            }
        }

        /** Whether the topic keeps the latest record per key. */
        public boolean compacted() {
            return cleanupPolicy == CleanupPolicy.COMPACT;
        }
    }

    /** The event topics, each with its one writer. */
    public static final List<Spec> ALL = List.of(
            event(UNITS, "submission-intake", "unit id", CleanupPolicy.COMPACT, FOREVER),
            event(ITEMS, "submission-intake", "item id", CleanupPolicy.DELETE, FOREVER),
            event(ADOPTIONS, "adoption-tracking", "item id", CleanupPolicy.DELETE, FOREVER),
            event(COMMISSIONS, "commission-tasking", "commission id", CleanupPolicy.DELETE, FOREVER),
            // derived: a replay of the event topics reproduces them, and reporting keeps every version it received
            event(RANKINGS, "scoring", "period|group", CleanupPolicy.DELETE, TWO_YEARS_MS),
            // derived, latest per item: a consumer needs the current score of every item, not its history
            event(ITEM_SCORES, "scoring", "item id", CleanupPolicy.COMPACT, FOREVER),
            // facts kept whole: every version, in full, forever (docs/adr/0012-history-on-the-log.md)
            event(POLICIES, "scoring", "policy version", CleanupPolicy.DELETE, FOREVER),
            // published circulars are the official record; an outside reader may join late and needs all of them
            event(CIRCULARS, "reporting", "CloudEvents subject", CleanupPolicy.DELETE, FOREVER));

    /**
     * The services that consume topics, each of which dead-letters to its own topic. submission-intake consumes
     * the commission topic (which units each commission was sent to), the circulars (a published circular ends
     * the room's corrections of its period) and scoring's policy versions (each month's quota for its progress view).
     */
    public static final List<String> CONSUMING_SERVICES =
            List.of("adoption-tracking", "commission-tasking", "scoring", "reporting", "submission-intake");

    /** The dead-letter topic of each consuming service (its one writer). */
    public static final List<Spec> DEAD_LETTERS = CONSUMING_SERVICES.stream()
            .map(service -> new Spec(deadLetterTopicOf(service), service, "the original record's key",
                    CleanupPolicy.DELETE, PARTITIONS, DEAD_LETTER_RETENTION_MS, true))
            .toList();

    /** Every topic that must exist before a service starts: {@link #ALL} then {@link #DEAD_LETTERS}. */
    public static final List<Spec> CATALOGUE;

    static {
        List<Spec> all = new ArrayList<>(ALL);
        all.addAll(DEAD_LETTERS);
        CATALOGUE = Collections.unmodifiableList(all);
    }

    /** Each consuming service dead-letters what it cannot process to its own topic: one writer per topic. */
    public static String deadLetterTopicOf(String consumingService) {
        return consumingService + ".dead-letter.v1";
    }

    /** The catalogue entry of a topic. */
    public static Spec spec(String name) {
        return CATALOGUE.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the topic catalogue: " + name));
    }

    private static Spec event(String name, String writer, String key, CleanupPolicy policy, long retentionMs) {
        return new Spec(name, writer, key, policy, PARTITIONS, retentionMs, false);
    }

    private Topics() {
    }
}
