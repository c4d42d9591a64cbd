package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Not a test: a driver that prints the time and allocation of one near-duplicate check against 5,000 and 20,000
 * sent items, the old HashMap comparison ({@link MapBigramReference}) beside the packed one, in one JVM. Also checks
 * that both give the same result on every measured candidate. The Mongo side (whole documents against projected
 * texts) is not in these numbers. Run from the module after {@code test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateCheckCost}
 */
public final class NearDuplicateCheckCost {

    private static final Instant T0 = Instant.parse("2026-07-10T02:00:00Z");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private NearDuplicateCheckCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (int stored : new int[] {5_000, 20_000}) {
            measure(stored, rounds);
        }
    }

    private static void measure(int stored, int rounds) {
        Random random = new Random(stored);
        long heapBefore = usedHeapAfterGc();
        List<Item> items = new ArrayList<>(stored);
        for (int i = 0; i < stored; i++) {
            // a report: a title of 12 to 30 characters, a body of 300 to 1,200; every 50th retells an earlier one
            if (i > 0 && i % 50 == 0) {
                Item earlier = items.get(random.nextInt(i));
                items.add(sent("i" + i, "U0" + (i % 40), earlier.draft().title() + "（续）",
                        earlier.draft().body().substring(20) + text(random, 40)));
            } else {
                items.add(sent("i" + i, "U0" + (i % 40), text(random, 12 + random.nextInt(19)),
                        text(random, 300 + random.nextInt(901))));
            }
        }
        long itemsHeld = usedHeapAfterGc() - heapBefore;
        long chars = items.stream().mapToLong(i -> i.draft().title().length() + i.draft().body().length()).sum();

        NearDuplicateDetector detector = new NearDuplicateDetector(0.6);
        List<Item> candidates = new ArrayList<>();
        for (int r = 0; r < rounds + 3; r++) {
            Item retold = items.get(random.nextInt(stored));
            candidates.add(sent("c" + r, "U099", retold.draft().title(), text(random, 30) + retold.draft().body()));
        }
        long[] old = new long[2];
        long[] packed = new long[2];
        for (int r = 0; r < candidates.size(); r++) {
            Item candidate = candidates.get(r);
            boolean warmUp = r < 3;
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            List<SimilarItem> before = MapBigramReference.similarTo(candidate, items, detector.threshold());
            long t1 = System.nanoTime();
            long a1 = THREADS.getCurrentThreadAllocatedBytes();
            NearDuplicateDetector.Check check = detector.checkFor(candidate);
            for (Item item : items) {
                check.offer(ComparableText.of(item)); // what the store's stream hands over, one at a time
            }
            List<SimilarItem> after = check.result();
            long t2 = System.nanoTime();
            long a2 = THREADS.getCurrentThreadAllocatedBytes();
            if (!before.equals(after) || after.isEmpty()) {
                throw new IllegalStateException("results differ or nothing found: " + before + " / " + after);
            }
            if (!warmUp) {
                old[0] += t1 - t0;
                old[1] += a1 - a0;
                packed[0] += t2 - t1;
                packed[1] += a2 - a1;
            }
        }
        System.out.printf("%,d stored items (%,d characters; the List<Item> held %.1f MB): per check over %d checks%n",
                stored, chars, itemsHeld / 1e6, rounds);
        System.out.printf("  HashMap bigrams: %8.1f ms, %8.1f MB allocated%n", old[0] / 1e6 / rounds, old[1] / 1e6 / rounds);
        System.out.printf("  packed vectors:  %8.1f ms, %8.3f MB allocated%n", packed[0] / 1e6 / rounds, packed[1] / 1e6 / rounds);
        System.out.printf("  ratio old/new:   %8.1f x time, %8.0f x allocation%n",
                (double) old[0] / packed[0], (double) old[1] / packed[1]);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static Item sent(String id, String unit, String title, String body) {
        Actor reporter = new Actor("rep-" + unit, null, unit, Set.of(Role.REPORTER));
        ItemContent c = new ItemContent(title, body, Category.DYNAMIC, List.of(), null, "信息员", "7622029",
                Polarity.GOOD_NEWS, false, false, null, null, List.of());
        return Item.draft(id, reporter, c, T0).submit(reporter, T0).item();
    }

    /** Common CJK characters with punctuation and digits now and then. */
    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(100);
            if (pick < 88) {
                s.append((char) (0x4E00 + random.nextInt(2500)));
            } else if (pick < 96) {
                s.append("，。、；".charAt(random.nextInt(4)));
            } else {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        return s.toString();
    }
}
