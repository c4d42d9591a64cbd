package cn.gov.eqq.govinfo.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;
import cn.gov.eqq.govinfo.testsupport.mail.SmtpSink;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in pages a person meets, against the real Keycloak with the project's realm and its login theme
 * (identity/themes/govinfo): the county's name and Chinese wording, and 忘记密码 that mails a reset link through the
 * realm's SMTP server (here {@link SmtpSink}, set through the admin API as an operator would in the console).
 */
class LoginPagesTest {

    private static KeycloakTestServer keycloak;
    private static String admin;

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakTestServer.get();
        admin = keycloak.adminToken();
    }

    @Test
    void theSignInPageCarriesTheCountysNameAndOffersForgottenPassword() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(authorizeUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("鄂托克前旗人民政府办公室", "政务信息报送与考评系统", "用户登录",
                "/resources/", "css/govinfo.css", "忘记密码？");
        assertThat(page.body()).doesNotContain("keycloak-logo-text");
    }

    @Test
    void forgottenPasswordMailsAResetLinkInChinese() throws Exception {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(username);
        Map<String, Object> realm = KeycloakHttp.object(KeycloakHttp.requireOk(
                KeycloakHttp.get(realmUrl(), admin), "读取 realm").body());
        Object smtpBefore = realm.get("smtpServer");
        try (SmtpSink smtp = SmtpSink.start()) {
            setSmtp(Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()), "from", "noreply@govinfo.example",
                    "fromDisplayName", "鄂托克前旗政务信息报送与考评系统", "auth", "false", "ssl", "false", "starttls", "false"));
            Browser browser = new Browser();
            HttpResponse<String> login = browser.get(authorizeUrl());
            String resetLink = unescape(first(login.body(), "href=\"([^\"]*login-actions/reset-credentials[^\"]*)\""));
            HttpResponse<String> resetPage = browser.get(absolute(resetLink));
            assertThat(resetPage.statusCode()).isEqualTo(200);
            assertThat(resetPage.body()).contains("找回密码", "请输入用户名或登记的电子邮箱");
            String action = unescape(first(resetPage.body(), "action=\"([^\"]+)\""));

            HttpResponse<String> sent = browser.postForm(absolute(action), Map.of("username", username));
            assertThat(sent.statusCode()).isIn(200, 302);

            SmtpSink.Message mail = smtp.await(Duration.ofSeconds(30));
            assertThat(mail.recipients()).containsExactly(username + "@govinfo.example");
            String decoded = mail.text();
            assertThat(decoded).contains("login-actions/action-token?key=").contains("密码");
        } finally {
            setSmtp(smtpBefore == null ? Map.of() : smtpBefore);
        }
    }

    private static String authorizeUrl() {
        return keycloak.issuerUri() + "/protocol/openid-connect/auth?client_id=govinfo-gateway&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:5173/callback", StandardCharsets.UTF_8)
                + "&ui_locales=zh-CN";
    }

    private static String absolute(String link) {
        return link.startsWith("http") ? link : keycloak.baseUrl() + link;
    }

    private static String first(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("页面中应有 %s", regex).isTrue();
        return matcher.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    private static void createUser(String username) {
        KeycloakHttp.requireOk(KeycloakHttp.postJson(realmUrl() + "/users", Map.of("username", username,
                "enabled", true, "email", username + "@govinfo.example", "emailVerified", true,
                "firstName", "测", "lastName", "试", "attributes", Map.of("display_name", List.of("测试"))), admin),
                "创建测试用户");
    }

    @SuppressWarnings("unchecked")
    private static void setSmtp(Object smtp) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("smtpServer", smtp);
        KeycloakHttp.requireOk(KeycloakHttp.putJson(realmUrl(), change, admin), "设置 realm 的邮件服务器");
    }

    private static String realmUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    /**
     * A browser's cookie jar by hand: Keycloak marks its cookies Secure even on plain-HTTP loopback, which
     * {@link java.net.CookieManager} would then never send back.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            request.header("Accept-Language", "zh-CN");
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        }
    }
}
