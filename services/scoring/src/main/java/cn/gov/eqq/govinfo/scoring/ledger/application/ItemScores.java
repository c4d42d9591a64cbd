package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.rules.domain.AdoptionReading;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;


import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What scoring publishes of each item: its whole score as {@code ItemScored} on {@code scoring.item-scores.v1}
 * (compacted by item id), written into the item document's outbox in the same write as the item's stored score
 * (docs/adr/0002, docs/adr/0018). A decision whose content equals the last published one publishes nothing; one that
 * differs is published with the next {@code scoreVersion}.
 */
public class ItemScores {

    /** scoreVersions a replay generation spans: an item changing a million times in one generation is not a case. */
    static final long GENERATION_STRIDE = 1_000_000L;
    private static final String PRODUCER = "scoring";

    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;
    private final boolean publishing;

    public ItemScores(EventCodec codec, Clock clock, OutboxRelay relay) {
        this(codec, clock, relay, true);
    }

    private ItemScores(EventCodec codec, Clock clock, OutboxRelay relay, boolean publishing) {
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
        this.publishing = publishing;
    }

    /**
     * Publishes nothing: items are written without a {@code scoreVersion}, as into a generation being rebuilt, whose
     * items are published once it is live (docs/adr/0021).
     */
    public ItemScores silent() {
        return new ItemScores(codec, clock, relay, false);
    }

    /**
     * What to publish of an item about to be written: the item as read before this write (null: not stored yet),
     * its facts and entries after it, the history they were scored under, and the replay generation (read only when
     * the item starts its versions).
     */
    public record PublishScore(StoredItem current, ItemFacts facts, List<LedgerEntry> entries, PolicyHistory history,
                               LongSupplier generation) {
    }

    /**
     * What to write with the item: the same published state when the decision did not change, else the next
     * version with its event; null from a {@link #silent()} one.
     */
    public ItemScoreStore.Publication next(PublishScore command) {
        if (!publishing) {
            return null;
        }
        StoredItem current = command.current();
        ItemFacts facts = command.facts();
        List<LedgerEntry> entries = command.entries();
        PolicyHistory history = command.history();
        LongSupplier generation = command.generation();
        ItemScored content = decision(facts, entries, history, 0, null);
        String digest = digest(content);
        StoredItem.Published before = current == null ? null : current.published();
        if (before != null && before.digest().equals(digest)) {
            return new ItemScoreStore.Publication(before.scoreVersion(), digest, null);
        }
        long version = before != null ? before.scoreVersion() + 1
                : generation.getAsLong() * GENERATION_STRIDE + 1;
        Instant now = clock.instant();
        ItemScored scored = decision(facts, entries, history, version, now);
        OutboxEntry entry = OutboxEntry.of(EventEnvelope.wrap(scored, PRODUCER, now), Topics.ITEM_SCORES, codec);
        return new ItemScoreStore.Publication(version, digest, entry);
    }

    /** Publishes soon what was just written (the relay also finds it on its own). */
    public void written() {
        if (publishing) {
            relay.kick();
        }
    }

    /** The item's score as published, with the given version and time. */
    static ItemScored decision(ItemFacts facts, List<LedgerEntry> entries, PolicyHistory history, long scoreVersion,
                               Instant scoredAt) {
        ItemFact.Received received = facts.countedAs();
        ItemFact.Corrected correction = facts.appliedCorrection();
        String category = received == null ? null : received.category();
        String categoryLabel = received == null ? null
                : history.inForceOn(BeijingTime.dateOf(received.submittedAt()))
                .flatMap(p -> p.category(category)).map(CategoryRule::label).orElse(null);
        String status = entries.isEmpty() ? "NOT_SCORED" : facts.voided() != null ? "VOIDED" : "SCORED";
        List<ItemScored.Line> lines = entries.stream().map(e -> new ItemScored.Line(e.entryId(), e.month().toString(),
                e.date(), e.source().name(), e.rule(), e.points(), e.explanation(), e.policyVersion())).toList();
        List<ItemScored.AdoptionReading> readings = ItemScoring.readings(facts, history).stream()
                .map(ItemScores::reading).toList();
        return new ItemScored(facts.itemId(), facts.unitId(), received == null ? null : received.title(), category,
                categoryLabel, correction != null && correction.majorEvent(),
                received != null && received.majorEmergency(), status,
                entries.stream().mapToInt(LedgerEntry::points).sum(), lines, readings, scoreVersion, scoredAt);
    }

    private static ItemScored.AdoptionReading reading(AdoptionReading r) {
        return new ItemScored.AdoptionReading(r.recordId(), r.kind(), r.kindLabel(), r.effectiveDate(),
                r.kindPoints(), r.countable(), r.counts(), r.addedPoints(), r.explanation());
    }

    /** A digest of the content: records print every component, so equal content gives an equal digest. */
    private static String digest(ItemScored content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
