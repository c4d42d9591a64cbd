package cn.gov.eqq.govinfo.reporting.shared.domain;

import java.util.List;

/**
 * An item of a dashboard feed with the feed sequence number it was given when it was last kept: sequence numbers are
 * unique and increase with every keep, so "everything after n" never skips nor repeats a change (docs/adr/0008).
 */
public record Sequenced<T>(long seq, T item) {

    /** One page of a feed: items in sequence order, and how many more follow within the readable horizon. */
    public record Page<T>(List<Sequenced<T>> items, long remaining) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
