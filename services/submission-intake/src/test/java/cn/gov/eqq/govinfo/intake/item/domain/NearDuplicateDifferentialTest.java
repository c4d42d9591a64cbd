package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packed bigram vectors, the merge walk and the bounded best-five give exactly what the first detector gave
 * (a HashMap of String bigrams per item, every match sorted): same items, same similarity, same order. The first
 * algorithm is kept, verbatim, as the reference ({@link MapBigramReference}). Texts are seeded random Chinese-like reports with edits (some with no
 * letters at all), so near and far matches, ties and more than five matches all occur; the seed reproduces a failure.
 */
class NearDuplicateDifferentialTest {

    private static final Instant T0 = Instant.parse("2026-07-10T02:00:00Z");
    private static final String PUNCTUATION = "，。、；：！？“”《》（） \n\t,.";
    // few distinct characters, so unrelated texts share bigrams too and similarities spread over (0, 1)
    private static final String HAN = "城川镇召开春季防火工作部署会要求各嘎查村加强巡查严防野外用火落实网格化管理责任确保草原森林安全旗"
            + "教体局组织中小学生暑期溺水育活动覆盖全所学校发放致家长的一封信";
    private static final String LATIN = "AbcXyz0123456789ΣΩ";

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261128L, 7622029L, 65L})
    void packedComparisonFlagsExactlyWhatTheMapComparisonFlagged(long seed) {
        Random random = new Random(seed);
        List<Item> sent = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bases.add(randomText(random, 20 + random.nextInt(300)));
        }
        for (int i = 0; i < 300; i++) {
            String base = bases.get(random.nextInt(bases.size()));
            String title = random.nextInt(20) == 0 ? "《》" : edited(random, base.substring(0, Math.min(15, base.length())));
            String body = random.nextInt(25) == 0 ? "。" : edited(random, base);
            Item item = sent("s" + (1000 + random.nextInt(400)) + "-" + i, title, body);
            if (random.nextInt(15) == 0) {
                item = item.voidItem(new Actor("room", null, null, Set.of(Role.INFO_ROOM)), "重复", T0).item();
            }
            sent.add(item);
        }
        // exact copies so that equal similarities are ordered by id, and more than five reach 1.0
        Item copied = sent.get(0);
        for (int i = 0; i < 7; i++) {
            sent.add(sent("c" + (9 - i), copied.draft().title(), copied.draft().body()));
        }
        int compared = 0;
        int withMatches = 0;
        int full = 0;
        for (int i = 0; i < 60; i++) {
            Item candidate = i < 50 ? sent.get(random.nextInt(sent.size()))
                    : sent("new-" + i, i % 5 == 0 ? "！" : "新", edited(random, bases.get(random.nextInt(bases.size()))));
            for (double threshold : new double[] {0.3, 0.6, 0.9}) {
                List<SimilarItem> expected = MapBigramReference.similarToCached(candidate, sent, threshold);
                assertThat(new NearDuplicateDetector(threshold).similarTo(candidate, sent))
                        .as("seed %d, candidate %s, threshold %s", seed, candidate.id(), threshold)
                        .containsExactlyElementsOf(expected);
                compared++;
                withMatches += expected.isEmpty() ? 0 : 1;
                full += expected.size() == NearDuplicateDetector.MAX_SHOWN ? 1 : 0;
            }
        }
        // the data must exercise what it claims to: empty, partial and capped results
        assertThat(withMatches).isBetween(1, compared - 1);
        assertThat(full).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 99L})
    void similarityOfTwoTextsIsTheSameToTheLastBit(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String a = randomText(random, random.nextInt(200));
            String b = random.nextBoolean() ? edited(random, a) : randomText(random, random.nextInt(200));
            assertThat(NearDuplicateDetector.similarity(a, b)).as("seed %d: %s | %s", seed, a, b)
                    .isEqualTo(MapBigramReference.cosine(MapBigramReference.bigrams(a), MapBigramReference.bigrams(b)));
        }
    }

    private static Item sent(String id, String title, String body) {
        Actor reporter = new Actor("rep", null, "U0" + (10 + Math.floorMod(id.hashCode(), 30)), Set.of(Role.REPORTER));
        ItemContent c = new ItemContent(title, body, Category.DYNAMIC, List.of(), null, "信息员", "7622029",
                Polarity.GOOD_NEWS, false, false, null, null, List.of());
        return Item.draft(id, reporter, c, T0).submit(reporter, T0).item();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(100);
            if (pick < 80) {
                text.append(HAN.charAt(random.nextInt(HAN.length())));
            } else if (pick < 90) {
                text.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            } else if (pick < 98) {
                text.append(LATIN.charAt(random.nextInt(LATIN.length())));
            } else {
                text.appendCodePoint(0x20000 + random.nextInt(50)); // outside the BMP: a surrogate pair
            }
        }
        return text.toString();
    }

    /** Deletes, inserts, replaces and moves a few pieces, as a unit retelling another's report does. */
    private static String edited(Random random, String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = random.nextInt(1 + s.length() / 8);
        for (int e = 0; e < edits && s.length() > 2; e++) {
            int at = random.nextInt(s.length() - 1);
            if (Character.isLowSurrogate(s.charAt(at))) {
                at--;
            }
            int end = Math.min(s.length(), at + 1 + random.nextInt(6));
            if (end < s.length() && Character.isLowSurrogate(s.charAt(end))) {
                end++;
            }
            switch (random.nextInt(4)) {
                case 0 -> s.delete(at, end);
                case 1 -> s.insert(at, randomText(random, 1 + random.nextInt(5)));
                case 2 -> s.replace(at, end, randomText(random, end - at));
                default -> {
                    String moved = s.substring(at, end);
                    s.delete(at, end);
                    s.append(moved);
                }
            }
        }
        return s.toString();
    }
}
