package cn.gov.eqq.govinfo.adoption.importing.domain;

import java.util.List;

/**
 * The spreadsheet template for past records (see docs/services/adoption-tracking.md). Save as CSV (UTF-8).
 * An item is matched by {@code item_id}, or when that is empty by {@code unit} (id such as U006, or the Chinese
 * name) together with the exact {@code title}.
 */
public final class ImportTemplate {

    public static final List<String> COLUMNS = List.of(
            "item_id", "unit", "title", "kind", "publication", "issue_no", "date", "leader", "text",
            "follow_up_action", "follow_up_due");

    /** Columns that must be present in the header (the others may be left out). */
    public static final List<String> REQUIRED_COLUMNS = List.of("kind", "date");

    public static final String EXAMPLE = String.join(",", COLUMNS) + "\n"
            + "I-2026-0001,,,CITY_BULLETIN_ADOPTED,鄂尔多斯政讯,2026年第15期,2026-07-15,,,,\n"
            + ",发改委,我旗重点项目建设提速,市政府领导批示,,,2026/8/2,某副市长,请总结经验,报送经验做法,2026-08-31\n";

    private ImportTemplate() {
    }
}
