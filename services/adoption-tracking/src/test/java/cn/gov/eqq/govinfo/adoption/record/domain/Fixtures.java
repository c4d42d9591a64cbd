package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Shared test data: items in given states, record contents of each form. */
public final class Fixtures {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    public static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    public static final String ROOM = "room-editor";

    private Fixtures() {
    }

    public static ItemAdoptions receivedItem(String itemId) {
        return new ItemAdoptions(itemId, new ItemFacts("U006", "我旗重点项目建设提速", true, false, false, false),
                List.of());
    }

    public static ItemAdoptions majorEmergencyItem(String itemId) {
        return new ItemAdoptions(itemId, new ItemFacts("U006", "突发汛情处置情况", true, false, true, false),
                List.of());
    }

    /** A content of the right form for any kind, dated {@code date}. */
    public static RecordContent contentOf(AdoptionKind kind, LocalDate date) {
        return switch (kind.form()) {
            case PUBLICATION -> new RecordContent(kind, kind.fixedPublication().orElse("国务院办公厅信息"),
                    "2026年第" + date.getDayOfMonth() + "期", date, null, null, null);
            case FORWARD -> new RecordContent(kind, null, null, date, null, "转报", null);
            case INSTRUCTION -> new RecordContent(kind, null, null, date, "某领导", "请认真总结推广", null);
        };
    }

    public static RecordContent cityBulletin(LocalDate date, String issue) {
        return new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, issue, date, null, null, null);
    }

    public static RecordContent instruction(AdoptionKind kind, LocalDate date, FollowUpRequest followUp) {
        return new RecordContent(kind, null, null, date, "王副市长", "请总结经验，在全市推广", followUp);
    }
}
