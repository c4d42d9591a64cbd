package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.benchmarks.SnapshotMatching.Receipt;
import cn.gov.eqq.govinfo.benchmarks.SnapshotMatching.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotMatchingTest {

    private static Receipt received(String item, String unit, long at) {
        return new Receipt(item, unit, "2026-11", at);
    }

    private static Snapshot snapshot(long version, long at, Map<String, Integer> counts) {
        return new Snapshot("2026-11", 2, version, counts, at);
    }

    @Test
    void aBatchedSnapshotMakesEveryItemItCountsVisibleAtOnce() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 110), received("c", "U006", 120));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(snapshot(1, 500, Map.of("U006", 3))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 500L, "b", 500L, "c", 500L));
    }

    @Test
    void anItemIsVisibleOnlyOnceTheCountReachesItsReceiptOrdinal() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 110), received("c", "U006", 120));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(1, 300, Map.of("U006", 1)), snapshot(2, 400, Map.of("U006", 2))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 300L, "b", 400L));
    }

    @Test
    void receiptsAreOrderedByIntakesReceiptTimeNotByTheOrderTheyWereRead() {
        var receipts = List.of(received("late", "U006", 200), received("early", "U006", 100));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(snapshot(1, 300, Map.of("U006", 1))));
        assertThat(seen).containsOnlyKeys("early");
    }

    @Test
    void itemsReceivedInTheSameMillisecondWaitForTheHighestOrdinalAmongThem() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 100));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(1, 300, Map.of("U006", 1)), snapshot(2, 400, Map.of("U006", 2))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 400L, "b", 400L));
    }

    @Test
    void anOlderOrRepeatedSnapshotVersionArrivingLaterAddsNothing() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 110));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(5, 300, Map.of("U006", 1)),
                snapshot(4, 350, Map.of("U006", 2)),   // stale version read later: its count must not be used
                snapshot(5, 360, Map.of("U006", 2)),   // the same version again (relay redelivery)
                snapshot(6, 900, Map.of("U006", 2))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 300L, "b", 900L));
    }

    @Test
    void aLowerCountInANewerSnapshotDoesNotHideAnItemAgain() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 110));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(1, 300, Map.of("U006", 1)), snapshot(2, 400, Map.of("U006", 0)),
                snapshot(3, 500, Map.of("U006", 2))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 300L, "b", 500L));
    }

    @Test
    void itemsReceivedBeforeTheMeasurementCountTowardsTheOrdinal() {
        // a warm-up item of the same unit and month was received first: the measured item is the second one
        var receipts = List.of(received("warm-up", "U006", 50), received("measured", "U006", 100));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(snapshot(1, 300, Map.of("U006", 1))));
        assertThat(seen).containsOnlyKeys("warm-up");
    }

    @Test
    void otherUnitsAndOtherMonthsDoNotCount() {
        var receipts = List.of(received("a", "U006", 100), new Receipt("b", "U001", "2026-12", 100));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(1, 300, Map.of("U007", 5)),
                new Snapshot("2026-11", 1, 1, Map.of("U001", 1), 300)));
        assertThat(seen).isEmpty();
    }

    @Test
    void snapshotsAreTakenInTheOrderTheyAppearedNotTheOrderGiven() {
        var receipts = List.of(received("a", "U006", 100), received("b", "U006", 110));
        var seen = SnapshotMatching.firstCounted(receipts, List.of(
                snapshot(2, 700, Map.of("U006", 2)), snapshot(1, 400, Map.of("U006", 1))));
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("a", 400L, "b", 700L));
    }
}
