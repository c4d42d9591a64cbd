package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The information room's circular in a real headless Chromium against the whole running system: the room drafts the
 * running quarter's circular and is told it is published only after the quarter ends, drafts last quarter's (an item
 * of the unit entered through the history import) and opens the review, a unit finds it, reads its own figures and
 * raises an objection (复核). While the window is open the room corrects and withdraws an adoption record on 采用与批示,
 * registers and withdraws a combined adoption, exports the list and finds an instruction whose follow-up is overdue;
 * the unit reads the instruction on its item and reports the follow-up. The room enters an item for 教体局, which
 * sends by e-mail (代录), finds it marked in the inbox and receives it, and the unit finds it in its own list marked
 * 代录; the room pages and sorts an inbox longer than a page, exports all of it, receives two items in one go and
 * voids three with one reason. Last, the room answers the objection and publishes once the window has closed, the
 * published DOCX downloads through the gateway, and a leader finds the circular and its workbook. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalRoomIT extends PortalJourney {

    private static final ZoneId BEIJING = BeijingTime.ZONE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "本单位11月被《鄂尔多斯政讯》采用1条，通报中未计入，请核实（门户测试 "
            + Instant.now().toEpochMilli() + "）";

    /** The quarter the journey's circular reports: the last one that has ended (a running one may not be published). */
    static String quarter;
    /** The quarter now running, which the room may draft but not publish. */
    static String runningQuarter;
    static String circularId;

    @BeforeAll
    static void theQuarters() {
        ZonedDateTime now = ZonedDateTime.now(BEIJING);
        runningQuarter = quarterOf(now);
        quarter = quarterOf(now.minusMonths(3));
    }

    private static String quarterOf(ZonedDateTime t) {
        return t.getYear() + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
    }

    /** The middle month of {@link #quarter}, e.g. 2026-08 for 2026-Q3. */
    private static String middleMonthOfQuarter() {
        int q = quarter.charAt(quarter.length() - 1) - '0';
        return quarter.substring(0, 4) + "-%02d".formatted(3 * q - 1);
    }

    @Test
    @Order(1)
    void aUnitWithAnItemReceivedLastQuarterStandsInTheGroupRanking() throws Exception {
        // the unit may object only when it stands in the circular's ranking: the room enters an item U007 sent by
        // e-mail last quarter through the history import (an item sent today would fall in the running quarter)
        String month = middleMonthOfQuarter();
        String csv = "unit,title,category,submitted_at,outcome,decided_at,forwarded_at,major_emergency,topics,void_reason,body\n"
                + "U007,交通局推进农村公路建设（通报测试 " + System.currentTimeMillis() + "）,BRIEF," + month
                + "-15 10:00,RECEIVED," + month + "-16 09:00,,否,,,交通局今年新建农村公路120公里。\n";
        try (BrowserContext context = newContext()) {
            PortalIT.signIn(context, "room-editor", false);
            String csrf = context.cookies(gateway).stream().filter(c -> c.name.equals("XSRF-TOKEN"))
                    .map(c -> c.value).findFirst().orElseThrow();
            APIResponse accepted = context.request().post(gateway + "/api/intake/imports", RequestOptions.create()
                    .setHeader("X-XSRF-TOKEN", csrf)
                    .setMultipart(FormData.create().set("file", new FilePayload("交通局补录.csv", "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            String batch = gateway + accepted.headers().get("location");
            // the import runs in the background: its batch says when it is done (in this thread: Playwright's objects
            // belong to the thread that made them)
            JsonNode view = await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> JSON.readTree(context.request().get(batch).text()), v -> v.get("done").asBoolean());
            assertThat(view.get("state").asString()).as(view.toString()).isEqualTo("DONE");
            assertThat(view.get("added").asInt()).isEqualTo(1);

            // scoring → reporting through Kafka: wait for the quarter's ranking of group 2 to name U007
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            boolean ranked = false;
            while (!ranked && System.nanoTime() < deadline) {
                APIResponse ranking = context.request().get(gateway + "/api/reporting/rankings?group=2&period=" + quarter);
                if (ranking.status() == 200) {
                    for (JsonNode row : JSON.readTree(ranking.text()).get("rows")) {
                        ranked |= row.get("unitId").asString().equals("U007") && row.get("receivedItems").asInt() > 0;
                    }
                }
                if (!ranked) {
                    Thread.sleep(1000); // polling the service for an asynchronous outcome, bounded by the deadline
                }
            }
            assertThat(ranked).as("U007 in the %s ranking of group 2", quarter).isTrue();
        }
    }

    @Test
    @Order(2)
    void theRoomDraftsTheQuartersCircularAndOpensTheReview() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/circulars");
            // the running quarter may be drafted as a preview; the page says it is published only after it ends
            chooseQuarter(page, "c-period", runningQuarter);
            page.locator("#create-circular").click();
            assertThat(page.locator("h1[data-status=DRAFT]")).isVisible();
            assertThat(page.locator("h1[data-circular]")).hasAttribute("data-circular", "QUARTERLY-" + runningQuarter + "-v1");
            assertThat(page.locator("#period-note")).containsText("尚未结束");
            PortalIT.screenshot(page, "20b-circular-running-quarter-draft");

            // the same quarter again: the service's Chinese refusal stands in the form
            page.navigate(gateway + "/#/circulars");
            chooseQuarter(page, "c-period", runningQuarter);
            page.locator("#create-circular").click();
            assertThat(page.locator("#circular-form .banner.error")).containsText("已存在");
            PortalIT.screenshot(page, "20-circular-draft-refused");

            chooseQuarter(page, "c-period", quarter);
            page.locator("#create-circular").click();
            assertThat(page.locator("h1[data-status=DRAFT]")).isVisible();
            circularId = page.locator("h1[data-circular]").getAttribute("data-circular");
            assertThat(circularId).isEqualTo("QUARTERLY-" + quarter + "-v1");
            assertThat(page.locator("section[data-group='2'] tr.unit-U007")).isVisible();
            PortalIT.screenshot(page, "21-circular-draft");

            // the window closes in one to two minutes: long enough for the unit to sign in and object (the next step,
            // about 10 s later), short enough that publishing (after the steps that do not need the circular) waits
            // little for it
            String closes = ZonedDateTime.now(BEIJING).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            page.locator("#review-closes").fill(closes);
            page.locator("#open-review").click();
            assertThat(page.locator("h1[data-status=IN_REVIEW]")).isVisible();
            assertThat(page.locator("#publish-circular")).isDisabled();
            PortalIT.screenshot(page, "22-circular-in-review");
        }
    }

    @Test
    @Order(3)
    void theUnitReadsItsOwnFiguresAndRaisesAnObjection() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u007-reporter", false);
            page.navigate(gateway + "/#/circulars");
            page.locator("[data-review='" + circularId + "'] a").click();
            assertThat(page.locator("#my-figures dd[data-figure='名次']")).not().isEmpty();
            page.locator("#raise-objection").click();
            page.locator("#objection-submit").click(); // empty reason: the service's refusal beside the field
            assertThat(page.locator("#objection-dialog #err-reason")).containsText("复核理由");
            PortalIT.screenshot(page, "23a-unit-objection-refused");
            page.locator("#o-reason").fill(REASON);
            page.locator("#objection-submit").click();
            assertThat(page.locator("#objection-dialog")).isHidden();
            assertThat(page.locator("#my-figures tr.objection-open")).containsText(REASON);
            PortalIT.screenshot(page, "23-unit-objection");
            page.setViewportSize(390, 844);
            PortalIT.screenshot(page, "23b-unit-objection-phone");
        }
    }

    @Test
    @Order(4)
    void theUnitAttachesAPictureToADraftAndFilesItsRulesLate() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u007-reporter", false);
            APIResponse draft = changing(context, "/api/intake/items", """
                    {"title":"交通局农村公路养护（附件测试）","body":"正文","category":"BRIEF","eventDate":"%s",
                     "reporterName":"测试","contactPhone":"0477-7620000","polarity":"GOOD_NEWS"}
                    """.formatted(ZonedDateTime.now(BEIJING).toLocalDate()));
            assertThat(draft.status()).as(draft.text()).isEqualTo(201);
            String draftId = JSON.readTree(draft.text()).get("id").asString();
            page.navigate(gateway + "/#/edit/" + draftId);

            // a text file named .pdf passes the page's check (extension, size) and intake refuses it by its bytes
            page.locator("#att-file").setInputFiles(new FilePayload("伪装.pdf", "application/pdf",
                    "not a pdf".getBytes(StandardCharsets.UTF_8)));
            page.locator("#upload-attachment").click();
            assertThat(page.locator("#err-file")).containsText("附件");
            assertThat(page.locator("#attachment-form [data-field=file]")).hasClass(Pattern.compile("invalid"));

            page.locator("#att-file").setInputFiles(new FilePayload("现场照片.png", "image/png", PNG));
            page.locator("#upload-attachment").click();
            assertThat(page.locator("#attachments li[data-attachment]")).containsText("现场照片.png");
            APIResponse file = context.request().get(gateway + page.locator("#attachments li[data-attachment] a")
                    .getAttribute("href"));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(PNG);
            PortalIT.screenshot(page, "30-item-attachment");

            page.navigate(gateway + "/#/filings");
            page.locator("#file-rules").click(); // nothing filled: both messages beside their fields
            assertThat(page.locator("#err-title")).containsText("名称");
            assertThat(page.locator("#err-file")).containsText("请选择");
            page.locator("#filing-title").fill("交通运输局政务信息工作制度");
            page.locator("#filing-file").setInputFiles(new FilePayload("信息工作制度.pdf", "application/pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
            page.locator("#file-rules").click();
            // after 31 July of the year the filing counts as late
            assertThat(page.locator("#my-filing[data-status=" + expectedFiling() + "]"))
                    .containsText("交通运输局政务信息工作制度");
            PortalIT.screenshot(page, "31-unit-filing");
        }
    }

    @Test
    @Order(5)
    void theRoomSeesWhoFiledAndTheStatisticsOfTheQuarter() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/filings");
            assertThat(page.locator("#filing-table tr.unit-U007 [data-status]")).hasAttribute("data-status", expectedFiling());
            if (expectedFiling().equals("FILED_LATE")) {
                assertThat(page.locator("#filing-table tr.unit-U006 [data-status]")).hasAttribute("data-status", "OVERDUE");
                page.locator(".tabs button[data-filter=OVERDUE]").click();
                page.waitForURL(url -> url.contains("status=OVERDUE"));
                assertThat(page.locator("#filing-table tr.unit-U006")).isVisible();
                assertThat(page.locator("#filing-table tr.unit-U007")).hasCount(0);
            }
            PortalIT.screenshot(page, "32-room-filings");

            // reporting learns of the received item through Kafka: load the page again until the unit's line has it
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Locator received = page.locator("#stat-table tr.unit-U007 td.received");
            int load = 0;
            do {
                page.navigate(gateway + "/#/statistics?period=" + quarter + "&load=" + (++load));
                page.locator("h1[data-period='" + quarter + "']").waitFor();
                page.locator("#stat-result, #stat-empty").first().waitFor();
            } while ((received.count() == 0 || received.innerText().strip().equals("0")) && System.nanoTime() < deadline);
            assertThat(received).not().hasText("0");
            // the chart draws what the table says
            assertThat(page.locator("#stat-units")).hasAttribute("data-values",
                    Pattern.compile("(^|;)U007=" + received.innerText().strip() + "(;|$)"));
            assertThat(page.locator("#stat-table .el-table__footer")).containsText("合计");

            assertThat(page.locator("#stat-summary [data-stat=received]")).isVisible();
            PortalIT.screenshot(page, "33-statistics");
            page.setViewportSize(390, 844);
            PortalIT.screenshot(page, "33b-statistics-phone");
        }
    }

    @Test
    @Order(6)
    void theAdministratorEditsAUnitAndSeesIntakesMessageBesideTheField() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "admin", false);
            page.navigate(gateway + "/#/units");
            assertThat(page.locator("#unit-count")).containsText("个单位");
            PortalIT.screenshot(page, "34a-units");
            // the filter goes into the address: the list after saving is the one left
            page.locator("#unit-filter-name").fill("U052");
            page.locator("#unit-filter-name").press("Enter");
            page.waitForURL(url -> url.endsWith("#/units?name=U052"));
            assertThat(page.locator("#unit-table .el-table__body tr")).hasCount(1);
            page.locator("a[data-edit=U052]").click();
            assertThat(page.locator("#unit-form h2")).containsText("U052");
            String name = page.locator("#u-name").inputValue();
            page.locator("#u-name").fill(" ");
            page.locator("#save-unit").click();
            assertThat(page.locator("#unit-form #err-name")).containsText("单位名称");
            assertThat(page.locator("#unit-form [data-field=name]")).hasClass(Pattern.compile("invalid"));
            PortalIT.screenshot(page, "34-unit-edit-refused");

            // leaving asks first; 取消 sends nothing
            page.locator("#u-name").fill(name);
            page.locator("#u-active").uncheck();
            page.locator("#save-unit").click();
            assertThat(page.locator("#confirm-message")).containsText("退出");
            PortalIT.screenshot(page, "34b-unit-leave-asked");
            page.locator("#confirm-cancel").click();
            assertThat(page.locator("#confirm-dialog")).isHidden();
            page.locator("#u-active").check();

            // renamed and moved to 第二组 from this month, the group chosen by its name
            page.locator("#u-name").fill(name + "（改）");
            page.locator(".el-select").filter(new Locator.FilterOptions().setHas(page.locator("#u-group"))).click();
            page.locator(".el-select-dropdown__item:visible")
                    .filter(new Locator.FilterOptions().setHasText("第二组（旗直部门、驻旗单位）")).click();
            page.locator("#save-unit").click();
            page.waitForURL(url -> url.endsWith("#/units?name=U052"));
            assertThat(page.locator("#app .banner.ok")).containsText("已保存 " + name + "（改）");
            Locator row = page.locator("#unit-table tr.unit-U052");
            assertThat(row).containsText(name + "（改）");
            assertThat(row.locator("td").nth(2)).hasText("第二组");
            String month = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy年M月"));
            assertThat(row.locator(".spans")).containsText("；第二组 " + month + "起");
            PortalIT.screenshot(page, "35-unit-moved");

            page.locator("a[data-edit=U052]").click();
            page.locator("#u-name").fill(name);
            page.locator("#save-unit").click();
            assertThat(page.locator("#unit-table tr.unit-U052 td").nth(1)).hasText(name);

            // the whole directory on a phone
            page.navigate(gateway + "/#/units");
            page.setViewportSize(375, 812);
            assertThat(page.locator("#unit-table tr.unit-U001")).isVisible();
            PortalIT.screenshot(page, "36-units-phone");
        }
    }


    @Test
    @Order(20) // after the steps that do not need the circular, which run while its review window is open
    void theRoomAnswersTheObjectionPublishesAndDownloadsTheDocx() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/circulars/" + circularId);
            Locator objection = page.locator("#objections tr.objection-open");
            assertThat(objection).containsText(REASON);
            assertThat(page.locator("#publish-circular")).isDisabled();
            objection.locator("button[data-resolve]").click();
            page.locator("#resolution-dialog [data-resolution=DISMISSED]").click();
            page.locator("#r-reply").fill("经核实，该条采用日期为12月，计入下一季度。");
            page.locator("#resolution-submit").click();
            assertThat(page.locator("#resolution-dialog")).isHidden();
            assertThat(page.locator("#objections [data-resolved=DISMISSED]")).isVisible();
            PortalIT.screenshot(page, "24-objection-answered");

            // the page enables 发布 by itself when the review window closes (at most two minutes from its opening)
            page.locator("#publish-circular[data-ready=true]")
                    .waitFor(new Locator.WaitForOptions().setTimeout(240_000));
            page.locator("#publish-circular").click();
            assertThat(page.locator("#confirm-dialog")).isVisible(); // 发布 freezes the figures: asked first
            assertThat(page.locator("#confirm-message")).containsText("发布后数据冻结");
            PortalIT.screenshot(page, "24b-circular-publish-confirm");
            page.locator("#confirm-ok").click();
            assertThat(page.locator("h1[data-status=PUBLISHED]")).isVisible();
            assertThat(page.locator("dl.facts")).containsText("鄂前政办信〔");
            PortalIT.screenshot(page, "25-circular-published");

            Download download = page.waitForDownload(() -> page.locator("a[data-download=docx]").first().click());
            byte[] bytes = Files.readAllBytes(download.path());
            assertThat(download.suggestedFilename()).endsWith(".docx");
            assertThat(bytes).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
            assertThat(zipEntries(bytes)).contains("word/document.xml", "[Content_Types].xml");

            page.navigate(gateway + "/#/circulars");
            assertThat(page.locator("#circular-list tr:has(a[data-circular='" + circularId + "']) [data-status=PUBLISHED]"))
                    .isVisible();
            PortalIT.screenshot(page, "26-circular-list");

            // a later correction is a new version, a draft again, that names the version it corrects
            page.locator("a[data-circular='" + circularId + "']").click();
            page.locator("#correct-circular").click();
            giveReason(page, "教体局11月采用信息漏计，更正积分");
            String correction = circularId.replace("-v1", "-v2");
            assertThat(page.locator("h1[data-circular='" + correction + "'][data-status=DRAFT]")).isVisible();
            assertThat(page.locator("dl.facts a[href='#/circulars/" + circularId + "']")).isVisible();
            assertThat(page.locator("dl.facts")).containsText("教体局11月采用信息漏计");
            PortalIT.screenshot(page, "27-circular-correction-draft");
        }
    }

    @Test
    @Order(21)
    void aLeaderListsThePublishedCircularAndDownloadsItsWorkbook() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "banner-leader", false);
            page.navigate(gateway + "/#/circulars");
            Locator row = page.locator("#circular-list tr:has(a[data-circular='" + circularId + "'])");
            assertThat(row.locator("[data-status=PUBLISHED]")).isVisible();
            assertThat(page.locator("#circular-form")).hasCount(0); // drafting is the room's
            Download download = page.waitForDownload(() -> row.locator("a[data-download=xlsx]").click());
            byte[] bytes = Files.readAllBytes(download.path());
            assertThat(download.suggestedFilename()).endsWith(".xlsx");
            assertThat(zipEntries(bytes)).contains("xl/workbook.xml");
            page.setViewportSize(390, 844);
            PortalIT.screenshot(page, "28-leader-circulars-phone");
        }
    }

    /** Two items of U007 received today: A carries an adoption and an instruction, A and B a combined adoption. */
    static String itemA;
    static String itemB;
    static String instructionRecordId;

    @Test
    @Order(7)
    void theRoomCorrectsAndWithdrawsAnAdoptionRecordAndRegistersAndWithdrawsACombinedAdoption() throws Exception {
        // runs while the circular's review window is open: these records are dated today, after the quarter
        long stamp = System.currentTimeMillis();
        try (BrowserContext unit = newContext()) {
            PortalIT.signIn(unit, "u007-reporter", false);
            itemA = submitted(unit, "交通局农村客运班线通达全部行政村（采用测试 " + stamp + "）",
                    "全旗68个行政村全部开通农村客运班线，群众出行更方便。");
            itemB = submitted(unit, "交通局冬季道路保畅有力有序（采用测试 " + stamp + "）",
                    "入冬以来出动除雪车辆120台次，主要道路未出现长时间拥堵。");
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            for (String item : List.of(itemA, itemB)) {
                APIResponse received = changing(context, "/api/intake/items/" + item + "/receive", "{}");
                assertThat(received.status()).as(received.text()).isEqualTo(200);
            }
            // the adoption through the item page's form; adoption-tracking hears of the receipt through Kafka
            page.navigate(gateway + "/#/items/" + itemA);
            PortalIT.recordBulletinAdoption(page, "第21期");
            String adoptionRecordId = recordIdOf(context, itemA, "CITY_BULLETIN_ADOPTED");

            // the instruction with a follow-up already past due (the item page's form asks no follow-up); yesterday
            // lies in the circular's quarter only on a quarter's first day
            var yesterday = ZonedDateTime.now(BEIJING).toLocalDate().minusDays(1);
            APIResponse instruction = changing(context, "/api/adoption/items/" + itemA + "/records", """
                    {"kind":"CITY_LEADER_INSTRUCTION","effectiveDate":"%s","leader":"张副市长",
                     "text":"农村客运全覆盖的做法很好，请总结经验。","followUp":{"action":"报送经验总结和推广情况","dueDate":"%s"}}
                    """.formatted(yesterday, yesterday));
            assertThat(instruction.status()).as(instruction.text()).isEqualTo(201);
            instructionRecordId = recordIdOf(context, itemA, "CITY_LEADER_INSTRUCTION");
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(500))
                    .until(() -> context.request().get(gateway + "/api/adoption/items/" + itemB).status() == 200);

            page.navigate(gateway + "/#/adoptions");
            Locator adopted = page.locator(".record-state[data-record='" + adoptionRecordId + "']");
            assertThat(adopted).hasAttribute("data-state", "VALID");
            assertThat(page.locator("#adoption-table")).containsText("张副市长");
            assertThat(page.locator("#adoption-table")).containsText("农村客运全覆盖的做法很好");
            screenshot(page, "40-adoption-records");

            // 更正: the record's fields prefilled; without a reason the dialog says so beside the field
            page.locator("button[data-action=correct][data-record='" + adoptionRecordId + "']").click();
            assertThat(page.locator("#r-issue")).hasValue("第21期");
            page.locator("#r-issue").fill("第22期");
            page.locator("#record-save").click();
            assertThat(page.locator("#record-dialog .el-form-item__error")).containsText("请填写更正原因");
            screenshot(page, "41-adoption-correction-refused");
            page.locator("#r-reason").fill("期号录入有误，应为第22期");
            page.locator("#record-save").click();
            assertThat(page.locator("#record-dialog")).isHidden();
            assertThat(adopted).hasAttribute("data-state", "CORRECTED");
            assertThat(page.locator("#adoption-table")).containsText("第22期");
            screenshot(page, "42-adoption-corrected");

            page.locator("button[data-action=withdraw][data-record='" + adoptionRecordId + "']").click();
            giveReason(page, "该期为转载，不属本单位信息被采用，撤销");
            assertThat(adopted).hasAttribute("data-state", "WITHDRAWN");
            screenshot(page, "43-adoption-withdrawn");

            // 综合采用: A (the lead) and B in one 《每日要情》 issue
            page.locator("#combine-adoption").click();
            page.locator("#record-dialog .el-form-item:has(#r-kind) .el-select__wrapper").click();
            page.locator(".el-select-dropdown__item:visible")
                    .filter(new Locator.FilterOptions().setHasText("《每日要情》采用")).click();
            page.locator("#r-issue").fill("第301期");
            // the sources last: a multiple choice stays open until the person clicks elsewhere (the dialog's title)
            page.locator("#record-dialog .el-form-item:has(#r-sources) .el-select__wrapper").click();
            for (String title : List.of("农村客运班线通达全部行政村（采用测试 " + stamp, "冬季道路保畅有力有序（采用测试 " + stamp)) {
                page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(title))
                        .click();
            }
            page.locator("#record-dialog .el-dialog__title").click();
            assertThat(page.locator(".el-select-dropdown__item:visible")).hasCount(0);
            page.locator("#record-save").click();
            assertThat(page.locator("#record-dialog")).isHidden();
            assertThat(page.locator("[role=status]")).containsText("已登记综合采用（2 条来源信息）");
            Locator combinedOfB = page.locator("button[data-action=withdraw-combined][data-item='" + itemB + "']");
            assertThat(combinedOfB).isVisible();
            assertThat(page.locator("button[data-action=withdraw-combined][data-item='" + itemA + "']")).isVisible();
            screenshot(page, "44-combined-adoption");

            combinedOfB.click();
            giveReason(page, "两条信息并非同一期综合采用，撤销后分别登记");
            assertThat(page.locator("button[data-action=withdraw-combined]")).hasCount(0);
            screenshot(page, "45-combined-withdrawn");

            // 导出 Excel: the list as a workbook with a Chinese file name
            Download download = page.waitForDownload(() -> page.locator("#export-adoptions").click());
            assertThat(download.suggestedFilename()).startsWith("采用与批示记录").endsWith(".xlsx");
            List<List<String>> sheet = sheetRows(download);
            assertThat(sheet.get(0)).startsWith("信息标题", "报送单位");
            assertThat(sheet).anySatisfy(r -> assertThat(r).contains("张副市长"));
            assertThat(sheet).anySatisfy(r -> assertThat(r).contains("已撤销"));


            page.navigate(gateway + "/#/adoptions/overdue");
            assertThat(page.locator("#overdue-table a[data-item='" + itemA + "']")).isVisible();
            assertThat(page.locator("#overdue-table")).containsText("报送经验总结和推广情况");
            screenshot(page, "46-overdue-follow-ups");
        }
    }

    @Test
    @Order(8)
    void theUnitReadsTheInstructionAndReportsItsFollowUp() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u007-reporter", false);
            page.navigate(gateway + "/#/items/" + itemA);
            assertThat(page.locator("#adoptions .instruction-leader")).containsText("张副市长");
            assertThat(page.locator("#adoptions .instruction-text")).containsText("农村客运全覆盖的做法很好");
            page.locator("#adoptions a.follow-up-link").click();
            Locator instruction = page.locator("section[data-record='" + instructionRecordId + "']");
            assertThat(instruction).containsText("已逾期，尚未报告");
            instruction.locator(".report-follow-up").click(); // nothing written: refused beside the field
            assertThat(instruction.locator(".el-form-item__error")).containsText("请填写落实情况");
            instruction.locator("textarea").fill("已形成经验材料报市交通运输局，并在全旗交通工作会上推广。");
            instruction.locator(".report-follow-up").click();
            assertThat(page.locator("[role=status]")).containsText("已报告落实情况");
            assertThat(instruction.locator(".follow-up-reports")).containsText("已形成经验材料");
            screenshot(page, "47-follow-up-reported");
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/adoptions/overdue");
            assertThat(page.locator("#overdue-count")).not().containsText("正在加载");
            assertThat(page.locator("#overdue-table a[data-item='" + itemA + "']")).hasCount(0);
        }
    }

    /** A unit's item drafted and submitted through the session's API; its id. */
    private static String submitted(BrowserContext unit, String title, String body) {
        APIResponse draft = changing(unit, "/api/intake/items", """
                {"title":"%s","body":"%s","category":"DYNAMIC","eventDate":"%s",
                 "reporterName":"测试","contactPhone":"0477-7620000","polarity":"GOOD_NEWS"}
                """.formatted(title, body, ZonedDateTime.now(BEIJING).toLocalDate()));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = JSON.readTree(draft.text()).get("id").asString();
        APIResponse submit = changing(unit, "/api/intake/items/" + id + "/submit", null);
        assertThat(submit.status()).as(submit.text()).isEqualTo(200);
        return id;
    }

    /** The id of the item's record of that kind, as adoption-tracking answers it. */
    private static String recordIdOf(BrowserContext context, String itemId, String kind) {
        JsonNode view = JSON.readTree(context.request().get(gateway + "/api/adoption/items/" + itemId).text());
        for (JsonNode r : view.get("records")) {
            if (r.get("kind").asString().equals(kind)) {
                return r.get("recordId").asString();
            }
        }
        throw new AssertionError("no " + kind + " record on " + itemId + ": " + view);
    }

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** Filed after 31 July (Beijing) of the year counts as late. */
    private static String expectedFiling() {
        return ZonedDateTime.now(BEIJING).getMonthValue() >= 8 ? "FILED_LATE" : "FILED";
    }

    /** The title of the item the room enters for 教体局 (代录), unique per run. */
    static final String ON_BEHALF_TITLE = "教体局：全旗中小学开展冬季安全教育（代录 " + System.currentTimeMillis() + "）";
    static String onBehalfItem;

    @Test
    @Order(12)
    void theRoomEntersAnItemForAUnitThatSentItByEmailAndReceivesIt() {
        // the e-mail came in earlier today (Beijing); just after midnight, at midnight
        ZonedDateTime now = ZonedDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime sent = now.minusHours(1).toLocalDate().equals(now.toLocalDate()) ? now.minusHours(1)
                : now.truncatedTo(ChronoUnit.DAYS);
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.locator("#menu a[href='#/items/on-behalf']").click();
            assertThat(page.locator("h1")).hasText("代录信息");
            // the unit by its name, typed into the filterable select
            page.locator("#ob-unitId").click();
            page.locator("#ob-unitId").fill("教体");
            page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText("教体局")).click();
            page.locator("#ob-sentAt").fill(sent.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            page.locator("#ob-sentAt").press("Enter");
            page.locator("#ob-title").fill(ON_BEHALF_TITLE);
            page.locator("#ob-category").selectOption("DYNAMIC");
            page.locator("#ob-body").fill("12月，全旗各中小学开展冬季安全教育，覆盖学生1.2万人。");
            page.locator("#ob-reporterName").fill("教体局信息员");
            page.locator("#ob-contactPhone").fill("0477-7622031");
            page.locator("#ob-polarity").selectOption("GOOD_NEWS");
            screenshot(page, "60-room-enters-on-behalf");
            page.locator("#on-behalf-save").click();

            // the item's page: the unit's, submitted at the e-mail's time, marked 代录 with who and when
            page.waitForURL(Pattern.compile(".*#/items/[0-9a-f-]{36}$"));
            onBehalfItem = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(page.locator("dl.facts")).containsText("教体局");
            assertThat(page.locator("dl.facts")).containsText("已报送");
            assertThat(page.locator("#on-behalf-mark")).containsText("代录（信息室 ");
            assertThat(page.locator("dl.facts")).containsText(Pattern.compile(
                    "0?" + sent.getHour() + ":" + sent.format(DateTimeFormatter.ofPattern("mm")) + ":00"));
            screenshot(page, "61-on-behalf-item");

            // in the inbox, marked 代录
            page.navigate(gateway + "/#/inbox");
            page.locator("#inbox-filters input[name=q]").fill(ON_BEHALF_TITLE);
            page.locator("#inbox-filters button[type=submit]").click();
            Locator row = itemRow(page, onBehalfItem);
            assertThat(row).containsText("已报送");
            assertThat(row.locator(".on-behalf")).containsText("代录（信息室 ");
            screenshot(page, "62-inbox-on-behalf");

            // received like any item the unit sent itself
            row.locator("a").first().click();
            page.locator("#receive-item").click();
            assertThat(page.locator(".banner.ok")).containsText("接收成功");
            assertThat(page.locator("dl.facts")).containsText("已接收");
            assertThat(page.locator("#on-behalf-mark")).containsText("代录");
            screenshot(page, "63-on-behalf-received");
        }
    }

    @Test
    @Order(13)
    void theUnitSeesTheItemTheRoomEnteredForItInItsOwnListMarked() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "u007-reporter", false);
            page.navigate(gateway + "/#/items");
            Locator row = itemRow(page, onBehalfItem);
            assertThat(row).containsText("已接收");
            assertThat(row.locator(".on-behalf")).containsText("代录（信息室 ");
            screenshot(page, "64-unit-list-on-behalf");
        }
    }

    static final String BATCH_TAG = "批量处理测试 " + System.currentTimeMillis();

    @Test
    @Order(14)
    void theRoomPagesAndSortsItsInboxAndReceivesAndVoidsItemsInBatches() throws Exception {
        // more items than a page holds, all of one run: the keyword finds exactly these
        List<String> ids = new ArrayList<>();
        try (BrowserContext unit = newContext()) {
            PortalIT.signIn(unit, "u007-reporter", false);
            for (int i = 1; i <= 21; i++) {
                ids.add(submitted(unit, "教体局：%s 第%02d条".formatted(BATCH_TAG, i),
                        "用于收件箱分页、排序与批量处理的测试信息，第" + i + "条。"));
            }
        }
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/inbox");
            page.locator("#inbox-filters input[name=q]").fill(BATCH_TAG);
            page.locator("#inbox-filters button[type=submit]").click();
            Locator titles = page.locator("#item-table a.item-title");
            assertThat(page.locator("#item-count")).hasText("共 21 条");
            assertThat(titles).hasCount(20);
            assertThat(titles.first()).containsText("第21条"); // newest first

            // 导出 Excel: the whole filtered list, not only the page shown
            Download exported = page.waitForDownload(() -> page.locator("#app .export-xlsx").click());
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(exported.path()))) {
                assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(21);
            }

            // by title, in the address
            page.locator("#item-table thead th", new Page.LocatorOptions().setHasText("标题")).locator(".sort-caret.ascending").click();
            page.waitForURL(Pattern.compile(".*sort=title&order=asc.*"));
            assertThat(titles.first()).containsText("第01条");
            screenshot(page, "65-inbox-sorted-by-title");

            page.locator("#item-pager .btn-next").click();
            page.waitForURL(Pattern.compile(".*page=2.*"));
            assertThat(titles).hasCount(1);
            assertThat(titles.first()).containsText("第21条");
            screenshot(page, "66-inbox-page-2");
            // 后退 returns to the first page with the same filters and sort
            page.goBack();
            assertThat(titles).hasCount(20);
            assertThat(titles.first()).containsText("第01条");

            // two chosen, received in one go
            itemRow(page, ids.get(0)).locator(".el-checkbox").click();
            itemRow(page, ids.get(1)).locator(".el-checkbox").click();
            assertThat(page.locator("#batch-receive")).containsText("批量接收（2 条）");
            page.locator("#batch-receive").click();
            Locator summary = page.locator("#batch-summary");
            assertThat(summary).hasAttribute("data-done", "2");
            assertThat(summary).hasAttribute("data-failed", "0");
            assertThat(summary).containsText("已接收 2 条");
            screenshot(page, "67-inbox-batch-received");
            // 已报送 no longer lists them
            assertThat(page.locator("#item-count")).hasText("共 19 条");
            assertThat(itemRow(page, ids.get(0))).hasCount(0);
            assertThat(titles.first()).containsText("第03条");
            screenshot(page, "68-inbox-after-batch-receive");

            // every status: the two received and one still sent, voided with one reason after a confirmation
            page.navigate(gateway + "/#/inbox?status=all&q=" + URLEncoder.encode(BATCH_TAG, StandardCharsets.UTF_8)
                    + "&sort=title&order=asc");
            assertThat(itemRow(page, ids.get(0))).containsText("已接收");
            for (int i = 0; i < 3; i++) {
                itemRow(page, ids.get(i)).locator(".el-checkbox").click();
            }
            assertThat(page.locator("#batch-receive")).containsText("批量接收（1 条）");
            page.locator("#batch-void").click();
            Locator dialog = page.locator("#void-dialog");
            assertThat(dialog).isVisible();
            assertThat(dialog.locator(".void-titles li")).hasCount(3);
            page.locator("#void-confirm").click();
            assertThat(page.locator("#err-void-reason")).hasText("请填写作废原因");
            page.locator("#void-reason").fill("同一事项重复报送（门户批量作废测试）");
            screenshot(page, "69-inbox-batch-void-reason");
            page.locator("#void-confirm").click();
            assertThat(summary).hasAttribute("data-done", "3");
            assertThat(summary).containsText("已作废 3 条");
            for (int i = 0; i < 3; i++) {
                assertThat(itemRow(page, ids.get(i))).containsText("已作废");
            }
            screenshot(page, "70-inbox-batch-voided");

            // the rest of the run's items leave the inbox, so later journeys find theirs on the first page
            for (String id : ids.subList(3, ids.size())) {
                APIResponse voided = changing(context, "/api/intake/items/" + id + "/void",
                        "{\"reason\":\"测试数据，作废\"}");
                assertThat(voided.status()).as(voided.text()).isEqualTo(200);
            }
        }
    }

    private static APIResponse changing(BrowserContext context, String path, String json) {
        String csrf = context.cookies(gateway).stream().filter(c -> c.name.equals("XSRF-TOKEN"))
                .map(c -> c.value).findFirst().orElseThrow();
        RequestOptions options = RequestOptions.create().setHeader("X-XSRF-TOKEN", csrf);
        if (json != null) {
            options.setHeader("Content-Type", "application/json").setData(json);
        }
        return context.request().post(gateway + path, options);
    }

    /**
     * Chooses a quarter ({@code 2026-Q4}) in a page's period picker as a person does: the year in the picker's year
     * panel when it differs, then the quarter in its list; the picker then carries the code in {@code data-period}.
     */
    static void chooseQuarter(Page page, String prefix, String code) {
        Locator picker = page.locator(".period-picker:has(#" + prefix + "-quarter)");
        String shown = picker.getAttribute("data-period");
        if (!code.equals(shown)) {
            String year = code.substring(0, 4);
            if (!shown.startsWith(year)) {
                page.locator("#" + prefix + "-year").click();
                page.locator(".el-year-table:visible .cell").getByText(year, new Locator.GetByTextOptions().setExact(true)).click();
            }
            picker.locator(".quarter .el-select__wrapper").click();
            String name = "第" + "一二三四".charAt(code.charAt(code.length() - 1) - '1') + "季度";
            page.locator(".el-select-dropdown__item:visible").getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
        }
        assertThat(picker).hasAttribute("data-period", code);
    }

    private static List<String> zipEntries(byte[] bytes) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
