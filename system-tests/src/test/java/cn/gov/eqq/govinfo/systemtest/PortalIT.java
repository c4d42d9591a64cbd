package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real headless Chromium against the whole running system: people sign in on Keycloak's own login
 * page, the gateway keeps their tokens in its session, and every page talks to the services through it. A reporter
 * writes and submits an item, the information room receives it and records an adoption, a banner leader sees the
 * ranking and its chart change; a reporter is refused by the server when going where the room goes.
 * Screenshots of the main pages go to {@code target/screenshots/} for review.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT extends PortalJourney {

    /** The item page a save leads to (the form itself is at #/items/new, which must not count). */
    private static final Pattern SAVED_ITEM = Pattern.compile(".*#/items/(?!new$)[^/]+$");
    private static final String TITLE = "发改委组织重点项目现场观摩（门户测试 " + Instant.now().toEpochMilli() + "）";

    static String itemId;
    static int pointsBefore;

    @Test
    @Order(1)
    void aBannerLeaderSignsInOnKeycloaksPageAndSeesTheGroupRanking() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "banner-leader", true);
            page.navigate(gateway + "/#/rankings");
            assertThat(page.locator("#ranking[data-loaded=true]")).isVisible();
            pointsBefore = earnedByU006(page);
            screenshot(page, "01-rankings-before");
        }
    }

    @Test
    @Order(2)
    void aReporterSeesTheServicesValidationNextToTheFieldThenSubmitsTheItem() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            assertThat(page.locator("#user")).containsText("刘伟");
            page.navigate(gateway + "/#/items/new");
            page.locator("#f-title").fill(TITLE);
            page.locator("#f-category").selectOption("DYNAMIC");
            page.locator("#f-body").fill("11月以来，我委组织各相关单位赴重点项目现场观摩，现场协调解决问题5个。");
            page.locator("input[name=topics][value=MAJOR_PROJECTS]").check();
            page.locator("#f-polarity").selectOption("GOOD_NEWS");
            page.locator("#f-contactPhone").fill("");

            page.locator("#save-submit").click();

            // intake refuses the submission; its Chinese message appears beside the phone field
            assertThat(page.locator("#err-contactPhone")).containsText("联系电话");
            assertThat(page.locator("[data-field=contactPhone]")).hasClass(Pattern.compile("invalid"));
            screenshot(page, "02-new-item-validation");

            page.locator("#f-contactPhone").fill("0477-7622029");
            page.locator("#save-submit").click();

            page.waitForURL(SAVED_ITEM);
            Matcher id = Pattern.compile("#/items/([^/]+)$").matcher(page.url());
            assertThat(id.find()).isTrue();
            itemId = id.group(1);
            assertThat(page.locator("h1")).hasText(TITLE);
            assertThat(page.locator("dl.facts")).containsText("已报送");
            screenshot(page, "03-item-submitted");

            page.navigate(gateway + "/#/items");
            assertThat(page.locator("tr[data-item='" + itemId + "']")).containsText("已报送");
            screenshot(page, "04-my-items");
            page.setViewportSize(390, 844);
            screenshot(page, "04b-my-items-phone");
        }
    }

    @Test
    @Order(3)
    void theRoomFindsItInTheInboxReceivesItAndRecordsAnAdoption() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/inbox");
            Locator row = page.locator("tr[data-item='" + itemId + "']");
            assertThat(row).containsText("已报送");
            screenshot(page, "05-room-inbox");

            row.locator("a").first().click();
            page.locator("#receive-item").click();
            assertThat(page.locator(".banner.ok")).containsText("接收成功");
            assertThat(page.locator("dl.facts")).containsText("已接收");

            recordBulletinAdoption(page, "第12期");
            screenshot(page, "06-room-item-adopted");
        }
    }

    @Test
    @Order(4)
    void theBannerLeaderSeesTheRankingAndTheChartChange() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "banner-leader", false);
            // a received dynamic item (1) adopted by 《鄂尔多斯政讯》 (20); compared without the quota deduction, which
            // the same received item may change
            int expected = pointsBefore + 1 + 20;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int seen;
            do {
                page.navigate(gateway + "/#/rankings");
                page.reload();
                assertThat(page.locator("#ranking[data-loaded=true]")).isVisible();
                seen = earnedByU006(page);
                if (seen == expected) {
                    break;
                }
                page.waitForTimeout(1500);
            } while (System.nanoTime() < deadline);
            assertThat(seen).as("U006 submission + adoption points in the ranking table").isEqualTo(expected);
            assertThat(page.locator("#ranking-chart g[data-unit=U006] rect").getAttribute("data-value"))
                    .isEqualTo(page.locator("tr[data-unit=U006] td.points").innerText().strip());
            page.locator("tr[data-unit=U006] a").click();
            assertThat(page.locator("#trend svg")).isVisible();
            screenshot(page, "07-rankings-after");
        }
    }

    @Test
    @Order(5)
    void aReporterIsRefusedByTheServerWhereTheRoomGoesAndForAnotherUnitsItems() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            assertThat(page.locator("#menu")).not().containsText("收件箱");
            String csrf = csrfCookie(context);

            APIResponse otherUnit = context.request().get(gateway + "/api/intake/items?unitId=U007");
            assertThat(otherUnit.status()).as(otherUnit.text()).isEqualTo(403);
            assertThat(otherUnit.text()).contains("只能查看本单位的信息");

            APIResponse voiding = context.request().post(gateway + "/api/intake/items/" + itemId + "/void",
                    RequestOptions.create().setHeader("X-XSRF-TOKEN", csrf).setHeader("Content-Type", "application/json")
                            .setData("{\"reason\":\"试图作废\"}"));
            assertThat(voiding.status()).as(voiding.text()).isEqualTo(403);

            APIResponse adoption = context.request().post(gateway + "/api/adoption/items/" + itemId + "/records",
                    RequestOptions.create().setHeader("X-XSRF-TOKEN", csrf).setHeader("Content-Type", "application/json")
                            .setData("{\"kind\":\"STATE_COUNCIL_ADOPTED\",\"effectiveDate\":\"2026-11-01\"}"));
            assertThat(adoption.status()).as(adoption.text()).isEqualTo(403);
        }
        try (BrowserContext context = newContext()) {
            signIn(context, "u007-reporter", false);
            APIResponse foreign = context.request().get(gateway + "/api/intake/items/" + itemId);
            assertThat(foreign.status()).as(foreign.text()).isIn(403, 404);
        }
    }

    @Test
    @Order(6)
    void aChangingCallWithoutTheCsrfTokenIsRefusedAndNoTokenReachesTheBrowser() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            APIResponse forged = context.request().post(gateway + "/api/intake/items",
                    RequestOptions.create().setHeader("Content-Type", "application/json").setData("{\"title\":\"伪造\"}"));
            assertThat(forged.status()).isEqualTo(403);

            List<Cookie> cookies = context.cookies(gateway);
            Cookie session = cookies.stream().filter(c -> c.name.equals("SESSION")).findFirst().orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).hasToString("LAX");
            assertThat(cookies).allSatisfy(c -> assertThat(c.value).doesNotStartWith("eyJ"));
            Object storage = page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
            assertThat(String.valueOf(storage)).doesNotContain("eyJ");

            APIResponse index = context.request().get(gateway + "/");
            assertThat(index.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
            assertThat(index.headers().get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(index.headers().get("referrer-policy")).isEqualTo("same-origin");
        }
    }

    @Test
    @Order(7)
    void signingOutEndsTheKeycloakSessionToo() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            page.locator("#logout").click();
            assertThat(page.locator("#login")).isVisible();
            assertThat(context.request().get(gateway + "/api/me").status()).isEqualTo(401);

            // with the Keycloak session ended, signing in again asks for the password again (no silent SSO)
            page.locator("#login").click();
            assertThat(page.locator("#username")).isVisible();
            screenshot(page, "08-keycloak-login-after-logout");
        }
    }

    @Test
    @Order(8)
    void aReturnedItemShowsTheRoomsOpinionToTheReporterWhoRevisesAndResubmits() {
        String title = "发改委推进营商环境改革（退回测试 " + Instant.now().toEpochMilli() + "）";
        String returnedId;
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            page.navigate(gateway + "/#/items/new");
            page.locator("#f-title").fill(title);
            page.locator("#f-category").selectOption("BRIEF");
            page.locator("#f-body").fill("我委推进营商环境改革。");
            page.locator("#f-polarity").selectOption("GOOD_NEWS");
            page.locator("#f-contactPhone").fill("13800000000");
            page.locator("#save-submit").click();
            page.waitForURL(SAVED_ITEM);
            returnedId = page.url().substring(page.url().lastIndexOf('/') + 1);
        }
        String opinion = "请补充改革前后办理时限的对比数据";
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/items/" + returnedId);
            page.locator("#return-item").click();
            // the reason is required: an empty one is refused in the dialog, which stays open
            page.locator("#reason-input").fill("   ");
            page.locator("#reason-ok").click();
            assertThat(page.locator("#reason-error")).hasText("请填写退回修改意见，不能为空。");
            assertThat(page.locator("#reason-dialog")).isVisible();
            screenshot(page, "09a-return-needs-an-opinion");
            giveReason(page, opinion);
            assertThat(page.locator("dl.facts")).containsText("退回修改");
        }
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "u006-reporter", false);
            page.navigate(gateway + "/#/items");
            page.locator(".tabs button[data-status=RETURNED]").click();
            assertThat(page.locator("tr[data-item='" + returnedId + "']")).containsText("退回修改");
            page.locator("tr[data-item='" + returnedId + "'] a").click();
            assertThat(page.locator(".revisions .opinion")).containsText(opinion);
            screenshot(page, "09-returned-item-with-opinion");

            page.locator("a[href='#/edit/" + returnedId + "']").click();
            page.locator("#f-body").fill("我委推进营商环境改革，企业开办时限由5个工作日压缩至1个工作日。");
            page.locator("#save-submit").click();
            page.waitForURL(url -> url.endsWith("#/items/" + returnedId));
            assertThat(page.locator("dl.facts")).containsText("已报送");
            assertThat(page.locator(".revisions li")).hasCount(2);
        }
    }

    /**
     * Through the portal's button to Keycloak's real login page and back, signed in when the header names the person.
     * (An intermittent hang here in CI was the gateway's HTTP server not reading a keep-alive connection; see
     * KeepAliveConnectionTest. {@link BrowserNetworkLog} names the request if anything like it happens again.)
     */
    /** On the item page the room shows: a 《鄂尔多斯政讯》 adoption recorded through its form. */
    static void recordBulletinAdoption(Page page, String issueNo) {
        page.locator("#a-kind").selectOption("CITY_BULLETIN_ADOPTED");
        page.locator("#a-pub").fill("鄂尔多斯政讯");
        page.locator("#a-issue").fill(issueNo);
        // adoption-tracking learns of the item from intake's events: until then it refuses, and the form says so
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            page.locator("#record-adoption").click();
            page.waitForTimeout(1000);
        } while (!page.locator("#adoptions").innerText().contains("鄂尔多斯政讯") && System.nanoTime() < deadline
                && page.locator("#record-adoption").count() > 0);
        assertThat(page.locator("#adoptions")).containsText("鄂尔多斯政讯");
    }

    static Page signIn(BrowserContext context, String username, boolean screenshotLogin) {
        String gateway = RunningSystem.stack().gatewayUrl();
        Page page = context.newPage();
        page.navigate(gateway + "/");
        page.locator("#login").click();
        page.locator("#username").fill(username);
        page.locator("#password").fill("Demo_2026");
        if (screenshotLogin) {
            screenshot(page, "00-keycloak-login");
        }
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(gateway));
        assertThat(page.locator("#user")).isVisible();
        return page;
    }

    /** Submission plus adoption points of U006 in the shown ranking (0 when not ranked yet). */
    private static int earnedByU006(Page page) {
        Locator row = page.locator("tr[data-unit=U006]");
        if (row.count() == 0) {
            return 0;
        }
        return Integer.parseInt(row.locator("td.submission").innerText().strip())
                + Integer.parseInt(row.locator("td.adoption").innerText().strip());
    }

    private static String csrfCookie(BrowserContext context) {
        return context.cookies(gateway).stream().filter(c -> c.name.equals("XSRF-TOKEN"))
                .map(c -> c.value).findFirst().orElseThrow();
    }
}
