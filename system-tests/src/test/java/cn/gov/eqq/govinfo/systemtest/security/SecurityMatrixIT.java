package cn.gov.eqq.govinfo.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.devstack.Service;
import cn.gov.eqq.govinfo.testsupport.keycloak.ForgedTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 security points 1 and 2 (function level) over every operation the services' OpenAPI documents declare:
 * every bad token is refused with 401 at the gateway and at each service called directly, and each role is
 * refused (403) exactly what roles.csv does not allow it, while what it allows gets past the role check.
 */
class SecurityMatrixIT {

    /** Forged reporters and unit leaders of these tests belong to this unit. */
    static final String UNIT = "U052";

    static SecuritySystem system;
    static List<Operation> operations;
    static Map<String, Matrix.Row> matrix;
    /** A real draft item of {@link #UNIT}: denied roles are refused on an object that exists. */
    static String itemOfTheUnit;

    @BeforeAll
    static void theRunningSystemAndItsDeclaredOperations() {
        system = SecuritySystem.get();
        operations = system.operations();
        matrix = Matrix.load();
        itemOfTheUnit = Objects.createItem(UNIT);
    }

    @Test
    void everyOperationOfEveryServiceIsClassifiedInTheMatrixAndNothingElse() {
        Set<String> declared = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unclassified = new TreeSet<>(declared);
        unclassified.removeAll(matrix.keySet());
        Set<String> stale = new TreeSet<>(matrix.keySet());
        stale.removeAll(declared);

        assertThat(unclassified).as("operations in /v3/api-docs that security/roles.csv does not classify").isEmpty();
        assertThat(stale).as("rows of security/roles.csv that no service declares any more").isEmpty();
        Map<Service, Long> perService = operations.stream()
                .collect(Collectors.groupingBy(Operation::service, () -> new java.util.EnumMap<>(Service.class),
                        Collectors.counting()));
        System.out.println("[security] operations declared by the services' OpenAPI documents: " + declared.size()
                + " " + perService + "; with a body: " + operations.stream().filter(Operation::hasBody).count()
                + "; with path ids: " + operations.stream().filter(o -> !o.pathParameters().isEmpty()).count());
    }

    @Test
    void aFlawlessForgedTokenIsAcceptedSoEachRefusalBelowIsForItsOneFlaw() {
        String token = system.forged.wellFormed();
        for (Service service : Service.backends()) {
            Operation someGet = operations.stream()
                    .filter(o -> o.service() == service && o.method().equals("GET") && o.pathParameters().isEmpty())
                    .findFirst().orElseThrow();
            Requests.Prepared request = Requests.of(someGet, "U001");
            assertThat(request.sendTo(system.gatewayUrl, token).statusCode()).as("gateway %s", someGet)
                    .isNotEqualTo(401);
            assertThat(request.sendTo(system.url(service), token).statusCode()).as("%s %s", service, someGet)
                    .isNotEqualTo(401);
        }
    }

    static Stream<Arguments> badTokens() {
        Supplier<String> real = () -> SecuritySystem.get().tokens.password("u001-reporter");
        return Stream.of(
                Arguments.of("missing", (Supplier<String>) () -> null),
                Arguments.of("expired", (Supplier<String>) () -> SecuritySystem.get().forged.expired()),
                Arguments.of("wrong issuer", (Supplier<String>) () -> SecuritySystem.get().forged.wrongIssuer()),
                Arguments.of("wrong audience", (Supplier<String>) () -> SecuritySystem.get().forged.wrongAudience()),
                Arguments.of("signed by an unknown key",
                        (Supplier<String>) () -> SecuritySystem.get().forged.signedByUnknownKey()),
                Arguments.of("tampered payload (roles widened to admin)",
                        (Supplier<String>) () -> ForgedTokens.tampered(real.get())),
                Arguments.of("alg=none", (Supplier<String>) () -> ForgedTokens.algNone(real.get())),
                Arguments.of("not a JWT at all", (Supplier<String>) () -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "token {0} → 401 for every operation, at the gateway and at each service")
    @MethodSource("badTokens")
    void everyOperationRefusesABadTokenWith401AtTheGatewayAndAtTheService(String kind, Supplier<String> token) {
        String bad = token.get();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            Requests.Prepared request = Requests.of(op, UNIT);
            for (String base : List.of(system.gatewayUrl, system.url(op.service()))) {
                HttpResponse<String> response = request.sendTo(base, bad);
                calls++;
                boolean where = base.equals(system.gatewayUrl);
                if (response.statusCode() != 401 || !Http.isProblem(response)) {
                    failures.add((where ? "gateway " : op.service() + " ") + op.key() + " → " + Http.describe(response));
                }
            }
        }
        System.out.println("[security] token " + kind + ": " + calls + " calls (" + operations.size()
                + " operations × gateway + service), " + failures.size() + " not 401");
        assertThat(failures).as("calls with a %s token that were not refused with a 401 problem", kind).isEmpty();
    }

    static Stream<String> roles() {
        return Matrix.ROLES.stream();
    }

    @ParameterizedTest(name = "role {0}: 403 for what roles.csv does not allow, past the role check for what it does")
    @MethodSource("roles")
    void eachRoleIsRefusedExactlyWhatTheMatrixDoesNotAllowIt(String role) {
        List<String> failures = new ArrayList<>();
        int denied = 0;
        int allowed = 0;
        for (Operation op : operations) {
            Matrix.Row row = matrix.get(op.key());
            if (row == null) {
                continue; // reported by the classification test
            }
            Requests.Prepared request = Requests.of(op, UNIT);
            if (!row.allows(role)) {
                // a body that passes validation: the role check must refuse it, not the validator
                boolean onItem = row.owner().equals("item");
                Requests.Prepared denial = onItem ? Requests.of(op, UNIT, Map.of("itemId", itemOfTheUnit)) : request;
                for (String base : List.of(system.url(op.service()), system.gatewayUrl)) {
                    HttpResponse<String> response = denial.sendTo(base, Callers.role(role, UNIT));
                    denied++;
                    int status = response.statusCode();
                    boolean refused = status == 403 || (onItem && status == 404);
                    if (!refused || !Http.isProblem(response)) {
                        failures.add("denied " + (base.equals(system.gatewayUrl) ? "gateway " : "") + op.key()
                                + " (" + row.why() + ") → " + Http.describe(response));
                    }
                }
            } else if (!row.probe().equals("skip")) {
                Requests.Prepared probe = row.probe().equals("valid") ? request
                        : request.withBody("application/json", "{}".getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> response = probe.sendTo(system.url(op.service()), Callers.role(role, UNIT));
                allowed++;
                int status = response.statusCode();
                boolean ok = status != 401 && status != 403 && status < 500;
                if (!ok) {
                    failures.add("allowed (" + row.probe() + ") " + op.key() + " → " + Http.describe(response));
                }
            }
        }
        System.out.println("[security] role " + role + ": " + denied + " refusals checked (service + gateway), "
                + allowed + " allowed calls probed, " + failures.size() + " failures");
        assertThat(failures).as("role %s", role).isEmpty();
    }
}
