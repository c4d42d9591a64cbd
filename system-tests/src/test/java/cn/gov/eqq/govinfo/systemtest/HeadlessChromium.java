package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
        Runnable unwatch = network == null ? () -> { } : network.watch(context);
        return closingQuietly(context, unwatch);
    }

    /**
     * The context, whose {@code close()} first stops the network log's request events and does not fail the test
     * on Playwright's own race at closing: a request event of a page already disposed of ("Object doesn't exist:
     * page@…", playwright-java issue 1197) is the harness's cleanup, not anything the portal did.
     */
    private static BrowserContext closingQuietly(BrowserContext context, Runnable unwatch) {
        return (BrowserContext) Proxy.newProxyInstance(BrowserContext.class.getClassLoader(),
                new Class<?>[]{BrowserContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && (args == null || args.length == 0
                            || args[0] == null || args[0] instanceof BrowserContext.CloseOptions)) {
                        try {
                            unwatch.run();
                            method.invoke(context, args);
                        } catch (InvocationTargetException e) {
                            if (!(e.getCause() instanceof PlaywrightException p)
                                    || p.getMessage() == null || !p.getMessage().contains("Object doesn't exist")) {
                                throw e.getCause();
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
