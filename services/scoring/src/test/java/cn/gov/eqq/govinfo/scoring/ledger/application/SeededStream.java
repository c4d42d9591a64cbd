package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of a few units and items over July–September 2026 as the topics carry it: receipts and revisions,
 * forwards, adoptions and withdrawals, commission judgements, voids and corrections, some events delivered twice,
 * and units that move group (also a repeated and an older state).
 */
public final class SeededStream {

    public static final String[] UNITS = {"U001", "U006", "U007", "U037"};
    public static final String[] KINDS = {"CITY_BULLETIN_ADOPTED", "PROVINCE_BULLETIN_ADOPTED",
            "CITY_LEADER_INSTRUCTION", "STATE_COUNCIL_ADOPTED"};
    public static final String[] CATEGORIES = {"BRIEF", "DYNAMIC", "PROBLEM", "RESEARCH_REPORT"};

    private SeededStream() {
    }

    public static List<EventEnvelope<?>> stream(Random random, int count) {
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (int u = 0; u < UNITS.length; u++) {
            out.add(unit(UNITS[u], 1 + u % 3, 0));
        }
        for (int i = 0; i < count; i++) {
            String item = "I" + random.nextInt(60);
            String unit = UNITS[Math.abs(item.hashCode()) % UNITS.length];
            String day = String.format("2026-0%d-%02dT09:00", 7 + random.nextInt(3), 1 + random.nextInt(28));
            EventEnvelope<?> e = switch (random.nextInt(9)) {
                case 0, 1 -> received(item, unit, 1 + random.nextInt(3), day);
                case 2 -> forwarded(item, unit, day);
                case 3 -> adopted("R" + random.nextInt(80), item, unit, KINDS[random.nextInt(KINDS.length)],
                        day.substring(0, 10));
                case 4 -> judged("C" + random.nextInt(10), item, unit, random.nextBoolean(), day);
                case 5 -> voided(item, unit, day);
                case 6 -> corrected(item, unit, 1 + random.nextInt(3), CATEGORIES[random.nextInt(CATEGORIES.length)],
                        day);
                case 7 -> withdrawn("R" + random.nextInt(80), item, day);
                default -> received(item, unit, 1, day);
            };
            out.add(e);
            if (random.nextInt(10) == 0) {
                out.add(e);
            }
            if (i == count / 3) {
                out.add(unit("U006", 3, 1)); // moves group, with items stored in the old one
                out.add(unit("U001", 1, 0)); // repeated state: nothing changes
            }
            if (i == 2 * count / 3) {
                out.add(unit("U007", 1, 2));
                out.add(unit("U007", 2, 1)); // older than the one before it: ignored
            }
        }
        return out;
    }

    public static EventEnvelope<UnitChanged> unit(String id, int group, int version) {
        return EventEnvelope.wrap(new UnitChanged(id, "单位" + id, group, true,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)), "submission-intake", Instant.now());
    }

    public static Instant bj(String at) {
        return LocalDateTime.parse(at).atZone(BeijingTime.ZONE).toInstant();
    }

    public static EventEnvelope<ItemReceived> received(String item, String unit, int revision, String at) {
        Instant t = bj(at);
        return EventEnvelope.wrap(new ItemReceived(item, unit, revision, "标题" + item,
                CATEGORIES[Math.abs((item + revision).hashCode()) % CATEGORIES.length], List.of(), false, "GOOD_NEWS",
                LocalDate.of(2026, 7, 1), t, t.plusSeconds(3600), "room", null), "submission-intake", Instant.now());
    }

    public static EventEnvelope<ItemForwardedToCity> forwarded(String item, String unit, String at) {
        return EventEnvelope.wrap(new ItemForwardedToCity(item, unit, bj(at), "room"), "submission-intake",
                Instant.now());
    }

    public static EventEnvelope<ItemVoided> voided(String item, String unit, String at) {
        return EventEnvelope.wrap(new ItemVoided(item, unit, "重复报送", bj(at), "room"), "submission-intake",
                Instant.now());
    }

    public static EventEnvelope<AdoptionRecorded> adopted(String record, String item, String unit, String kind,
                                                           String date) {
        return EventEnvelope.wrap(new AdoptionRecorded(record, item, unit, kind, "荆门信息", "1",
                LocalDate.parse(date), null, null, null, "room", bj(date + "T10:00")), "adoption-tracking",
                Instant.now());
    }

    public static EventEnvelope<CommissionAnswerJudged> judged(String commission, String item, String unit,
                                                                boolean accepted, String at) {
        Instant t = bj(at);
        return EventEnvelope.wrap(new CommissionAnswerJudged(commission, unit, item, t, t.plusSeconds(86_400),
                accepted, accepted ? null : "未按要求", "room", t.plusSeconds(7200)), "commission-tasking",
                Instant.now());
    }

    public static EventEnvelope<ItemCorrected> corrected(String item, String unit, int revision, String category,
                                                         String at) {
        return EventEnvelope.wrap(new ItemCorrected(item, unit, revision,
                new ItemCorrected.Classification("BRIEF", false, false, List.of()),
                new ItemCorrected.Classification(category, false, false, List.of()), "分类有误", bj(at), "room"),
                "submission-intake", Instant.now());
    }

    public static EventEnvelope<AdoptionWithdrawn> withdrawn(String record, String item, String at) {
        return EventEnvelope.wrap(new AdoptionWithdrawn(record, item, "错录", "room", bj(at)), "adoption-tracking",
                Instant.now());
    }
}
