package cn.gov.eqq.govinfo.systemtest.security;

import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city appraisal dashboard's own clients, built the way its IT team builds them: each service's OpenAPI
 * document as the gateway serves it ({@code /api-docs/<service>}, no token), openapi-generator's Java client of it
 * ({@code -g java --library native}), a client-credentials token of the {@code city-dashboard} client from
 * Keycloak, and every read the dashboard may make (roles.csv: GET, the role {@code dashboard}) called through the
 * generated client against the gateway — it must answer 2xx and be read by the client without an error. The
 * ranking reads ask for a fixed period (2026-07); on a system where nothing of it was kept they answer the problem
 * {@code not-found}, which the client reads as its typed {@code ApiException} (and nothing else may fail).
 *
 * <p>A read whose path names an object the dashboard cannot know without another call (an item, a commission, a
 * circular) is left out; a unit, a year and an event schema have values every system has.
 */
class DashboardClientsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Service, String> DOCUMENTS = Map.of(Service.INTAKE, "intake", Service.ADOPTION,
            "adoption", Service.COMMISSION, "commission", Service.SCORING, "scoring", Service.REPORTING, "reporting");
    /** Path values every system has. */
    private static final Map<String, String> KNOWN_PATH_VALUES = Map.of("unitId", "U001", "year", "2026",
            "file", "cn.gov.eqq.govinfo.circular.published.v1.json");

    static SecuritySystem system;
    static String dashboardToken;
    static Map<String, Matrix.Row> matrix;

    @BeforeAll
    static void theSystemAndTheDashboardsToken() {
        system = SecuritySystem.get();
        dashboardToken = system.tokens.cityDashboard();
        matrix = Matrix.load();
        // at least one commission, so that the commission reads answer a deadline the client must read (a
        // Beijing time without offset) whatever ran on this system before
        Objects.commissionFor("U001");
    }

    @Test
    void theDashboardReadsEveryServiceThroughTheGatewayWithGeneratedClientsAndAClientCredentialsToken()
            throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        Map<String, byte[]> specs = new TreeMap<>();
        for (Service service : Service.backends()) {
            String name = DOCUMENTS.get(service);
            HttpResponse<String> document = Http.get(system.gatewayUrl + "/api-docs/" + name, null);
            assertThat(document.statusCode()).as("the gateway serves %s's document", name).isEqualTo(200);
            documents.put(name, JSON.readTree(document.body()));
            specs.put(name, document.body().getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        Map<String, GeneratedJavaClient> clients = GeneratedJavaClient.generateAndCompile(specs);
        System.out.printf("[dashboard-clients] 5 clients generated and compiled in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        List<String> called = new ArrayList<>();
        List<String> noDataYet = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, GeneratedJavaClient> client : clients.entrySet()) {
            String name = client.getKey();
            try (var loader = client.getValue().classLoader(DashboardClientsIT.class.getClassLoader())) {
                Object apiClient = apiClient(loader, name);
                List<Object> apis = apis(loader, client.getValue(), name, apiClient);
                for (Map.Entry<String, JsonNode> path : documents.get(name).path("paths").properties()) {
                    JsonNode get = path.getValue().get("get");
                    Matrix.Row row = matrix.get("GET " + path.getKey());
                    if (get == null || row == null || !row.allows("dashboard") || !row.probe().equals("valid")
                            || !pathValuesKnown(get)) {
                        continue;
                    }
                    String call = "GET " + path.getKey();
                    called.add(call);
                    Answer answer = invoke(apis, get);
                    if (answer.noDataYet()) {
                        noDataYet.add(call);
                    } else if (answer.error() != null) {
                        failed.add(call + ": " + answer.error());
                    }
                }
            }
        }
        System.out.println("[dashboard-clients] called through the gateway with generated clients: " + called
                + "; 404 not-found (nothing of that period kept yet on this system): " + noDataYet);
        assertThat(failed).isEmpty();
        assertThat(noDataYet).as("only the ranking reads of a fixed period may find nothing yet")
                .isSubsetOf("GET /api/reporting/rankings", "GET /api/reporting/rankings/history",
                        "GET /api/scoring/rankings");
        assertThat(called).contains("GET /api/intake/units", "GET /api/adoption/items",
                "GET /api/commission/commissions", "GET /api/scoring/rankings", "GET /api/reporting/statistics",
                "GET /api/reporting/feed/rankings", "GET /api/reporting/feed/circulars",
                "GET /api/reporting/circulars", "GET /api/scoring/units/{unitId}/score",
                "GET /api/reporting/schemas/events/{file}");
    }

    private static boolean pathValuesKnown(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asString().equals("path") && !KNOWN_PATH_VALUES.containsKey(p.path("name").asString())) {
                return false;
            }
        }
        return true;
    }

    /** The generated {@code ApiClient}, pointed at the gateway and sending the dashboard's token on every call. */
    private static Object apiClient(ClassLoader loader, String name) throws Exception {
        Class<?> type = loader.loadClass("cn.gov.eqq.city." + name + ".client.ApiClient");
        Object apiClient = type.getConstructor().newInstance();
        type.getMethod("updateBaseUri", String.class).invoke(apiClient, system.gatewayUrl);
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + dashboardToken);
        type.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, bearer);
        return apiClient;
    }

    private static List<Object> apis(ClassLoader loader, GeneratedJavaClient client, String name, Object apiClient)
            throws Exception {
        List<Object> apis = new ArrayList<>();
        Path dir = client.classes().resolve(Path.of("cn", "gov", "eqq", "city", name, "api"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Api.class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                Class<?> type = loader.loadClass("cn.gov.eqq.city." + name + ".api." + simple);
                apis.add(type.getConstructor(apiClient.getClass()).newInstance(apiClient));
            }
        }
        return apis;
    }

    /**
     * What a call gave: nothing wrong (2xx, read by the client), the problem {@code not-found} of a read without
     * ids (the period asked for has no ranking yet — a fresh system), or the error.
     */
    record Answer(String error, boolean noDataYet) {
    }

    /** Calls the operation's generated method. */
    private static Answer invoke(List<Object> apis, JsonNode op) throws Exception {
        String id = op.path("operationId").asString();
        int count = op.path("parameters").size();
        for (Object api : apis) {
            for (Method method : api.getClass().getMethods()) {
                if (!(method.getName().equals(id) || method.getName().equalsIgnoreCase("call" + id))
                        || method.getParameterCount() != count) {
                    continue;
                }
                Object[] args = arguments(method, op);
                try {
                    method.invoke(api, args);
                    return new Answer(null, false);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    boolean notFound = cause.getClass().getSimpleName().equals("ApiException")
                            && (int) cause.getClass().getMethod("getCode").invoke(cause) == 404
                            && String.valueOf(cause.getClass().getMethod("getResponseBody").invoke(cause))
                            .contains("\"code\":\"not-found\"");
                    return new Answer(cause.toString(), notFound);
                }
            }
        }
        return new Answer("no method " + id + " with " + count + " parameters in the generated client", false);
    }

    /** Required parameters get a value every system accepts; optional ones are left out (null). */
    private static Object[] arguments(Method method, JsonNode op) throws Exception {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            byName.put(normalized(p.path("name").asString()), p);
        }
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            JsonNode p = byName.get(normalized(parameters[i].getName()));
            if (p == null || !p.path("required").asBoolean(false)) {
                continue;
            }
            String name = p.path("name").asString();
            String value = p.path("in").asString().equals("path") ? KNOWN_PATH_VALUES.get(name)
                    : Requests.plausible(new Operation.Parameter(name, "query", true, p.get("schema")));
            args[i] = typed(parameters[i].getType(), value);
        }
        return args;
    }

    private static Object typed(Class<?> type, String value) throws Exception {
        if (type == String.class) {
            return value;
        }
        if (type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(value);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(value);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(value);
        }
        if (type.isEnum()) {
            return type.getMethod("fromValue", String.class).invoke(null, value);
        }
        if (type == List.class) {
            return List.of(value);
        }
        throw new IllegalArgumentException("no value of " + type + " for a required parameter");
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
