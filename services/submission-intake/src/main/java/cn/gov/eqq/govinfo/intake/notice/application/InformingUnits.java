package cn.gov.eqq.govinfo.intake.notice.application;

import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.notice.domain.ItemHappening;
import cn.gov.eqq.govinfo.intake.notice.domain.UnitNotice;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tells a unit's reporter and leader what happened to the unit's items (站内提醒), from the items' own trail, and
 * keeps how far each of them has read.
 */
public class InformingUnits {

    /** How far back the notices reach when the caller does not say. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    /** One notice as its reader sees it. */
    public record ReadNotice(UnitNotice notice, boolean read) {
    }

    /** The newest notices (at most the limit asked), how many of all since then are unread, and the reader's mark. */
    public record Notices(List<ReadNotice> notices, long unread, Instant readUpTo) {
    }

    private final ItemStore items;
    private final ReadMarks marks;
    private final Clock clock;

    public InformingUnits(ItemStore items, ReadMarks marks, Clock clock) {
        this.items = items;
        this.marks = marks;
        this.clock = clock;
    }

    /** @param since the oldest notice wanted, or null for the last {@link #DEFAULT_WINDOW} */
    public Notices noticesFor(Actor reader, Instant since, int limit) {
        requireUnitStaff(reader);
        Instant from = since != null ? since : clock.instant().minus(DEFAULT_WINDOW);
        Instant readUpTo = marks.upTo(reader.userId()).orElse(null);
        List<ReadNotice> all = items.unitTrailSince(reader.unitId(), from).stream()
                .map(l -> new ItemHappening(l.itemId(), l.title(), l.status(), l.entry().action(), l.entry().at(),
                        l.entry().by(), l.entry().byName(), l.entry().reason()))
                .filter(h -> !h.at().isBefore(from))
                .map(h -> UnitNotice.of(h, reader))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(UnitNotice::at).reversed().thenComparing(UnitNotice::key))
                .map(n -> new ReadNotice(n, n.readBy(readUpTo)))
                .toList();
        long unread = all.stream().filter(n -> !n.read()).count();
        return new Notices(all.stream().limit(limit).toList(), unread, readUpTo);
    }

    /**
     * Marks everything up to {@code upTo} read (now when null; never later than now, so that what comes in
     * afterwards is still news). A mark never moves back: a second device's older view does not unread anything.
     */
    public Instant markRead(Actor reader, Instant upTo) {
        requireUnitStaff(reader);
        Instant now = clock.instant();
        Instant mark = upTo == null || upTo.isAfter(now) ? now : upTo;
        return marks.raise(reader.userId(), mark);
    }

    private static void requireUnitStaff(Actor reader) {
        if (!reader.worksForAUnit()) {
            throw UseCaseFailure.forbidden("站内提醒只发给报送单位的信息员和领导");
        }
    }
}
