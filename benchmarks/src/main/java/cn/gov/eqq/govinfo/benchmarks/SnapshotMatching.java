package cn.gov.eqq.govinfo.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when a ranking snapshot on the topic first counted a received item.
 * <p>
 * A snapshot row says how many items of a unit the month has ({@code receivedItems}), not which ones. So an item
 * counts as visible once its unit's count for the item's month reaches the item's <em>receipt ordinal</em>: the
 * number of that unit's items of that month received no later than it (by intake's {@code receivedAt}; items received
 * in the same millisecond all get the highest ordinal among them, so none is credited early). From then on the
 * published ranking reflects at least as many of the unit's items as had been received when this one was.
 * <ul>
 *   <li>Batched snapshots: one snapshot raising a count from 3 to 7 makes the items of ordinals 4–7 visible at once.</li>
 *   <li>Out of order: per key ({@code period|group}) only a snapshot with a higher {@code snapshotVersion} than every
 *       one seen before is taken; an older or repeated version (at-least-once relay) adds nothing. Counts are
 *       taken as a running maximum per unit and month, so a stale lower count cannot hide an item again.</li>
 *   <li>Receipts are ordered by intake's clock, not by when the benchmark read them, and every receipt of the month
 *       counts towards the ordinals — also those of warm-up phases and earlier rates.</li>
 * </ul>
 */
final class SnapshotMatching {

    /** An item the room received: from {@code ItemReceived} ({@code month} = Beijing month of {@code submittedAt}). */
    record Receipt(String itemId, String unitId, String month, long receivedAtMillis) {
    }

    /** A month's ranking snapshot as it appeared on the topic at {@code atMillis}. */
    record Snapshot(String period, int group, long version, Map<String, Integer> receivedByUnit, long atMillis) {
    }

    private SnapshotMatching() {
    }

    /** Item id → the time of the first snapshot that counted it; items not counted yet are absent. */
    static Map<String, Long> firstCounted(Collection<Receipt> receipts, Collection<Snapshot> snapshots) {
        Map<String, List<long[]>> timelines = timelines(snapshots);
        Map<String, List<Receipt>> byUnitMonth = new HashMap<>();
        for (Receipt r : receipts) {
            byUnitMonth.computeIfAbsent(r.unitId() + "|" + r.month(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Long> seen = new HashMap<>();
        byUnitMonth.forEach((unitMonth, list) -> {
            List<long[]> timeline = timelines.getOrDefault(unitMonth, List.of());
            list.sort(Comparator.comparingLong(Receipt::receivedAtMillis));
            int i = 0;
            while (i < list.size()) {
                int j = i;
                while (j + 1 < list.size() && list.get(j + 1).receivedAtMillis() == list.get(i).receivedAtMillis()) {
                    j++;
                }
                long ordinal = j + 1; // ties share the highest ordinal of their millisecond
                Long at = firstReaching(timeline, ordinal);
                if (at != null) {
                    for (int k = i; k <= j; k++) {
                        seen.put(list.get(k).itemId(), at);
                    }
                }
                i = j + 1;
            }
        });
        return seen;
    }

    /** unit|month → [time, count] with strictly rising counts, in time order. */
    private static Map<String, List<long[]>> timelines(Collection<Snapshot> snapshots) {
        List<Snapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(Comparator.comparingLong(Snapshot::atMillis).thenComparingLong(Snapshot::version));
        Map<String, Long> newestVersion = new HashMap<>();
        Map<String, List<long[]>> timelines = new HashMap<>();
        for (Snapshot s : ordered) {
            String key = s.period() + "|" + s.group();
            Long newest = newestVersion.get(key);
            if (newest != null && s.version() <= newest) {
                continue; // stale or repeated
            }
            newestVersion.put(key, s.version());
            s.receivedByUnit().forEach((unit, count) -> {
                List<long[]> t = timelines.computeIfAbsent(unit + "|" + s.period(), k -> new ArrayList<>());
                if (t.isEmpty() || count > t.get(t.size() - 1)[1]) {
                    t.add(new long[] {s.atMillis(), count});
                }
            });
        }
        return timelines;
    }

    private static Long firstReaching(List<long[]> timeline, long count) {
        int lo = 0;
        int hi = timeline.size();
        while (lo < hi) { // counts rise along the timeline: the first entry reaching count
            int mid = (lo + hi) >>> 1;
            if (timeline.get(mid)[1] >= count) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < timeline.size() ? timeline.get(lo)[0] : null;
    }
}
