package cn.gov.eqq.govinfo.benchmarks;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A seeded province-year of the events scoring consumes, in the producers' own envelope format (EventCodec):
 * first one {@code UnitChanged} per unit, then items of the year, each received once and, with the shares below,
 * forwarded to the city, adopted and judged as a commission answer. Deterministic for a seed, so two runs (and the
 * live run and the replay) see the same events.
 */
public final class ProvinceYear {

    /** One record as it goes onto the topic. */
    public record Record(String topic, String key, String json) {
    }

    /** A reporting unit of the year: its id, name and group. */
    public record Unit(String id, String name, int group) {
    }

    static final double FORWARD_SHARE = 0.10;
    static final double ADOPTION_SHARE = 0.15;
    static final double COMMISSION_SHARE = 0.05;
    private static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final String[] CATEGORIES = {"BRIEF", "DYNAMIC", "DYNAMIC", "DYNAMIC", "COMPREHENSIVE", "PROBLEM",
            "RESEARCH_REPORT"};
    private static final String[] ADOPTION_KINDS = {"CITY_BULLETIN_ADOPTED", "CITY_BULLETIN_ADOPTED",
            "CITY_FORWARDED_TO_REGION", "REGION_DAILY_BRIEF_ADOPTED", "CITY_LEADER_INSTRUCTION"};

    private final List<Unit> units;
    private final long events;
    private final long seed;
    private final int year;
    private final int days;
    private final EventCodec codec = new EventCodec();

    /** {@code units} generated units ({@link #generatedUnits}), items on every day of the year. */
    public ProvinceYear(int units, long events, long seed, int year) {
        this(generatedUnits(units), events, seed, year, 365);
    }

    /**
     * @param units the units, in order (the items' units are drawn from them)
     * @param days  the items fall on the first {@code days} days of the year (e.g. up to yesterday, so that a page
     *              of the current month shows a month in progress)
     */
    public ProvinceYear(List<Unit> units, long events, long seed, int year, int days) {
        if (units.isEmpty() || events < units.size()) {
            throw new IllegalArgumentException("need at least one unit and one event per unit");
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("days must be 1–365: " + days);
        }
        this.units = List.copyOf(units);
        this.events = events;
        this.seed = seed;
        this.year = year;
        this.days = days;
    }

    /** {@code P0001}… named 单位1…, in groups by {@link #groupOf}. */
    public static List<Unit> generatedUnits(int count) {
        List<Unit> out = new ArrayList<>(count);
        for (int u = 0; u < count; u++) {
            out.add(new Unit(unitId(u), "单位" + (u + 1), groupOf(u, count)));
        }
        return out;
    }

    /**
     * A county's or province's units: the given directory first (e.g. the county's 52 units of 2022, which the
     * demo users belong to), then generated units ({@code P0053}…, groups by {@link #groupOf}) up to {@code count}.
     */
    public static List<Unit> directoryThenGenerated(List<Unit> directory, int count) {
        List<Unit> out = new ArrayList<>(directory.subList(0, Math.min(count, directory.size())));
        for (int u = out.size(); u < count; u++) {
            out.add(new Unit(unitId(u), "单位" + (u + 1), groupOf(u, count)));
        }
        return out;
    }

    public int units() {
        return units.size();
    }

    public long events() {
        return events;
    }

    /** Unit ids {@code P0001}…; group 1 the first tenth, group 2 the next 60 %, group 3 the rest. */
    public static int groupOf(int unitIndex, int units) {
        if (unitIndex < Math.max(1, units / 10)) {
            return 1;
        }
        return unitIndex < units * 7 / 10 ? 2 : 3;
    }

    public static String unitId(int unitIndex) {
        return String.format("P%04d", unitIndex + 1);
    }

    /** Emits exactly {@link #events()} records in the order a live system would have written them per key. */
    public void forEach(Consumer<Record> sink) {
        Random random = new Random(seed);
        Instant unitsAt = LocalDate.of(year, 1, 1).atStartOfDay(BEIJING).toInstant().minusSeconds(86_400);
        long emitted = 0;
        for (Unit u : units) {
            emit(sink, Topics.UNITS, "submission-intake", u.id(), unitsAt,
                    new UnitChanged(u.id(), u.name(), u.group(), true, unitsAt), random);
            emitted++;
        }
        long item = 0;
        while (emitted < events) {
            item++;
            String unit = units.get(random.nextInt(units.size())).id();
            String itemId = "ITM-" + year + "-" + item;
            LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(days));
            Instant submitted = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(BEIJING).toInstant();
            Instant received = submitted.plusSeconds(600 + random.nextInt(7200));
            List<Record> ofItem = new ArrayList<>(4);
            emit(ofItem::add, Topics.ITEMS, "submission-intake", itemId, received,
                    new ItemReceived(itemId, unit, 1, "政务信息" + item, CATEGORIES[random.nextInt(CATEGORIES.length)],
                            List.of("LIVELIHOOD"), false, "GOOD_NEWS", day.minusDays(1), submitted, received,
                            "room-editor", null), random);
            if (random.nextDouble() < FORWARD_SHARE) {
                Instant at = received.plusSeconds(3600);
                emit(ofItem::add, Topics.ITEMS, "submission-intake", itemId, at,
                        new ItemForwardedToCity(itemId, unit, at, "room-editor"), random);
            }
            if (random.nextDouble() < ADOPTION_SHARE) {
                Instant at = received.plusSeconds(86_400L * (1 + random.nextInt(10)));
                LocalDate effective = at.atZone(BEIJING).toLocalDate();
                emit(ofItem::add, Topics.ADOPTIONS, "adoption-tracking", itemId, at,
                        new AdoptionRecorded("ADR-" + item, itemId, unit,
                                ADOPTION_KINDS[random.nextInt(ADOPTION_KINDS.length)], "鄂尔多斯政讯",
                                year + "年第" + (1 + random.nextInt(50)) + "期", effective, null, null, null,
                                "room-editor", at), random);
            }
            if (random.nextDouble() < COMMISSION_SHARE) {
                Instant judged = received.plusSeconds(86_400);
                String commission = "CMS-" + year + "-" + item;
                boolean accepted = random.nextInt(5) > 0;
                emit(ofItem::add, Topics.COMMISSIONS, "commission-tasking", commission, judged,
                        new CommissionAnswerJudged(commission, unit, itemId, submitted,
                                submitted.plusSeconds(86_400L * (random.nextInt(3) - 1)), accepted,
                                accepted ? null : "未按要求附典型案例", "room-editor", judged), random);
            }
            for (Record r : ofItem) {
                if (emitted == events) {
                    break;
                }
                sink.accept(r);
                emitted++;
            }
        }
    }

    private void emit(Consumer<Record> sink, String topic, String producer, String key, Instant at,
                      IntegrationEvent payload, Random random) {
        String type = payload.getClass().getSimpleName();
        String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
        sink.accept(new Record(topic, key, codec.encode(new EventEnvelope<>(eventId, type, 1, at, producer, key,
                payload))));
    }
}
