package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What every portal journey shares: the running system's gateway, a headless Chromium for the test class, a fresh
 * browser context per sign-in, and the browser's requests printed for a failed test. Every screenshot step also
 * checks the page with axe-core ({@link Accessibility}).
 */
abstract class PortalJourney {

    /** What the browser asked and when, printed for a failed test. */
    @RegisterExtension
    static final BrowserNetworkLog NETWORK = new BrowserNetworkLog();

    static HeadlessChromium chromium;
    static String gateway;

    @BeforeAll
    static void startSystemAndBrowser() throws Exception {
        gateway = RunningSystem.stack().gatewayUrl();
        Files.createDirectories(Path.of("target", "screenshots"));
        chromium = HeadlessChromium.start();
    }

    @BeforeEach
    void startNetworkLog() {
        NETWORK.reset();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * The page as shown now, to {@code target/screenshots/<name>.png}; a step that shows a page also shows it to
     * axe-core, which fails it on a serious or critical accessibility violation, and to {@link PageWords}, which
     * fails it on an English or technical word.
     */
    static void screenshot(Page page, String name) {
        // a dialog fades in: the picture shows the page as a person sees it once its finite animations have ended
        page.evaluate("() => Promise.all(document.getAnimations()"
                + ".filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
                + ".map(a => a.finished.catch(() => null)))");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        Accessibility.check(page, name);
        PageWords.check(page, name);
    }

    static BrowserContext newContext() {
        return chromium.newContext(NETWORK);
    }

    /**
     * A context whose page opens a window that closes at once (the sign-in window of 重新登录), without the network
     * log: Playwright delivers the closed window's request events after it disposed of the window, and the test's
     * next call fails with "Object doesn't exist: page@…" (playwright-java issue 1197).
     */
    static BrowserContext newContextForClosingWindows() {
        return chromium.newContext(null);
    }

    /** Opens 新建信息 and fills what every item needs: title, category, body, 喜 and a phone (not yet saved). */
    static void newItem(Page page, String title, String category, String body, String phone) {
        page.navigate(gateway + "/#/items/new");
        page.locator("#f-title").fill(title);
        page.locator("#f-category").selectOption(category);
        page.locator("#f-body").fill(body);
        page.locator("#f-polarity").selectOption("GOOD_NEWS");
        page.locator("#f-contactPhone").fill(phone);
    }

    /** Answers the portal's reason dialog (退回, 作废, 不认可, 更正原因 …) that the button just clicked opened. */
    static void giveReason(Page page, String reason) {
        assertThat(page.locator("#reason-dialog")).isVisible();
        page.locator("#reason-input").fill(reason);
        page.locator("#reason-ok").click();
        assertThat(page.locator("#reason-dialog")).isHidden();
    }

    /** A downloaded 导出 Excel read with Apache POI: its first sheet, each cell as Excel shows it. */
    static List<List<String>> sheetRows(Download download) {
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(download.path()))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) cells.add(shown.formatCellValue(row.getCell(c)));
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("not a workbook: " + download.suggestedFilename(), e);
        }
    }

    /** The row of an item in the lists of items (收件箱, 待签批, 本单位信息): the table row holding its title link. */
    static Locator itemRow(Page page, String itemId) {
        return page.locator("#item-table tr.el-table__row:has(a.item-title[data-item='" + itemId + "'])");
    }
}
