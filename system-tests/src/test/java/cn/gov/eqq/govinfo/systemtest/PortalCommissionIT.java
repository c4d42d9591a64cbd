package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commission (约稿) from issue to bonus in a real headless Chromium against the whole running system, as the room and
 * the units do it: the room issues a commission to three units with a deadline two to three minutes away; U006 answers on
 * time and the room, after receiving the item, judges it 认可; U007 answers on time, is returned for revision,
 * answers again with the revised version, and the room judges that version 不认可 with a reason; U037 answers after
 * the deadline and is judged 认可 without a bonus. The +10 then shows in U006's own 积分 and in the group's ranking,
 * and in no one else's. After each change the commission's own page ({@code #/commissions/{id}}) shows it; U006 is told
 * of the new commission in its notices (提醒 in the header), U037 gets the service's reminder, and the room's
 * 约稿统计 shows the units' figures and exports them. Screenshots go to {@code target/screenshots/4*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalCommissionIT extends PortalJourney {

    private static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SAVED_ITEM = Pattern.compile(".*#/items/(?!new$)[^/]+$");
    private static final String RUN = String.valueOf(Instant.now().toEpochMilli());
    private static final String TITLE = "营商环境典型经验（约稿测试 " + RUN + "）";
    private static final String REJECTION = "未附典型案例，请按约稿要求补充";

    static String commissionId;
    /** The last instant that is on time: the end of the deadline's minute. */
    static Instant deadlineEnds;
    static String month;
    static String u006Item;
    static String u007Item;
    static String u037Item;
    static int u006CommissionPointsBefore;
    static int u007CommissionPointsBefore;

    @Test
    @Order(1)
    void theRoomIssuesACommissionToThreeUnits() {
        // a deadline is met until its minute ends: 120–180 s from now, time enough for the on-time answers and the
        // revision before it on a loaded machine (they took 33 s in CI; the late answer then waits out the rest)
        ZonedDateTime deadline = ZonedDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        deadlineEnds = deadline.plusMinutes(1).toInstant().minusNanos(1);
        month = ZonedDateTime.now(BEIJING).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        u006CommissionPointsBefore = commissionPoints("u006-reporter", "U006");
        u007CommissionPointsBefore = commissionPoints("u007-reporter", "U007");
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/commissions");
            page.locator("#commission-form input[name=title]").fill(TITLE);
            page.locator("#commission-form textarea[name=requirements]").fill("围绕优化营商环境，报送一篇调研报告，须附典型案例。");
            page.locator("#commission-form select[name=targetUnitIds]").selectOption(new String[]{"U006", "U007", "U037"});
            page.locator("#commission-form input[name=deadline]")
                    .fill(deadline.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            PortalIT.screenshot(page, "40-commission-form");
            page.locator("#commission-form button[type=submit]").click();

            Locator row = page.locator("#commission-list tr").filter(new Locator.FilterOptions().setHasText(TITLE));
            assertThat(row).isVisible();
            commissionId = row.locator("a.commission-link").getAttribute("data-commission");
            assertThat(commissionId).startsWith("CMS-");
            for (String unit : new String[]{"U006", "U007", "U037"}) {
                assertThat(row.locator(".target[data-unit=" + unit + "] .target-status")).hasText("待报送");
            }
            PortalIT.screenshot(page, "41-commission-issued");

            // the commission's own page: what was asked, by when, and every unit still to answer
            row.locator("a.commission-link").click();
            page.waitForURL(url -> url.endsWith("#/commissions/" + commissionId));
            assertThat(page.locator("#commission-page h1")).hasText(TITLE);
            assertThat(page.locator("#commission-deadline"))
                    .containsText(deadline.format(DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm")) + "（北京时间）");
            assertThat(page.locator("#not-answered li")).hasCount(3);
            assertThat(page.locator("#not-answered li[data-unit=U037]")).containsText("待报送");
            PortalIT.screenshot(page, "41a-commission-page-issued");
        }
    }

    @Test
    @Order(2)
    void aUnitIsToldOfTheNewCommissionInItsNotices() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u006-reporter", false);
            Locator bell = page.locator("#notice-bell");
            // a fresh browser has read nothing: at least this commission is unread
            assertThat(bell).not().hasAttribute("data-unread", "0");
            PortalIT.screenshot(page, "41b-unit-notice-bell");
            bell.click();
            Locator notice = page.locator("#notice-list li[data-notice='new:" + commissionId + "']");
            assertThat(notice).containsText("新约稿：" + TITLE);
            assertThat(notice).hasAttribute("data-read", "false");
            PortalIT.screenshot(page, "41c-unit-notices");
            notice.locator("a").click();
            page.waitForURL(url -> url.endsWith("#/commissions/" + commissionId));
            // the unit sees its own row only
            assertThat(page.locator("#not-answered li")).hasCount(1);
            assertThat(page.locator("#not-answered li[data-unit=U006]")).containsText("待报送");
            assertThat(page.locator("#commission-units")).not().containsText("、");
            PortalIT.screenshot(page, "41d-unit-commission-page");
            page.navigate(gateway + "/#/notices");
            assertThat(notice).hasAttribute("data-read", "true");
        }
    }

    @Test
    @Order(3)
    void twoUnitsFindItAndAnswerOnTime() {
        u006Item = answer("u006-reporter", "发改委优化营商环境的做法（" + RUN + "）", false, false);
        // the second answer repeats the first's text: the unit is asked before it sends what reads like a duplicate
        u007Item = answer("u007-reporter", "教体局优化营商环境的做法（" + RUN + "）", false, true);
    }

    @Test
    @Order(4)
    void theRoomReceivesTheAnswerAndThenAcceptsIt() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            receive(page, u006Item);

            // commission-tasking learns of the receipt from intake's event: then, and only then, it can be judged
            // U007's answer is not received yet: shown, but not open to judgement
            awaitAnswer(page, "U007", u007Item, "待接收");
            Locator answer = awaitAnswer(page, "U006", u006Item, "待审核");
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U006] .target-status"))
                    .hasText("按时报送，待审核");
            assertThat(answer.locator(".judge-accept")).isVisible();
            assertThat(page.locator(answerSelector("U007", u007Item) + " .judge-accept")).hasCount(0);
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U007] .target-status"))
                    .hasText("按时报送，待信息室接收");
            PortalIT.screenshot(page, "42-commission-awaiting-judgement");

            answer.locator(".judge-accept").click();
            assertThat(page.locator(".banner.ok")).containsText("已认可");
            assertThat(page.locator(answerSelector("U006", u006Item))).hasAttribute("data-status", "已采纳");
            assertThat(page.locator(answerSelector("U006", u006Item) + " .judge-accept")).hasCount(0);
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U006] .target-status"))
                    .hasText("按时报送，已采纳");
            PortalIT.screenshot(page, "43-commission-accepted");

            // the next step after the change: the page reloaded from the server says the same
            page.reload();
            assertThat(page.locator(answerSelector("U006", u006Item))).hasAttribute("data-status", "已采纳");

            Locator onPage = awaitOnCommissionPage(page, "U006", u006Item, "已采纳");
            assertThat(onPage.locator(".on-time")).hasText("按时");
            assertThat(onPage.locator("a")).hasAttribute("href", "#/items/" + u006Item);
            assertThat(onPage.locator("a")).containsText("发改委优化营商环境的做法");
            assertThat(page.locator("#commission-page .target[data-unit=U006] .target-status")).hasText("按时报送，已采纳");
            assertThat(page.locator(pageAnswerSelector("U007", u007Item))).hasAttribute("data-status", "待接收");
            assertThat(page.locator("#not-answered li[data-unit=U037]")).containsText("待报送");
            PortalIT.screenshot(page, "43a-commission-page-accepted");
        }
    }

    @Test
    @Order(5)
    void aReturnedAnswerIsRevisedAndTheRevisedVersionIsRejectedWithAReason() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/items/" + u007Item);
            page.locator("#return-item").click();
            giveReason(page, "请补充典型案例后再报");
            assertThat(page.locator("dl.facts")).containsText("退回修改");
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u007-reporter", false);
            page.navigate(gateway + "/#/edit/" + u007Item);
            // the item still answers the commission
            assertThat(page.locator("#f-commissionId")).hasValue(commissionId);
            page.locator("#f-body").fill("我局推行“一网通办”，学校审批事项办理时限由15个工作日压缩至5个工作日。");
            page.locator("#save-submit").click();
            page.waitForURL(url -> url.endsWith("#/items/" + u007Item));
            assertThat(page.locator("dl.facts")).containsText("已报送");
            assertThat(page.locator(".revisions li")).hasCount(2);
            PortalIT.screenshot(page, "44-commission-answer-revised");
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            receive(page, u007Item);
            Locator answer = awaitAnswer(page, "U007", u007Item, "待审核");
            assertThat(answer).containsText("第2版");

            answer.locator(".judge-reject").click();
            giveReason(page, REJECTION);
            assertThat(page.locator(".banner.ok")).containsText("不认可");
            Locator judged = page.locator(answerSelector("U007", u007Item));
            assertThat(judged).hasAttribute("data-status", "未采纳");
            assertThat(judged).containsText(REJECTION);
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U007] .target-status"))
                    .hasText("按时报送，未采纳：" + REJECTION);
            PortalIT.screenshot(page, "45-commission-rejected");

            Locator onPage = awaitOnCommissionPage(page, "U007", u007Item, "未采纳");
            assertThat(onPage).containsText("第2版");
            assertThat(onPage.locator(".judgement")).containsText("未采纳：" + REJECTION);
            PortalIT.screenshot(page, "45a-commission-page-rejected");
        }
    }

    @Test
    @Order(6)
    void anAnswerAfterTheDeadlineIsRecordedAsLateAndEarnsNoBonusWhenAccepted() {
        awaitCondition(Duration.between(Instant.now(), deadlineEnds).plusSeconds(5),
                () -> Instant.now().isAfter(deadlineEnds));
        // the reminder sweep (every minute) has told U037, which had not answered, before or after the deadline
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u037-reporter", false);
            Locator reminder = page.locator("#notice-list li[data-notice$=':U037:" + commissionId + "']").first();
            awaitCondition(Duration.ofSeconds(90), () -> {
                page.navigate(gateway + "/#/notices");
                page.reload();
                page.locator("#notice-list").waitFor();
                return reminder.count() == 1;
            });
            assertThat(reminder).containsText(TITLE);
            assertThat(reminder.locator(".notice-kind")).hasText(Pattern.compile("截止前1天提醒|逾期催报"));
            PortalIT.screenshot(page, "46a-unit-reminder");
        }
        u037Item = answer("u037-reporter", "营商环境促进中心的做法（" + RUN + "）", true, true);
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            receive(page, u037Item);
            Locator answer = awaitAnswer(page, "U037", u037Item, "待审核");
            assertThat(answer).containsText("（逾期）");
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U037] .target-status"))
                    .hasText("逾期报送，待审核");

            // judged on the commission's own page this time
            Locator onPage = awaitOnCommissionPage(page, "U037", u037Item, "待审核");
            assertThat(onPage.locator(".on-time")).hasText("逾期");
            PortalIT.screenshot(page, "46b-commission-page-late-awaiting-judgement");
            onPage.locator(".judge-accept").click();
            assertThat(page.locator(".banner.ok[role=status]")).hasText("已认可该约稿稿件。");
            assertThat(onPage).hasAttribute("data-status", "已采纳");
            assertThat(page.locator("#commission-page .target[data-unit=U037] .target-status")).hasText("逾期报送，已采纳");
            assertThat(page.locator("#not-answered-none")).hasText("各单位均已报送。");
            PortalIT.screenshot(page, "46-commission-late-accepted");

            page.navigate(gateway + "/#/commissions");
            page.reload();
            assertThat(page.locator("#commission-list tr.commission-" + commissionId + " .target[data-unit=U037] .target-status"))
                    .hasText("逾期报送，已采纳");
        }
    }

    @Test
    @Order(7)
    void theBonusShowsInTheUnitsOwnScoreAndInTheRankingAndNowhereElse() {
        int expected = u006CommissionPointsBefore + 10;
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u006-reporter", false);
            awaitCondition(Duration.ofSeconds(90), () -> {
                page.navigate(gateway + "/#/overview");
                page.reload();
                Locator breakdown = page.locator("#score-breakdown");
                breakdown.waitFor();
                return String.valueOf(expected).equals(breakdown.getAttribute("data-commission"));
            });
            assertThat(page.locator("#score-breakdown")).containsText("约稿 " + expected);
            PortalIT.screenshot(page, "47-commission-bonus-in-unit-score");
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "banner-leader", false);
            awaitCondition(Duration.ofSeconds(90), () -> {
                page.navigate(gateway + "/#/rankings?group=2&period=" + month);
                page.reload();
                page.locator("#ranking[data-loaded=true]").waitFor();
                Locator cell = page.locator("#ranking-table tr.unit-U006 td.commission");
                return cell.count() == 1 && cell.innerText().strip().equals(String.valueOf(expected));
            });
            assertThat(page.locator("#ranking-table tr.unit-U007 td.commission"))
                    .hasText(String.valueOf(u007CommissionPointsBefore));
            PortalIT.chartAgreesWithTable(page, "U006");
            PortalIT.screenshot(page, "48-commission-bonus-in-ranking");
        }
        assertThat(commissionPoints("u007-reporter", "U007")).isEqualTo(u007CommissionPointsBefore);
    }

    @Test
    @Order(8)
    void theRoomReadsAndExportsTheCommissionStatistics() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.locator("#menu a[href='#/commissions/statistics']").click();
            // this quarter by default, where the commission's deadline falls
            Locator late = page.locator("#commission-stats tr.unit-U037 td.col-answeredLate");
            assertThat(late).isVisible();
            assertThat(Integer.parseInt(late.innerText().strip())).isPositive();
            assertThat(Integer.parseInt(page.locator("#commission-stats tr.unit-U006 td.col-accepted").innerText().strip()))
                    .isPositive();
            assertThat(page.locator("#commission-stats tr.unit-U007 td.col-rejected")).not().hasText("0");
            assertThat(page.locator("#commission-stats .el-table__footer")).containsText("合计");
            PortalIT.screenshot(page, "49-commission-statistics");

            Download download = page.waitForDownload(() -> page.locator("#stats-export").click());
            assertThat(download.suggestedFilename()).matches("约稿统计（\\d{4}年\\d{2}月\\d{2}日至\\d{4}年\\d{2}月\\d{2}日）\\.xlsx");
            List<List<String>> sheet = sheetRows(download);
            assertThat(sheet.get(0)).startsWith("单位", "约稿数", "已报送", "按时报送");
            assertThat(sheet).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(
                    page.locator("#commission-stats tr.unit-U037 td").first().innerText().strip()));

        }
    }

    /** A reporter writes a research report answering the commission and submits it; returns the item id. */
    private static String answer(String reporter, String title, boolean late, boolean readsLikeASentItem) {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, reporter, false);
            if (!late) {
                page.navigate(gateway + "/#/overview");
                assertThat(page.locator("#my-commissions")).containsText(TITLE);
            }
            newItem(page, title, "RESEARCH_REPORT", "围绕优化营商环境，本单位推行并联审批，办理时限压缩一半以上。",
                    "0477-7620000");
            Locator option = page.locator("#f-commissionId option[value='" + commissionId + "']");
            assertThat(option).hasCount(1);
            if (late) {
                assertThat(option).containsText("已截止，逾期报送不加分");
            }
            page.locator("#f-commissionId").selectOption(commissionId);
            page.locator("#save-submit").click();
            if (readsLikeASentItem) {
                assertThat(page.locator("#confirm-dialog")).containsText("可能重复报送");
                assertThat(page.locator("#confirm-message")).containsText("优化营商环境的做法");
                PortalIT.screenshot(page, "4x-duplicate-warning-" + reporter);
                page.locator("#confirm-ok").click();
            }
            page.waitForURL(SAVED_ITEM);
            assertThat(page.locator("dl.facts")).containsText("已报送");
            PortalIT.screenshot(page, "4x-answer-" + reporter);
            return page.url().substring(page.url().lastIndexOf('/') + 1);
        }
    }

    private static void receive(Page page, String itemId) {
        page.navigate(gateway + "/#/items/" + itemId);
        page.locator("#receive-item").click();
        assertThat(page.locator(".banner.ok")).containsText("接收成功");
        assertThat(page.locator("dl.facts")).containsText("已接收");
    }

    /** Reloads the commission page until the unit's answer shows {@code status} (the services talk through Kafka). */
    private static Locator awaitAnswer(Page page, String unitId, String itemId, String status) {
        Locator answer = page.locator(answerSelector(unitId, itemId));
        awaitCondition(Duration.ofSeconds(60), () -> {
            page.navigate(gateway + "/#/commissions");
            page.reload();
            page.locator("#commission-list").waitFor();
            return answer.count() == 1 && status.equals(answer.getAttribute("data-status"));
        });
        return answer;
    }

    /** Reloads the commission's own page until the unit's answer shows {@code status}. */
    private static Locator awaitOnCommissionPage(Page page, String unitId, String itemId, String status) {
        Locator answer = page.locator(pageAnswerSelector(unitId, itemId));
        awaitCondition(Duration.ofSeconds(60), () -> {
            page.navigate(gateway + "/#/commissions/" + commissionId);
            page.reload();
            page.locator("#commission-page").waitFor();
            return answer.count() == 1 && status.equals(answer.getAttribute("data-status"));
        });
        return answer;
    }

    private static String pageAnswerSelector(String unitId, String itemId) {
        return "#commission-page .target[data-unit=" + unitId + "] .answer[data-item='" + itemId + "']";
    }

    private static String answerSelector(String unitId, String itemId) {
        return "#commission-list tr.commission-" + commissionId + " .target[data-unit=" + unitId + "] .answer[data-item='"
                + itemId + "']";
    }

    /** The unit's commission points of the month as scoring answers them (0 before it scored anything). */
    private static int commissionPoints(String reporter, String unitId) {
        try (BrowserContext context = newContext()) {
            PortalIT.signIn(context, reporter, false);
            APIResponse score = context.request().get(gateway + "/api/scoring/units/" + unitId + "/score?period="
                    + month);
            if (score.status() == 404) {
                return 0;
            }
            assertThat(score.status()).as(score.text()).isEqualTo(200);
            JsonNode body = JSON.readTree(score.text());
            return body.get("commissionPoints").asInt();
        }
    }

    /**
     * Polls an asynchronous outcome once a second, bounded by {@code within}. In the test's own thread: the condition
     * drives the browser, and Playwright's objects belong to the thread that made them.
     */
    private static void awaitCondition(Duration within, BooleanSupplier done) {
        await().atMost(within).pollInSameThread().pollInterval(Duration.ofSeconds(1)).until(done::getAsBoolean);
    }
}
