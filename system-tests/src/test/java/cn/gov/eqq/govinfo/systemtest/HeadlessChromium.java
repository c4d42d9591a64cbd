package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's own Chromium (Debian's, installed by .ci/run; Playwright downloads nothing), headless, for the portal
 * tests: each test gets a fresh context — a browser profile of its own, Chinese, Beijing time — whose requests
 * {@link BrowserNetworkLog} records.
 */
final class HeadlessChromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static HeadlessChromium start() {
        // two cores shared with other builds: pages and services can take seconds, not milliseconds
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
        return new HeadlessChromium(playwright, browser);
    }

    BrowserContext newContext(BrowserNetworkLog network) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        network.watch(context);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
