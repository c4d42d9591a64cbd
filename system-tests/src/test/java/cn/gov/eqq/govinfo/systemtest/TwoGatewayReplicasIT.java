package cn.gov.eqq.govinfo.systemtest;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.devstack.Service;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway runs as two replicas with no affinity, as in the cluster: the sign-in started on one may come back to
 * the other, and a person signed in through one goes on through the other, because the session (with the pending
 * authorization request) and the CSRF token live in Redis, not in one replica's memory.
 */
class TwoGatewayReplicasIT extends PortalJourney {

    @Test
    void aSignInStartedOnOneReplicaEndsOnTheOtherAndTheSessionHoldsOnBoth() {
        DevStack stack = RunningSystem.stack();
        assertThat(stack.replicasOf(Service.GATEWAY)).isEqualTo(2);
        String first = stack.serviceUrl(Service.GATEWAY, 1);
        String second = stack.serviceUrl(Service.GATEWAY, 2);
        try (BrowserContext context = chromium.newContext(NETWORK)) {
            // Keycloak answers the sign-in with a redirect back to the replica that started it; the test hands that
            // redirect to the other replica, as a load balancer without affinity may do (a browser route sees only
            // the first request of a redirect chain, so it is Keycloak's answer that is rewritten)
            String keycloak = stack.keycloakIssuerUri().replaceAll("/realms/.*", "");
            AtomicReference<String> callback = new AtomicReference<>();
            context.route(url -> url.startsWith(keycloak + "/realms/") && url.contains("/login-actions/authenticate"),
                    route -> {
                        APIResponse answer = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
                        String location = answer.headers().get("location");
                        if (location == null || !location.startsWith(first + "/login/oauth2/code/")) {
                            route.fulfill(new Route.FulfillOptions().setResponse(answer));
                            return;
                        }
                        callback.set(location);
                        route.fulfill(new Route.FulfillOptions().setStatus(302)
                                .setHeaders(Map.of("location", location.replace(first, second))));
                    });
            Page page = context.newPage();
            page.navigate(first + "/");
            page.locator("#login").click();
            page.locator("#username").fill("u006-reporter");
            page.locator("#password").fill("Demo_2026");
            page.locator("#kc-login").click();

            page.waitForURL(url -> url.startsWith(second) && !url.contains("/login/oauth2/code/"));
            assertThat(callback.get()).as("Keycloak sent the browser back to the first replica").isNotNull();
            assertThat(page.locator("#user")).containsText("刘伟");
            PortalIT.screenshot(page, "replicas-01-signed-in-on-the-second");

            // the same session through the first replica, and a change through it (CSRF token from the session)
            context.unrouteAll();
            page.navigate(first + "/#/items/new");
            assertThat(page.locator("#user")).containsText("刘伟");
            page.locator("#f-title").fill("两个网关副本之间的会话（系统测试）");
            page.locator("#f-category").selectOption("DYNAMIC");
            page.locator("#f-body").fill("从一个网关副本登录，经另一个副本继续办理。");
            page.locator("input[name=topics][value=MAJOR_PROJECTS]").check();
            page.locator("#f-polarity").selectOption("GOOD_NEWS");
            page.locator("#f-contactPhone").fill("0477-7622029");
            page.locator("#save-draft").click();
            page.waitForURL(Pattern.compile(".*#/items/(?!new$)[^/]+$"));
            String item = page.url().replaceAll(".*#/items/", "");

            // and the draft it saved, read back through the second replica
            page.navigate(second + "/#/items/" + item);
            assertThat(page.locator("body")).containsText("两个网关副本之间的会话（系统测试）");
            PortalIT.screenshot(page, "replicas-02-draft-read-through-the-other");
        }
    }
}
