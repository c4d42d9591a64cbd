package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What reporting needs to know of one item: its received revision (what counts), whether it was voided, and when it
 * was forwarded to the city. An item that was only submitted has {@code receivedAt == null}.
 *
 * @param id          the item id (the Mongo id as well)
 * @param submittedAt when the unit submitted the revision that the room received: the item's period
 */
public record ItemFact(String id, String unitId, int revision, String title, String category, List<String> topics,
                       boolean majorEmergency, String polarity, LocalDate eventDate, Instant submittedAt,
                       Instant receivedAt, String commissionId, Instant forwardedAt, boolean voided) {

    public ItemFact {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Received and not voided: the item counts. */
    public boolean counts() {
        return receivedAt != null && !voided;
    }

    public ItemFact received(int revision, String title, String category, List<String> topics, boolean majorEmergency,
                             String polarity, LocalDate eventDate, Instant submittedAt, Instant receivedAt,
                             String commissionId) {
        return new ItemFact(id, unitId, revision, title, category, topics, majorEmergency, polarity, eventDate,
                submittedAt, receivedAt, commissionId, forwardedAt, voided);
    }

    public ItemFact forwarded(Instant at) {
        return new ItemFact(id, unitId, revision, title, category, topics, majorEmergency, polarity, eventDate,
                submittedAt, receivedAt, commissionId, at, voided);
    }

    public ItemFact asVoided() {
        return new ItemFact(id, unitId, revision, title, category, topics, majorEmergency, polarity, eventDate,
                submittedAt, receivedAt, commissionId, forwardedAt, true);
    }

    public static ItemFact unknown(String id, String unitId) {
        return new ItemFact(id, unitId, 0, null, null, List.of(), false, null, null, null, null, null, null, false);
    }
}
