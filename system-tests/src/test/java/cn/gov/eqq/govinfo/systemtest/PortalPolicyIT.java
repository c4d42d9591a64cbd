package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 积分标准 page in a real headless Chromium against the whole running system: a leader reads the version in force
 * in Chinese; the room runs a what-if for last quarter and cannot save; the administrator drafts from the version in
 * force with a changed group-3 tier, is stopped by an empty cell beside it, runs the what-if, saves after confirming
 * and finds the new version in the list. The draft takes effect on 2027-07-01, so no score any other test on the
 * shared system reads changes. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalPolicyIT extends PortalJourney {

    /** Version numbers are letters, digits, dots, underscores and hyphens (scoring's rule), at most 40. */
    private static final String VERSION = "2027-07-" + Instant.now().toEpochMilli();

    @Test
    @Order(1)
    void aLeaderReadsTheVersionInForceInChineseWithoutTheDraftForm() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "banner-leader", false);
            page.navigate(gateway + "/#/policies");
            assertThat(page.locator("#menu a[href='#/policies']")).hasText("积分标准");
            assertThat(page.locator("#policy-view")).isVisible();
            assertThat(page.locator("#policy-list tr.selected")).containsText("现行");
            assertThat(page.locator("#policy-view h3")).containsText(new String[] {"类别积分", "转报积分", "采用/批示各类积分",
                "约稿加分", "各组每月报送任务", "各组扣分档次及未报送扣分", "综合采用计分方式"});
            assertThat(page.locator("#policy-combined")).hasText(Pattern.compile("每条来源信息均计分|只计首条来源信息"));
            assertThat(page.locator("#policy-shortfall tr.group-3")).containsText("第三组");
            String text = page.locator("#app").innerText();
            assertThat(text).doesNotContain("BRIEF", "CITY_BULLETIN_ADOPTED", "LEAD_ONLY", "FULL");
            assertThat(page.locator("#draft-form")).hasCount(0);
            PortalIT.screenshot(page, "60-policy-leader-reads");
        }
    }

    @Test
    @Order(2)
    void theRoomRunsAWhatIfForLastQuarterAndHasNoSaveButton() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/policies");
            assertThat(page.locator("#draft-form")).isVisible();
            assertThat(page.locator("#save-draft")).hasCount(0);
            // the picker starts at last quarter; the draft takes effect on its first day
            LocalDate today = LocalDate.now(BeijingTime.ZONE);
            LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
            assertThat(page.locator("#what-if-period .period-picker")).hasAttribute("data-period",
                    quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1));
            page.locator("#p-effectiveFrom").fill(quarterStart.toString());
            page.locator("#p-effectiveFrom").press("Enter");
            page.locator("#p-version").fill("room-trial");
            page.locator("#t-3-0-deduction").fill("9");
            page.locator("#run-what-if").click();
            assertThat(page.locator("#what-if-table")).isVisible();
            assertThat(page.locator("#what-if-table thead")).containsText("原积分");
            assertThat(page.locator("#what-if-table thead")).containsText("试算积分");
            assertThat(page.locator("#what-if-table thead")).containsText("差额");
            assertThat(page.locator("#what-if-table tbody tr").count()).isPositive();
            PortalIT.screenshot(page, "61-policy-room-what-if");
        }
    }

    @Test
    @Order(3)
    void theAdministratorDraftsTriesAndSavesAVersionThatThenStandsInTheList() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "admin", false);
            page.navigate(gateway + "/#/policies");
            assertThat(page.locator("#draft-form")).isVisible();
            String before = page.locator("#t-3-0-deduction").inputValue();
            page.locator("#p-effectiveFrom").fill("2027-07-01");
            page.locator("#p-effectiveFrom").press("Enter");
            page.locator("#p-version").fill(VERSION);
            page.locator("#p-source").fill("门户测试");
            // an empty points cell: refused beside the cell before anything is sent
            page.locator("#t-3-0-deduction").fill("");
            page.locator("#run-what-if").click();
            assertThat(page.locator("#err-tier-3-0-deduction")).hasText("请填写分值");
            assertThat(page.locator("#draft-messages .banner")).isVisible();
            PortalIT.screenshot(page, "62-policy-admin-field-error");

            page.locator("#t-3-0-deduction").fill(String.valueOf(Integer.parseInt(before) + 1));
            int tiers = page.locator("#tiers-3 .tier-row").count();
            page.locator("#add-tier-3").click();
            assertThat(page.locator("#tiers-3 .tier-row")).hasCount(tiers + 1);
            page.locator("#tiers-3 .tier-row").last().locator(".remove-tier").click(); // the extra row goes again, once confirmed
            assertThat(page.locator("#confirm-message")).containsText("删除第三组第" + (tiers + 1) + "档");
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#tiers-3 .tier-row")).hasCount(tiers);
            page.locator("#run-what-if").click();
            assertThat(page.locator("#what-if-table")).isVisible();
            assertThat(page.locator("#err-tier-3-0-deduction")).isEmpty();
            PortalIT.screenshot(page, "63-policy-admin-what-if");

            page.locator("#save-draft").click();
            assertThat(page.locator("#confirm-dialog")).isVisible();
            assertThat(page.locator("#confirm-message")).containsText("2027-07-01");
            PortalIT.screenshot(page, "64-policy-admin-confirm");
            page.locator("#confirm-ok").click();

            assertThat(page.locator("#app .banner.ok")).containsText(VERSION);
            assertThat(page.locator("#policy-list tr.selected")).containsText(VERSION);
            assertThat(page.locator("#policy-list tr.selected")).containsText("2027-07-01");
            assertThat(page.locator("#policy-list tr.selected")).containsText("待生效");
            assertThat(page.locator("#policy-view")).containsText(VERSION);
            assertThat(page.locator("#policy-shortfall tr.group-3"))
                    .containsText("扣 " + (Integer.parseInt(before) + 1) + " 分");
            PortalIT.screenshot(page, "65-policy-admin-saved");
        }
    }
}
