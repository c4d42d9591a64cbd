package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The per-item reading that scoring applies: every record with its points, and which one counts — only the highest
 * (同一条信息…按最高积分进行计算); instructions on a major-emergency item earn nothing; a withdrawn record is as if
 * never recorded. Records are taken in the order of their dates: a record that raises the best value so far adds the
 * difference in its own month; one no higher adds nothing.
 */
public record ItemReading(String itemId, int itemPoints, String countingRecordId, List<RecordReading> records) {

    /**
     * @param points      what the kind is worth on the record's date (policy table), before the item's rules
     * @param countable   what it may earn on this item (0 when withdrawn, uncredited, or an instruction on a
     *                    major-emergency item)
     * @param counts      this is the record that gives the item its value
     * @param addedPoints what it adds in {@code period}, taking the item's records in date order
     * @param explanation why, in Chinese
     */
    public record RecordReading(String recordId, AdoptionKind kind, LocalDate effectiveDate, YearMonth period,
                                int points, int countable, boolean counts, int addedPoints, String explanation) {
    }

    public static ItemReading of(ItemAdoptions item, KindPointsTable table) {
        boolean majorEmergency = item.facts().majorEmergency();
        List<AdoptionRecord> ordered = new ArrayList<>(item.records());
        // date order; same date: in the order they were entered
        ordered.sort(Comparator.comparing((AdoptionRecord r) -> r.content().effectiveDate())
                .thenComparing(AdoptionRecord::enteredAt));

        record Step(AdoptionRecord record, int points, int countable, int added, String why) {
        }
        List<Step> steps = new ArrayList<>();
        int best = 0;
        Optional<AdoptionRecord> counting = Optional.empty();
        for (AdoptionRecord r : ordered) {
            RecordContent c = r.content();
            int points = table.pointsOf(c.kind(), c.effectiveDate());
            int countable;
            String why;
            if (r.withdrawn()) {
                countable = 0;
                why = "已撤销（" + r.latest().reason() + "），视同未记录，不计分";
            } else if (!r.credited()) {
                countable = 0;
                why = "综合采用按政策不计入本信息，只作记录";
            } else if (majorEmergency && c.kind().isInstruction()) {
                countable = 0;
                why = "重大紧急类信息的领导批示只作记录，不计分（被领导批示信息均为非重大紧急类信息）";
            } else {
                countable = points;
                why = null;
            }
            int added = Math.max(0, countable - best);
            if (countable > best) {
                best = countable;
                counting = Optional.of(r);
            }
            steps.add(new Step(r, points, countable, added, why));
        }
        String countingId = counting.map(AdoptionRecord::recordId).orElse(null);
        int itemPoints = best;
        List<RecordReading> readings = steps.stream().map(s -> {
            boolean counts = s.record().recordId().equals(countingId);
            String why = s.why();
            if (why == null) {
                if (counts) {
                    why = "按最高积分计算，本信息计 " + itemPoints + " 分";
                } else if (s.added() > 0) {
                    why = "当时为最高记录，在本月增加 " + s.added() + " 分；后被更高记录取代";
                } else {
                    why = "不高于本信息已有的最高记录，不另计分";
                }
            }
            RecordContent c = s.record().content();
            return new RecordReading(s.record().recordId(), c.kind(), c.effectiveDate(),
                    YearMonth.from(c.effectiveDate()), s.points(), s.countable(), counts, s.added(), why);
        }).toList();
        return new ItemReading(item.itemId(), itemPoints, countingId, readings);
    }
}
