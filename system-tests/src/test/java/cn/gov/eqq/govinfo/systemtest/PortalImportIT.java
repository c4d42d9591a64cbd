package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 历史补录 in a real headless Chromium against the whole running system, as the room does it: it signs in, opens the
 * page, downloads the items template, uploads a file of past items with three mistakes and sees every one by row and
 * column in Chinese with nothing imported; it corrects the file, uploads it again and watches the background import
 * to 导入完成 with its counts; the imported items are then found in the inbox. The administrator sees the batch and has
 * no upload form. The items are of May 2024, a month no other system test reads. Screenshots go to
 * {@code target/screenshots/5*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalImportIT extends PortalJourney {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = String.valueOf(Instant.now().toEpochMilli());
    private static final String HEADER =
            "unit,title,category,submitted_at,outcome,decided_at,forwarded_at,major_emergency,topics,void_reason,body\n";
    private static final String FIRST = "住建局推进老旧小区改造（补录测试 " + RUN + "）";
    private static final String SECOND = "住建局开展燃气安全排查（补录测试 " + RUN + "）";
    private static final String THIRD = "住建局燃气排查情况（补录测试 " + RUN + "）";
    private static final Pattern BATCH_PAGE = Pattern.compile(".*#/imports/items/BATCH-[^/]+$");

    static String importedBatch;

    @Test
    @Order(1)
    void aFileWithMistakesShowsEveryRowErrorByRowAndColumnAndImportsNothing() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.locator("#menu a[href='#/imports']").click();
            assertThat(page.locator("#import-kinds a[data-kind=items]")).hasAttribute("aria-selected", "true");
            assertThat(page.locator("#import-explanation")).containsText("先导入报送信息，再导入采用与批示记录和约稿");

            Download template = page.waitForDownload(() -> page.locator("#import-template").click());
            String templateText = Files.readString(template.path(), StandardCharsets.UTF_8);
            assertThat(templateText).startsWith("\uFEFFunit,title,category,submitted_at,outcome");
            PortalIT.screenshot(page, "50-import-page");

            // row 3: a month 13; row 4: a unit not in the directory, and voided without a reason
            upload(page, "住建局2024年补录.csv", HEADER
                    + "U016," + FIRST + ",DYNAMIC,2024-05-20 10:30,RECEIVED,2024-05-21 09:00,,否,,,本月完成改造12个小区。\n"
                    + "住建局," + SECOND + ",DYNAMIC,2024-13-05 09:00,RECEIVED,,,否,,,开展燃气安全排查。\n"
                    + "住房建设局," + THIRD + ",BRIEF,2024-05-25 16:00,VOIDED,2024-05-26 09:00,,否,,,排查情况。\n");

            Locator status = page.locator("#import-status");
            assertThat(status).hasAttribute("data-state", "FAILED");
            assertThat(page.locator("#import-progress")).containsText("文件有 3 处错误，未导入任何数据");
            assertThat(errorRows(page)).containsExactly(
                    List.of("3", "报送时间"), List.of("4", "单位"), List.of("4", "作废理由"));
            assertThat(page.locator("#import-errors tbody tr").nth(1)).containsText("住房建设局");
            PortalIT.screenshot(page, "51-import-refused-row-errors");

            // nothing of the file was imported
            assertThat(inboxTitles(page)).doesNotContain(FIRST, SECOND, THIRD);
        }
    }

    @Test
    @Order(2)
    void theCorrectedFileIsImportedInTheBackgroundAndItsItemsAreFoundInTheInbox() {
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/imports");
            upload(page, "住建局2024年补录（已改）.csv", HEADER
                    + "U016," + FIRST + ",DYNAMIC,2024-05-20 10:30,RECEIVED,2024-05-21 09:00,,否,,,本月完成改造12个小区。\n"
                    + "住建局," + SECOND + ",DYNAMIC,2024-05-23 09:00,RECEIVED,,,否,,,开展燃气安全排查。\n"
                    + "U016," + THIRD + ",BRIEF,2024-05-25 16:00,VOIDED,2024-05-26 09:00,,否,,与本单位另一条信息重复,"
                    + "排查情况。\n");
            importedBatch = page.url().substring(page.url().lastIndexOf('/') + 1);

            assertThat(page.locator("#import-status")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#import-progress")).hasText("导入完成：共 3 行，新增 3 条，已存在 0 条（未重复导入）");
            assertThat(page.locator("#import-status progress")).hasAttribute("value", "100");
            Locator listed = batchRow(page, importedBatch);
            assertThat(listed.locator("[data-status]")).hasAttribute("data-status", "DONE");
            PortalIT.screenshot(page, "52-import-done");

            // the step after: the past items are in the inbox as the room received or voided them, and open
            assertThat(inbox(page, "VOIDED")).contains(THIRD);
            assertThat(inbox(page, "RECEIVED")).contains(FIRST, SECOND).doesNotContain(THIRD);
            PortalIT.screenshot(page, "53-imported-items-in-inbox");
            page.locator("a", new Page.LocatorOptions().setHasText(FIRST)).click();
            assertThat(page.locator("#app h1")).hasText(FIRST);
            assertThat(page.locator("dl.facts")).containsText("已接收");
            PortalIT.screenshot(page, "54-imported-item");
        }
    }

    @Test
    @Order(3)
    void theAdministratorSeesTheBatchButHasNoUploadForm() {
        assertThat(importedBatch).as("the batch imported by the room").isNotNull();
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "admin", false);
            page.locator("#menu a[href='#/imports']").click();
            Locator listed = batchRow(page, importedBatch);
            assertThat(listed).containsText("住建局2024年补录（已改）.csv");
            assertThat(page.locator("#import-form")).hasCount(0);
            assertThat(page.locator("#import-readonly")).containsText("由信息室上传");
            listed.locator("a").click();
            assertThat(page.locator("#import-progress")).hasText("导入完成：共 3 行，新增 3 条，已存在 0 条（未重复导入）");
            assertThat(page.locator("#import-form")).hasCount(0);
            PortalIT.screenshot(page, "55-import-admin-reads");
        }
    }

    /**
     * Adoption records and past commissions through the same page: a refused file with its row errors, then the
     * corrected one to 导入完成; an adoption line naming an item not received yet waits for it.
     */
    @Test
    @Order(4)
    void adoptionRecordsAndCommissionsAreImportedThroughTheSamePage() throws Exception {
        assertThat(importedBatch).as("the items imported by the room").isNotNull();
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            String itemId = itemIdOf(page, FIRST);
            page.navigate(gateway + "/#/imports");

            // the kind chooser is reached and used with the keyboard
            page.locator("#import-kinds a[data-kind=adoption]").focus();
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.endsWith("#/imports/adoption"));
            assertThat(page.locator("#import-kinds a[data-kind=adoption]")).hasAttribute("aria-selected", "true");
            assertThat(page.locator("#import-explanation")).containsText("待该信息接收后自动记入");
            assertThat(page.locator("#import-template")).hasAttribute("href", "/api/adoption/imports/template");

            String adoptionHeader = "item_id,unit,title,kind,publication,issue_no,date,leader,text,follow_up_action,"
                    + "follow_up_due\n";
            upload(page, "采用记录2024.csv", adoptionHeader
                    + itemId + ",,,CITY_BULLETIN_ADOPTED,鄂尔多斯政讯,2024年第20期,2024-02-30,,,,\n", "adoption");
            assertThat(page.locator("#import-status")).hasAttribute("data-state", "FAILED");
            assertThat(page.locator("#import-errors tbody tr").first()).containsText("日期");
            PortalIT.screenshot(page, "56-import-adoption-refused");

            // a line naming an item not received here yet waits for it
            upload(page, "采用记录2024（已改）.csv", adoptionHeader
                    + itemId + ",,,CITY_BULLETIN_ADOPTED,鄂尔多斯政讯,2024年第20期,2024-05-28,,,,\n"
                    + "IMP-000000000000" + RUN.substring(RUN.length() - 8) + ",,,CITY_BULLETIN_ADOPTED,鄂尔多斯政讯,"
                    + "2024年第21期,2024-05-30,,,,\n", "adoption");
            assertThat(page.locator("#import-status")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#import-progress")).containsText("共 2 行");
            assertThat(page.locator("#import-waiting")).hasAttribute("data-waiting", "1");
            PortalIT.screenshot(page, "57-import-adoption-waiting");

            page.locator("#import-kinds a[data-kind=commissions]").click();
            page.waitForURL(url -> url.endsWith("#/imports/commissions"));
            // the page is drawn again for the kind: the template link must be the commissions' one before it is used
            assertThat(page.locator("#import-template")).hasAttribute("href", "/api/commission/imports/template");
            Download template = page.waitForDownload(() -> page.locator("#import-template").click());
            String header = Files.readString(template.path(), StandardCharsets.UTF_8).replace("\uFEFF", "")
                    .lines().findFirst().orElseThrow();
            upload(page, "约稿2024.csv", commissionFile(header, "2024-04-31 17:00"), "commissions");
            assertThat(page.locator("#import-status")).hasAttribute("data-state", "FAILED");
            assertThat(page.locator("#import-errors tbody tr").first()).containsText("截止时间");
            PortalIT.screenshot(page, "58-import-commission-refused");

            upload(page, "约稿2024（已改）.csv", commissionFile(header, "2024-04-30 17:00"), "commissions");
            assertThat(page.locator("#import-status")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#import-progress")).containsText("新增 1 条");
            PortalIT.screenshot(page, "59-import-commission-done");
        }
    }

    /** Chooses the file, uploads it and waits for the batch page the upload leads to. */
    @Test
    @Order(5)
    void aWorkbookKeptInExcelIsPreviewedAsTheServiceWillReadItAndImported() throws Exception {
        String title = "住建局推进海绵城市建设（Excel 补录测试 " + RUN + "）";
        byte[] workbook = workbook(title);
        try (BrowserContext context = newContext()) {
            Page page = PortalIT.signIn(context, "room-editor", false);
            page.navigate(gateway + "/#/imports");
            page.locator("#import-form[data-kind=items] #import-file").setInputFiles(new FilePayload(
                    "住建局2024年补录.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    workbook));

            // before anything is sent: the sheet's rows as the service will read them, the date cell as a date
            Locator preview = page.locator("#import-preview");
            assertThat(preview).hasAttribute("data-rows", "1");
            assertThat(preview.locator("tbody tr").first()).containsText(title);
            assertThat(preview.locator("tbody tr").first()).containsText("2024-05-28 09:30");
            // the template's columns by their Chinese names
            assertThat(preview.locator("thead")).containsText("报送时间");
            PortalIT.screenshot(page, "55-import-xlsx-preview");

            String before = page.url();
            page.locator("#import-upload").click();
            page.waitForURL(url -> !url.equals(before) && url.contains("#/imports/items/"));
            assertThat(page.locator("#import-status")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#import-progress")).containsText("共 1 行，新增 1 条");
            assertThat(page.locator("#import-status h2")).containsText("住建局2024年补录.csv");
            PortalIT.screenshot(page, "56-import-xlsx-done");

            assertThat(inbox(page, "RECEIVED")).contains(title);

            // the filtered inbox as a workbook Excel opens: the columns shown, the imported item among the rows
            Download exported = page.waitForDownload(() -> page.locator("#app .export-xlsx").click());
            assertThat(exported.suggestedFilename()).isEqualTo("信息室收件箱.xlsx");
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(exported.path()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("标题");
                List<String> titles = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    titles.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                assertThat(titles).anySatisfy(t -> assertThat(t).contains(title));
            }
        }
    }

    /** An items workbook as a clerk's Excel saves it: the template's header, the time a real date cell. */
    private static byte[] workbook(String title) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("补录");
            String[] header = HEADER.strip().split(",");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            CellStyle minutes = wb.createCellStyle();
            minutes.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("U016");
            row.createCell(1).setCellValue(title);
            row.createCell(2).setCellValue("动态类");
            Cell submitted = row.createCell(3);
            submitted.setCellValue(LocalDateTime.of(2024, 5, 28, 9, 30));
            submitted.setCellStyle(minutes);
            row.createCell(4).setCellValue("已接收");
            Cell decided = row.createCell(5);
            decided.setCellValue(LocalDateTime.of(2024, 5, 29, 9, 0));
            decided.setCellStyle(minutes);
            row.createCell(7).setCellValue("否");
            row.createCell(10).setCellValue("全年新建海绵城市示范区2个。");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void upload(Page page, String fileName, String csv) {
        upload(page, fileName, csv, "items");
    }

    private static void upload(Page page, String fileName, String csv, String kind) {
        String before = page.url();
        page.locator("#import-form[data-kind=" + kind + "] #import-file")
                .setInputFiles(new FilePayload(fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-upload").click();
        page.waitForURL(url -> !url.equals(before) && url.contains("#/imports/" + kind + "/"));
        if (kind.equals("items")) {
            assertThat(page.url()).matches(BATCH_PAGE);
        }
        assertThat(page.locator("#import-status h2")).containsText(fileName);
    }

    /** The batch's row in the recent batches (ElTable marks a row by class only). */
    private static Locator batchRow(Page page, String batchId) {
        return page.locator("#import-list tr[class~='batch-" + batchId + "']");
    }

    /** The row and the Chinese column of every row error shown. */
    private static List<List<String>> errorRows(Page page) {
        List<List<String>> rows = new ArrayList<>();
        for (Locator tr : page.locator("#import-errors tbody tr").all()) {
            rows.add(List.of(tr.locator("td").nth(0).innerText().strip(), tr.locator("td").nth(1).innerText().strip()));
        }
        return rows;
    }

    /** The titles the inbox shows for 住建局 in May 2024, received ones and voided ones. */
    private static List<String> inboxTitles(Page page) {
        List<String> titles = new ArrayList<>();
        for (String status : List.of("RECEIVED", "VOIDED")) {
            titles.addAll(inbox(page, status));
        }
        return titles;
    }

    /**
     * Filters the inbox for 住建局's items of May 2024 in one status; returns the titles shown, once the table shows
     * the answer to this filter (the previous answer may be on screen until then).
     */
    private static List<String> inbox(Page page, String status) {
        page.navigate(gateway + "/#/inbox");
        // the first list (已报送) is loaded before the filtered address is opened: its answer must not overwrite this one
        assertThat(page.locator("#item-count")).hasText(Pattern.compile("^共 \\d+ 条$"));
        // the filters are the address's (a bookmark, 后退 and reload keep them)
        Response answer = page.waitForResponse(r -> r.url().contains("/api/intake/items?")
                && r.url().contains("status=" + status) && r.url().contains("unitId=U016"),
                () -> page.navigate(gateway + "/#/inbox?status=" + status + "&unitId=U016&period=2024-05"));
        List<String> listed = new ArrayList<>();
        for (JsonNode item : JSON.readTree(answer.text()).get("items")) {
            listed.add(item.get("content").get("title").asString());
        }
        if (listed.isEmpty()) {
            assertThat(page.locator("#app")).containsText("没有符合条件的信息。");
        } else {
            assertThat(page.locator("#item-table a.item-title")).hasText(listed.toArray(String[]::new));
        }
        return listed;
    }

    private static String itemIdOf(Page page, String title) {
        assertThat(inbox(page, "RECEIVED")).contains(title);
        Locator link = page.locator("#item-table a.item-title", new Page.LocatorOptions().setHasText(title));
        assertThat(link).hasCount(1);
        return link.getAttribute("data-item");
    }

    /**
     * One past commission in the commission template's own columns, whatever it names them: each Chinese header is
     * filled by what it asks for, the others left empty.
     */
    private static String commissionFile(String header, String deadline) {
        // a commission without answers: its own columns filled, the answer columns left empty
        Map<String, String> values = Map.of("约稿标题", "2024年二季度约稿：老旧小区改造（补录测试 " + RUN + "）",
                "约稿要求", "报送老旧小区改造的经验做法", "约稿单位", "U016", "下达时间", "2024-04-01 09:00",
                "截止时间", deadline);
        List<String> cells = new ArrayList<>();
        for (String column : header.split(",", -1)) {
            cells.add(values.getOrDefault(column.strip(), ""));
        }
        return header + "\n" + String.join(",", cells) + "\n";
    }
}
