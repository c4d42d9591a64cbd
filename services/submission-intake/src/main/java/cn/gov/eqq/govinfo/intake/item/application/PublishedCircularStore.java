package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.intake.item.domain.PublishedCircular;

import java.util.Collection;
import java.util.Optional;

/**
 * The circulars reporting has published, as intake heard of them on {@code reporting.circular-events.v1}: once one
 * covers an item's quarter or year, the room can no longer correct the item.
 */
public interface PublishedCircularStore {

    /** Keeps a publication; a later version of the same series replaces the earlier, an older one changes nothing. */
    void published(PublishedCircular circular, int version);

    /** A published circular of one of these periods ({@code 2026-Q3}, {@code 2026}), if any. */
    Optional<PublishedCircular> covering(Collection<String> periods);
}
