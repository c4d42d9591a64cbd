package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Classification;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.PublishedCircular;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The room corrects how a received item is classified (category, 重大事件 / 重大紧急, topics) with a reason — when
 * receiving it or later — until a published circular covers the quarter or year the item counts in. State, the
 * {@code ItemCorrected} event and the audit line are one write, as every change of an item is.
 */
public class CorrectingItems {

    /**
     * What the room asks for. A null field keeps what the item has now.
     */
    public record Request(Category category, Boolean majorEvent, Boolean majorEmergency, List<FocusTopic> topics,
                             String reason) {

        Classification applyTo(Classification now) {
            return new Classification(category != null ? category : now.category(),
                    majorEvent != null ? majorEvent : now.majorEvent(),
                    majorEmergency != null ? majorEmergency : now.majorEmergency(),
                    topics != null ? topics : now.topics());
        }
    }

    private final HandlingItems items;
    private final PublishedCircularStore circulars;

    public CorrectingItems(HandlingItems items, PublishedCircularStore circulars) {
        this.items = items;
        this.circulars = circulars;
    }

    /** The room's correction of one item, and where the request came from (for the audit line). */
    public record CorrectItem(String itemId, Request correction, String origin) {
    }

    /** Receives the submitted revision and corrects it in the same write. */
    public Item receive(Actor room, CorrectItem command) {
        Request correction = command.correction();
        return items.act(room, command.itemId(), command.origin(), (item, now) -> item.receive(room,
                correction.applyTo(item.classification()), correction.reason(), frozenBy(item.lastSubmittedAt()),
                now));
    }

    public Item correct(Actor room, CorrectItem command) {
        Request correction = command.correction();
        return items.act(room, command.itemId(), command.origin(), (item, now) -> item.correct(room,
                correction.applyTo(item.classification()), correction.reason(), frozenBy(item.countsFrom()), now));
    }

    /** The published circular of the quarter or year of {@code countsFrom}, if any. */
    private Optional<PublishedCircular> frozenBy(Instant countsFrom) {
        return countsFrom == null ? Optional.empty() : circulars.covering(PublishedCircular.periodsFreezing(countsFrom));
    }
}
