package cn.gov.eqq.govinfo.benchmarks;

import java.time.LocalDate;
import java.util.List;

/**
 * The API calls of each role's main portal page, exactly as {@code portal/src} sends them when the page opens (the
 * same paths, query parameters and defaults), for a given day in Beijing. Keep in step with the portal:
 * <ul>
 *   <li>room inbox ({@code inbox.ts}, the room's first page): the filter form's defaults — status 已报送, no group,
 *       unit, category, period or text — then {@code size=100&sort=submittedAt};</li>
 *   <li>rankings ({@code rankings.ts}, the first page of leaders and viewers): group 2 and this month, from
 *       reporting's kept snapshots;</li>
 *   <li>unit score with explanation ({@code overview.ts}, 任务与积分): this month's quota progress, the open
 *       commissions and the unit's score with its ledger lines — three calls started together;</li>
 *   <li>statistics ({@code statistics.ts}): the default period, this quarter, for the whole banner (room, viewer);</li>
 *   <li>circular draft ({@code circulars.ts}): the room drafts last quarter's circular (POST) and the portal opens
 *       it (GET); opening a draft again is one GET, and 刷新数据 is a POST of {@code /refresh} then the GET.</li>
 * </ul>
 */
final class PortalPages {

    /** One HTTP call; {@code body} null for a GET. */
    record Call(String method, String path, String body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body);
        }
    }

    /**
     * A page: who opens it and its calls.
     *
     * @param parallel true when the portal starts the calls together (the page is ready when the last answers),
     *                 false when it waits for each before the next
     */
    record Page(String name, String user, boolean parallel, List<Call> calls) {
        String describe() {
            return user + ", " + (calls.size() == 1 ? "1 call" : calls.size() + " calls "
                    + (parallel ? "in parallel" : "in sequence")) + ": " + String.join(" + ",
                    calls.stream().map(c -> c.method() + " " + c.path()).toList());
        }
    }

    static final String ROOM = "room-editor";
    static final String VIEWER = "banner-leader";
    /** A reporter of group 2 (发改委, U006) in identity/govinfo-realm.json. */
    static final String REPORTER = "u006-reporter";
    static final String REPORTER_UNIT = "U006";

    private PortalPages() {
    }

    /** The main pages as opened on {@code today} (Beijing); {@code draftId} the circular draft the room opens. */
    static List<Page> mainPages(LocalDate today, String draftId) {
        String month = month(today);
        return List.of(
                new Page("room inbox", ROOM, false,
                        List.of(Call.get("/api/intake/items?status=SUBMITTED&size=100&sort=submittedAt"))),
                new Page("rankings", VIEWER, false,
                        List.of(Call.get("/api/reporting/rankings?group=2&period=" + month))),
                new Page("unit score with explanation", REPORTER, true, List.of(
                        Call.get("/api/intake/quota-progress?month=" + month),
                        Call.get("/api/commission/commissions?scope=open"),
                        Call.get("/api/scoring/units/" + REPORTER_UNIT + "/score?period=" + month))),
                new Page("statistics", VIEWER, false,
                        List.of(Call.get("/api/reporting/statistics?period=" + quarter(today, 0)))),
                new Page("circular draft", ROOM, false,
                        List.of(Call.get("/api/reporting/circulars/" + draftId))));
    }

    /** 刷新数据 on the draft: the figures of now taken into it, then the page shown again. */
    static Page draftRefresh(String draftId) {
        return new Page("circular draft: refresh", ROOM, false, List.of(
                Call.post("/api/reporting/circulars/" + draftId + "/refresh", null),
                Call.get("/api/reporting/circulars/" + draftId)));
    }

    /** 生成草稿 with the form's default (last quarter), as the room's draft form sends it. */
    static Call draftCreation(LocalDate today) {
        return Call.post("/api/reporting/circulars", "{\"kind\":\"QUARTERLY\",\"period\":\"" + quarter(today, -1)
                + "\"}");
    }

    /** The id reporting gives the first version of that draft. */
    static String draftId(LocalDate today) {
        return "QUARTERLY-" + quarter(today, -1) + "-v1";
    }

    /** {@code 2026-12}, as the portal's {@code beijingMonth()}. */
    static String month(LocalDate day) {
        return String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }

    /** {@code 2026-Q4}, shifted by whole quarters, as the portal's {@code beijingQuarter(offset)}. */
    static String quarter(LocalDate day, int offset) {
        int index = day.getYear() * 4 + (day.getMonthValue() - 1) / 3 + offset;
        return Math.floorDiv(index, 4) + "-Q" + (Math.floorMod(index, 4) + 1);
    }
}
